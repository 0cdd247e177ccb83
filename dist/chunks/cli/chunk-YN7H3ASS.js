import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-PS7E4X32.js";

// src/util/setting-values.ts
var TRUE_FORMS = ["true", "True", "TRUE"];
var FALSE_FORMS = ["false", "False", "FALSE"];
var DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var MAX_DURATION_MS = 2 ** 31 - 1;
var DURATION_FORMS = "a positive number with a unit, e.g. 90s, 10m or 1h30m (a bare number is seconds)";
function parseList(raw) {
  return raw.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseLists(raws) {
  return [...new Set(raws.flatMap(parseList))];
}
function parseDuration(raw) {
  const text = raw.trim();
  let total = 0;
  if (/^\d+(?:\.\d+)?$/.test(text)) total = Number(text) * 1e3;
  else if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  else for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  const ms = Math.round(total);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}
function parseBoolean(raw) {
  const text = raw.trim();
  if (TRUE_FORMS.includes(text)) return true;
  if (FALSE_FORMS.includes(text)) return false;
  return null;
}

// src/cli/flag-vocabulary.ts
function warnCli(io, message) {
  io.stderr.write(io.env.GITHUB_ACTIONS === "true" ? `::warning::${message}
` : `warning: ${message}
`);
}
function flagName(arg) {
  const m = /^--([^=]+)/.exec(arg);
  return m ? m[1] : null;
}
function withCurrentFlagNames(argv, renames, io) {
  const end = argv.indexOf("--");
  const flags = end < 0 ? argv : argv.slice(0, end);
  const used = new Set(flags.map(flagName).filter((n) => n !== null));
  const out = [];
  const warned = /* @__PURE__ */ new Set();
  for (const arg of flags) {
    const name = flagName(arg);
    const current = name === null ? void 0 : renames[name];
    if (name === null || current === void 0) {
      out.push(arg);
      continue;
    }
    if (used.has(current))
      throw new UsageError(`--${name} and --${current} are the same option; give only --${current}.`);
    if (!warned.has(name)) {
      warned.add(name);
      warnCli(io, `--${name} is deprecated; use --${current}.`);
    }
    out.push(`--${current}${arg.slice(2 + name.length)}`);
  }
  return end < 0 ? out : [...out, ...argv.slice(end)];
}
function withBooleanValues(argv, booleans, opts = {}) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const next = argv[i + 1];
    const separateValue = opts.separate && next !== void 0 && parseBoolean(next) !== null ? next : void 0;
    if (!m || !booleans.includes(m[1]) || m[2] === void 0 && separateValue === void 0) {
      out.push(arg);
      continue;
    }
    const raw = m[2] ?? separateValue;
    if (m[2] === void 0) i++;
    const value = parseBoolean(raw);
    if (value === null) throw new UsageError(`--${m[1]}: "${raw}" is not a boolean; write true or false.`);
    if (value) out.push(`--${m[1]}`);
    else if (opts.negatable) out.push(`--no-${m[1]}`);
  }
  return out;
}
function withoutNegations(argv, booleans) {
  const args = [];
  const last = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    const m = /^--(no-)?(.+)$/s.exec(arg);
    if (m && booleans.includes(m[2])) {
      last.set(m[2], m[1] === void 0);
      if (m[1] !== void 0) continue;
    }
    args.push(arg);
  }
  return { args, off: new Set([...last].filter(([, on]) => !on).map(([flag]) => flag)) };
}
function durationFlag(name, raw) {
  if (raw === void 0) return void 0;
  const ms = parseDuration(raw);
  if (ms === null)
    throw new UsageError(`--${name}: "${raw}" is not a duration of at most 596h; write ${DURATION_FORMS}.`);
  return ms;
}

export {
  parseList,
  parseLists,
  warnCli,
  withCurrentFlagNames,
  withBooleanValues,
  withoutNegations,
  durationFlag
};
