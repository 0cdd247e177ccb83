import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-NOEEE5VN.js";
import "./chunk-ULIA56ZP.js";
import "./chunk-PM3QVZWA.js";
import "./chunk-PS7E4X32.js";
export {
  verifyArchive,
  verifyArchiveStream
};
