import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  ipmGitSource,
  runCommand,
  summary
} from "./chunk-NKWM4E4Q.js";
import "./chunk-7MBQYEK2.js";
import "./chunk-S472CTFC.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-UI2KDFS6.js";
import "./chunk-V5BXAI5T.js";
import "./chunk-LHOB67AV.js";
import "./chunk-MUEYQYTT.js";
import "./chunk-OENXKGCQ.js";
import "./chunk-PV5AJG7C.js";
import "./chunk-KHG3NGCP.js";
import "./chunk-YQZX5H4P.js";
import "./chunk-3IXPJEFV.js";
export {
  ipmGitSource,
  runCommand,
  summary
};
