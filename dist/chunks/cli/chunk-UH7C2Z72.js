import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IpmDbError
} from "./chunk-3IXPJEFV.js";

// src/workflow/iris-upgrade-files.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
var IRIS_UPGRADE_REPORT_SCHEMA = "ipm-db/iris-upgrade-report@1";
function parseIrisUpgradeReport(text, source) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError("iris-upgrade-report", `${source} is not JSON.`);
  }
  const r = parsed;
  if (!r || r.schema !== IRIS_UPGRADE_REPORT_SCHEMA || typeof r.fromIrisVersion !== "string" || typeof r.toIrisVersion !== "string" || typeof r.ok !== "boolean" || !Array.isArray(r.checks) || !r.checks.every((c) => c && typeof c.name === "string" && typeof c.ok === "boolean"))
    throw new IpmDbError(
      "iris-upgrade-report",
      `${source} is not an ipm-db iris-upgrade report (${IRIS_UPGRADE_REPORT_SCHEMA}).`
    );
  return {
    fromIrisVersion: r.fromIrisVersion,
    toIrisVersion: r.toIrisVersion,
    ok: r.ok,
    checks: r.checks.map((c) => ({ name: c.name, ok: c.ok }))
  };
}
async function readIrisUpgradeReports(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => join(e.parentPath, e.name)).sort();
  const out = [];
  for (const f of files) out.push(parseIrisUpgradeReport(await readFile(f, "utf8"), f));
  return out;
}

export {
  IRIS_UPGRADE_REPORT_SCHEMA,
  readIrisUpgradeReports
};
