import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-MLJMLZZA.js";
import "./chunk-TBTJLIKU.js";
import "./chunk-7XQEMRI4.js";
import "./chunk-PS7E4X32.js";
export {
  verifyArchive,
  verifyArchiveStream
};
