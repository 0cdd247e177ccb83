import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-I3D23ZAE.js";
import "./chunk-M4NVEFTW.js";
import "./chunk-4EGOTF4F.js";
import "./chunk-PS7E4X32.js";
export {
  verifyArchive,
  verifyArchiveStream
};
