import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-JNFD4LIC.js";
import "./chunk-TGD7EYPN.js";
import "./chunk-IFC2HBFB.js";
import "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";
export {
  verifyArchive,
  verifyArchiveStream
};
