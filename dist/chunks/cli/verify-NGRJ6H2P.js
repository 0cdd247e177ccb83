import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-BLLVJTVF.js";
import "./chunk-JAW33Q2O.js";
import "./chunk-PD2Q46UJ.js";
import "./chunk-PS7E4X32.js";
export {
  verifyArchive,
  verifyArchiveStream
};
