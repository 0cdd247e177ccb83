import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-645TJBQ5.js";
import "./chunk-XKFX33XW.js";
import "./chunk-MWJ6OVDP.js";
import "./chunk-3IXPJEFV.js";
export {
  verifyArchive,
  verifyArchiveStream
};
