import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-YFOGGQV2.js";
import "./chunk-5ANQDSVI.js";
import "./chunk-RNUBBP2G.js";
import "./chunk-3IXPJEFV.js";
export {
  verifyArchive,
  verifyArchiveStream
};
