import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-NJUY4LB6.js";
import "./chunk-JM3CD6EF.js";
import "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";
export {
  verifyArchive,
  verifyArchiveStream
};
