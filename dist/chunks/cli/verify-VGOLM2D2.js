import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-Q5UBLKUY.js";
import "./chunk-CUITPXCJ.js";
import "./chunk-3IXPJEFV.js";
export {
  verifyArchive,
  verifyArchiveStream
};
