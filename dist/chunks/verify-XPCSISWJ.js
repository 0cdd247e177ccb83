import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  verifyArchive,
  verifyArchiveStream
} from "./chunk-LPT4UFCW.js";
import "./chunk-B3WPNRW2.js";
import "./chunk-5TNWL7QO.js";
import "./chunk-Q34BULHY.js";
import "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";
export {
  verifyArchive,
  verifyArchiveStream
};
