import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-D2EJXSZV.js";
import "./chunk-IYLIHNSI.js";
import "./chunk-LHJJDPQR.js";
import "./chunk-ZERVBGX4.js";
import "./chunk-3IXPJEFV.js";
export {
  verifyArchive,
  verifyArchiveStream
};
