import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-QY5VCTJD.js";
import "./chunk-FHRPC6OU.js";
import "./chunk-CDUEQT35.js";
import "./chunk-3IXPJEFV.js";
export {
  verifyArchive,
  verifyArchiveStream
};
