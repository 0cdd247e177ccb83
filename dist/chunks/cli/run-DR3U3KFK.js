import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  ipmGitSource,
  runCommand,
  summary
} from "./chunk-AL7Z4K7I.js";
import "./chunk-IOD73F3O.js";
import "./chunk-S472CTFC.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-MLJMLZZA.js";
import "./chunk-UPQPADT4.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-ETCAINOH.js";
import "./chunk-TBTJLIKU.js";
import "./chunk-HY7YMROX.js";
import "./chunk-SCA4I4KM.js";
import "./chunk-KHG3NGCP.js";
import "./chunk-7XQEMRI4.js";
import "./chunk-PS7E4X32.js";
export {
  ipmGitSource,
  runCommand,
  summary
};
