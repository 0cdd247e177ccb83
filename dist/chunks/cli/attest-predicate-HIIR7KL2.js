import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  readLegs,
  readPublishResults,
  roundTripStatus
} from "./chunk-6SMS5ABQ.js";
import {
  IRIS_UPGRADE_REPORT_SCHEMA
} from "./chunk-S472CTFC.js";
import "./chunk-G7AT5NQ2.js";
import {
  parseDatabaseTag
} from "./chunk-ULIA56ZP.js";
import {
  parseCommandArgs
} from "./chunk-4W7SJPR4.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import {
  isDigest,
  parseReference
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/attest-predicate.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join as join2, resolve } from "node:path";

// src/workflow/iris-upgrade-files.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
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

// src/workflow/test-attestation.ts
function repositoryOf(reference) {
  const { registry, repository } = parseReference(reference);
  return `${registry}/${repository}`;
}
function irisOfTag(tag) {
  return parseDatabaseTag(tag)?.irisMajorMinor ?? null;
}
function reportFor(item, legs) {
  const iris = irisOfTag(item.tag);
  const matches = legs.flatMap(
    (leg) => leg.reports.filter((r) => r.irisVersion === iris && r.archive !== null).map((report) => ({ leg, report }))
  );
  if (!iris || matches.length !== 1)
    throw new IpmDbError(
      "attest-predicate",
      `${item.reference}: ${matches.length === 0 ? "no" : matches.length} leg report(s) built it (IRIS ${iris ?? "?"}); exactly one is needed to attest what was tested.`,
      { hint: "Pass the leg artifacts the publish job published from (the same directory and prefix)." }
    );
  return matches[0];
}
function hexOf(digest) {
  if (!isDigest(digest)) throw new IpmDbError("attest-predicate", `"${digest}" is not a sha256 manifest digest.`);
  return digest.slice("sha256:".length);
}
function legVerdicts(label, report) {
  const passed = [];
  const failed = [];
  for (const s of report.stages) {
    if (s.stage === "publish" || s.status === "skipped") continue;
    (s.status === "passed" ? passed : failed).push(`${label}: stage ${s.stage}`);
  }
  for (const u of report.upgrade) (u.ok ? passed : failed).push(`${label}: upgrade scenario ${u.scenario}`);
  return { passed, failed };
}
function buildTestResultPredicate(input) {
  if (input.published.length === 0)
    throw new IpmDbError("attest-predicate", "Nothing was published, so there is nothing to attest.");
  if (!/^https:\/\/\S+$/.test(input.runUrl))
    throw new IpmDbError("attest-predicate", `--run-url "${input.runUrl}" is not an https URL of the workflow run.`);
  const configuration = [];
  const passedTests = [];
  const failedTests = [];
  const tagOfIris = /* @__PURE__ */ new Map();
  for (const item of input.published) {
    const { leg, report } = reportFor(item, input.legs);
    const archive = report.archive;
    const iris = report.irisVersion;
    tagOfIris.set(iris, item.tag);
    const common = { tag: item.tag, manifestDigest: item.digest, irisVersion: iris };
    configuration.push({
      name: item.reference,
      uri: `oci://${repositoryOf(item.reference)}@${item.digest}`,
      digest: { sha256: hexOf(item.digest) },
      annotations: {
        ...common,
        role: "published package",
        image: report.image,
        irisBuild: report.irisBuild ?? "",
        ipmVersion: report.ipmVersion ?? "",
        module: report.module ? `${report.module.name} ${report.module.version}` : "",
        matrixVersion: leg.version,
        roundTrip: roundTripStatus(item)
      }
    });
    configuration.push({
      name: archive.fileName,
      digest: { sha256: archive.sha256 },
      annotations: { ...common, role: "archive", size: String(archive.size) }
    });
    if (archive.irisDatSha256)
      configuration.push({
        name: `${archive.fileName}!IRIS.DAT`,
        digest: { sha256: archive.irisDatSha256 },
        annotations: { ...common, role: "IRIS.DAT" }
      });
    const verdicts = legVerdicts(`${item.tag} on IRIS ${leg.version}`, report);
    passedTests.push(...verdicts.passed);
    failedTests.push(...verdicts.failed);
    (roundTripStatus(item) === "verified" ? passedTests : failedTests).push(`${item.tag}: round-trip ${item.digest}`);
  }
  for (const u of input.irisUpgrades) {
    const tag = tagOfIris.get(u.toIrisVersion) ?? `IRIS ${u.toIrisVersion} package`;
    const label = `${tag}: iris-upgrade ${u.fromIrisVersion} -> ${u.toIrisVersion}`;
    if (u.checks.length === 0) (u.ok ? passedTests : failedTests).push(label);
    for (const c of u.checks) (c.ok ? passedTests : failedTests).push(`${label}: ${c.name}`);
  }
  return {
    result: failedTests.length === 0 ? "PASSED" : "FAILED",
    configuration,
    url: input.runUrl,
    passedTests,
    warnedTests: [],
    failedTests
  };
}
function attestationSubjects(published) {
  const lines = [...new Set(published.map((p) => `${hexOf(p.digest)}  ${repositoryOf(p.reference)}`))];
  return lines.map((l) => `${l}
`).join("");
}

// src/cli/commands/attest-predicate.ts
var usage = `Usage: ipm-db attest-predicate <legs dir> --prefix <p> --published <dir> --run-url <url> --out <dir>
                                 [--iris-upgrades <dir>]

Writes what the reusable workflow's publish job attests (docs/attestations.md):

  <out>/test-result.json  the in-toto test-result predicate: for every published digest, the IRIS
                          version it was built and tested on, each stage and upgrade-scenario verdict,
                          the archive and IRIS.DAT checksums, every iris-upgrade it took part in, and
                          the run URL (schema: docs/test-result-predicate.schema.json)
  <out>/subjects.txt      "<sha256 hex>  <registry>/<namespace>/<module>" per published digest, for
                          actions/attest's subject-checksums

<legs dir> and --prefix: the legs' artifacts as for "ipm-db legs"; --published: the "ipm-db publish
--json" results; --iris-upgrades: the iris-upgrade jobs' reports (optional).
`;
var attestPredicateCommand = {
  name: "attest-predicate",
  summary: "write the test-result attestation predicate and subjects of what was published",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      prefix: { type: "string" },
      published: { type: "string" },
      "iris-upgrades": { type: "string" },
      "run-url": { type: "string" },
      out: { type: "string" }
    });
    if (positionals.length !== 1) throw new UsageError("give exactly one directory of leg artifacts");
    for (const flag of ["prefix", "published", "run-url", "out"])
      if (!values[flag]) throw new UsageError(`--${flag} is required`);
    const legs = await readLegs(resolve(io.cwd, positionals[0]), values.prefix);
    const published = await readPublishResults(resolve(io.cwd, values.published));
    const irisUpgrades = values["iris-upgrades"] ? await readIrisUpgradeReports(resolve(io.cwd, values["iris-upgrades"])) : [];
    const predicate = buildTestResultPredicate({ legs, published, irisUpgrades, runUrl: values["run-url"] });
    const out = resolve(io.cwd, values.out);
    await mkdir(out, { recursive: true });
    await writeFile(join2(out, "test-result.json"), JSON.stringify(predicate, null, 2) + "\n");
    await writeFile(join2(out, "subjects.txt"), attestationSubjects(published));
    io.stdout.write(
      `${predicate.result}: ${predicate.passedTests.length} passed, ${predicate.failedTests.length} failed, ${published.length} digest(s) attested
`
    );
    return EXIT.ok;
  }
};
export {
  attestPredicateCommand
};
