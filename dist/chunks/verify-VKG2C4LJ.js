import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-6KL36U33.js";
import "./chunk-WXH56NKN.js";
import "./chunk-YCJ6GU4O.js";
import "./chunk-IFC2HBFB.js";
import "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";
export {
  verifyArchive,
  verifyArchiveStream
};
