import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-RWNQWFBA.js";
import {
  verifyArchive
} from "./chunk-NOEEE5VN.js";
import "./chunk-ULIA56ZP.js";
import {
  EXIT,
  redact
} from "./chunk-KHG3NGCP.js";
import {
  irisMajorMinor
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError,
  describeError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/verify.ts
import { parseArgs } from "node:util";
import { resolve } from "node:path";

// src/archive/render-report.ts
function bytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
function findingLines(title, list) {
  if (list.length === 0) return [];
  return [
    "",
    `${title} (${list.length}):`,
    ...list.map((f) => `  - [${f.code}]${f.entry ? ` ${printable(f.entry)}:` : ""} ${printable(f.message)}`)
  ];
}
function renderReport(r) {
  const roles = /* @__PURE__ */ new Map();
  for (const e of r.entries) roles.set(e.role, (roles.get(e.role) ?? 0) + 1);
  const lines = [
    `${r.valid ? "VALID" : "INVALID"}: ${r.archive.path}`,
    "",
    `Archive   ${bytes(r.archive.size)} compressed, ${bytes(r.archive.uncompressedSize)} in ${r.archive.entryCount} entries` + (r.archive.fullyRead === false ? " (verification stopped early)" : ""),
    `          sha256 ${r.archive.sha256}`,
    `Entries   ${[...roles].map(([role, n]) => `${n} ${role}`).join(", ") || "none"}`
  ];
  if (r.module) {
    lines.push(
      // Names and versions come from the archive's module.xml: one line each, whatever they hold.
      `Module    ${printable(r.module.name) || "(no name)"} ${printable(r.module.version) || "(no version)"}, packaging ${printable(r.module.packaging ?? "(none)")}, IRIS ${printable(r.module.irisVersion ?? "(not stated)")}`
    );
    if (r.module.updatePackage) lines.push(`          update steps in ${printable(r.module.updatePackage)}`);
  } else {
    lines.push("Module    (module.xml not read)");
  }
  lines.push(
    `IRIS.DAT  ${r.irisDat ? bytes(r.irisDat.size) : "(not found)"}`,
    `Checksum  expected ${r.checksum.expected ?? "(none)"}${r.checksum.algorithm ? ` (${r.checksum.algorithm})` : ""}`,
    `          actual   ${r.checksum.actual ?? "(not computed)"}  ${r.checksum.match ? "MATCH" : "NO MATCH"}`
  );
  if (r.dependencies.length === 0) lines.push("Deps      none");
  for (const [i, d] of r.dependencies.entries()) {
    const declared = d.declaredVersion ? `declared ${d.declaredVersion}` : "transitive";
    const packaged = d.depsFile ? `packaged ${d.packagedVersion ?? "?"} in ${d.depsFile}` : "no deps file";
    lines.push(`${i === 0 ? "Deps     " : "         "} ${printable(`${d.name}: ${declared}, ${packaged}`)}`);
  }
  const tests = r.builtWithTestResources === null ? "unknown" : r.builtWithTestResources ? "included (-dev)" : "not included";
  lines.push(`Tests     test resources ${tests}`);
  lines.push(
    ...findingLines("Errors", r.errors),
    ...findingLines("Warnings", r.warnings),
    ...findingLines("Notes", r.infos)
  );
  lines.push("", `Verified in ${r.durationMs} ms.`);
  return lines.join("\n");
}

// src/cli/commands/verify.ts
var usage = `Usage: ipm-db verify <archive.tgz> [--iris-version X.Y] [--name NAME] [--version VERSION] [--json]

Verifies an IPM database package (.tgz from package-database) in one streaming pass,
without extracting it: IRIS.DAT checksum, module.xml, deps/, unsafe entries, limits.

Options:
  --iris-version X.Y   IRIS major.minor the package must install on (e.g. 2026.1)
  --name NAME          module name the package must have
  --version VERSION    module version the package must have
  --json               print the report as JSON (schema: docs/verify-report.md)

Exit status: 0 valid, 1 invalid (every failing check is listed), 2 usage error or unreadable file.`;
var verifyCommand = {
  name: "verify",
  summary: "verify a database package .tgz without extracting it",
  usage,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          "iris-version": { type: "string" },
          name: { type: "string" },
          version: { type: "string" },
          json: { type: "boolean", default: false }
        }
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? "missing <archive.tgz>" : `expected one archive, got ${positionals.length}`,
        "Give the path of the .tgz that IPM package-database wrote."
      );
    }
    const irisVersion = values["iris-version"];
    if (irisVersion !== void 0 && irisMajorMinor(irisVersion) === null) {
      throw new UsageError(
        `--iris-version "${irisVersion}" is not an IRIS version`,
        "Give major.minor, e.g. --iris-version 2026.1."
      );
    }
    for (const flag of ["name", "version"]) {
      if (values[flag] !== void 0 && values[flag].trim() === "") throw new UsageError(`--${flag} must not be empty`);
    }
    let report;
    try {
      report = await verifyArchive(resolve(io.cwd, positionals[0]), {
        ...irisVersion !== void 0 && { expectedIrisVersion: irisVersion },
        ...values.name !== void 0 && { expectedModuleName: values.name },
        ...values.version !== void 0 && { expectedModuleVersion: values.version }
      });
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code !== "archive-unreadable") throw err;
      io.stderr.write(`ipm-db verify: ${redact(describeError(err))}
`);
      return EXIT.usage;
    }
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : `${renderReport(report)}
`);
    return report.valid ? EXIT.ok : EXIT.failed;
  }
};
export {
  verifyCommand
};
