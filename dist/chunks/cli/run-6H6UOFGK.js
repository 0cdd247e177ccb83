import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  RUN_FLAG_RENAMES,
  ipmGitSource,
  runCommand,
  summary
} from "./chunk-4S37RAQA.js";
import "./chunk-HHJCQDWQ.js";
import "./chunk-N6TO663B.js";
import "./chunk-S472CTFC.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-NOEEE5VN.js";
import "./chunk-UPQPADT4.js";
import "./chunk-YN7H3ASS.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-2KJ6O3BA.js";
import "./chunk-ULIA56ZP.js";
import "./chunk-4W7SJPR4.js";
import "./chunk-SCA4I4KM.js";
import "./chunk-KHG3NGCP.js";
import "./chunk-PM3QVZWA.js";
import "./chunk-PS7E4X32.js";
export {
  RUN_FLAG_RENAMES,
  ipmGitSource,
  runCommand,
  summary
};
