import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  ipmGitSource,
  runCommand,
  summary
} from "./chunk-ST7YP5DQ.js";
import "./chunk-KZKMBKIJ.js";
import "./chunk-S472CTFC.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-HUQTLOAG.js";
import "./chunk-V5BXAI5T.js";
import "./chunk-YV35O4ZJ.js";
import "./chunk-JAW33Q2O.js";
import "./chunk-SJXADZNC.js";
import "./chunk-SCA4I4KM.js";
import "./chunk-KHG3NGCP.js";
import "./chunk-PD2Q46UJ.js";
import "./chunk-PS7E4X32.js";
export {
  ipmGitSource,
  runCommand,
  summary
};
