import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  NO_MODULE_SETTINGS,
  Scenario,
  describeSettingsUse,
  directoryCache,
  driverUpgradeEnvironment,
  ipmStage,
  ipmdbLines,
  mergeModuleSettings,
  parseInstallerSpec,
  proveUpgrade,
  quote,
  readModuleSettings,
  readUpgradeOptions,
  runPipeline,
  settingsError,
  settingsFileLabel,
  startStage,
  throwOnReportedErrors
} from "./chunk-YM7X6SVI.js";
import {
  IRIS_UPGRADE_REPORT_SCHEMA
} from "./chunk-6Z5O7C5P.js";
import "./chunk-RWNQWFBA.js";
import {
  verifyArchive
} from "./chunk-MLJMLZZA.js";
import "./chunk-UPQPADT4.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-TBTJLIKU.js";
import {
  consoleLogger,
  parseCommandArgs
} from "./chunk-HY7YMROX.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError,
  describeError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/iris-upgrade.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { mkdir } from "node:fs/promises";

// src/pipeline/upgrade/iris-upgrade.ts
var VERSION_REFUSAL = /The module cannot be installed on the current version[^\n]*/;
function systemRequirementsLine(moduleName) {
  return `try { set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName)}) write "##IPMDB sysreq=",$select('$isobject(m):"",'$isobject(m.SystemRequirements):"",1:m.SystemRequirements.VersionString),! } catch e { write "##IPMDB error=system requirements|",e.DisplayString(),! }`;
}
async function runIrisUpgrade(env, options, from, to, logger) {
  const previous = { source: "path", reference: from.packagePath, version: options.previous.version };
  const s = new Scenario("iris-upgrade", previous, options, to.release);
  const refusal = {
    name: `package for ${from.irisMajorMinor} refused on ${to.irisMajorMinor}`,
    ok: false,
    detail: "not tried: the scenario failed before IRIS was upgraded"
  };
  const requirement = {
    name: `SystemRequirements Version ${to.irisMajorMinor} after the upgrade`,
    ok: false,
    detail: "not read: the scenario failed before the upgrade"
  };
  logger.info(`iris-upgrade: ${from.image} -> ${to.image}`);
  let scenario;
  try {
    const iris = await env.startDurable(from.image);
    try {
      scenario = await proveUpgrade(
        s,
        iris,
        async (i, namespace) => void await i.loadPackage(namespace, from.packagePath),
        options,
        to.release,
        async () => {
          await iris.replace(to.image);
          const probe = await iris.createNamespace();
          try {
            await iris.loadPackage(probe, from.packagePath);
            refusal.detail = `IPM installed the package built for ${from.irisMajorMinor} on ${to.irisMajorMinor}`;
          } catch (err) {
            const text = describeError(err);
            const refused = VERSION_REFUSAL.exec(text)?.[0];
            refusal.ok = refused !== void 0;
            refusal.detail = refused ?? `refused for another reason: ${text}`;
          }
        }
      );
      if (scenario.namespace) {
        const output = await iris.run(
          scenario.namespace,
          [systemRequirementsLine(to.release.moduleName)],
          "reading SystemRequirements"
        );
        throwOnReportedErrors(output, "Reading the module SystemRequirements");
        const got = ipmdbLines(output).find((l) => l.key === "sysreq")?.value ?? "";
        requirement.ok = got === to.irisMajorMinor;
        requirement.detail = `SystemRequirements Version is "${got}"`;
      }
    } finally {
      await iris.dispose();
    }
  } catch (err) {
    scenario = s.fail(err);
  }
  const checks = [
    { name: "upgrade", ok: scenario.ok, detail: scenario.message },
    refusal,
    requirement,
    ...scenario.checks.map((c) => ({ name: `check ${c.check} on ${to.irisMajorMinor}`, ok: c.ok, detail: c.returned }))
  ];
  const failed = checks.find((c) => !c.ok);
  return {
    schema: IRIS_UPGRADE_REPORT_SCHEMA,
    fromIrisVersion: from.irisMajorMinor,
    toIrisVersion: to.irisMajorMinor,
    fromImage: from.image,
    toImage: to.image,
    ok: !failed,
    message: failed ? `${failed.name}: ${failed.detail}` : `${to.release.moduleName} upgraded from IRIS ${from.irisMajorMinor} to ${to.irisMajorMinor}: ${scenario.message}`,
    checks,
    scenario
  };
}

// src/cli/commands/iris-upgrade.ts
var usage = `Usage: ipm-db iris-upgrade --from-archive <tgz> --from-image <image> --to-archive <tgz> --to-image <image>
                           --ipm <path|version> [--ipm-sha256 <hex>] [--report <file>] [options]

The iris-upgrade scenario (docs/upgrade-testing.md) from two archives of one module release: the
package built on IRIS N (--from-*) is installed in a container of IRIS N whose data directory is a
named volume, data is written, the container stops; a container of IRIS N+1 (--to-image) starts on
the volume (IRIS upgrades the instance), must refuse the N package, and takes the N+1 package with
update -swap-db. Exit 0 when every check passed.

  --seed <C:M,...>           class methods writing data after the N package is installed
  --checks <C:M,...>         class methods that must return 1 on N+1
  --declared-changes <text>  as for ipm-db run
  --upgrade-globals <list>   globals to fingerprint (default: the data database's)
  --module-path <dir>        the module's source directory: its ipm-db.yml (docs/module-settings.md) gives
                             seed-methods, check-methods, declared-changes, upgrade-globals and
                             upgrade-exclude-globals where the flags above are not given
  --report <file>            write the report (schema ipm-db/iris-upgrade-report@1)
  --verbose                  IRIS/IPM output on stderr
`;
async function moduleOf(path) {
  const report = await verifyArchive(path);
  const m = report.module;
  if (!report.valid || !m || !m.irisVersion || !m.manifestXml)
    throw new IpmDbError(
      "iris-upgrade-archive",
      `${path} is not a valid database package: ${report.errors[0]?.message ?? "no module"}`
    );
  return {
    name: m.name,
    version: m.version,
    irisMajorMinor: m.irisVersion,
    updatePackage: m.updatePackage,
    moduleXml: m.manifestXml
  };
}
var irisUpgradeCommand = {
  name: "iris-upgrade",
  summary: "upgrade-test a package across two IRIS versions on a durable volume (from two archives)",
  usage,
  async run(argv, io) {
    const { values: v } = parseCommandArgs(argv, {
      "from-archive": { type: "string" },
      "from-image": { type: "string" },
      "to-archive": { type: "string" },
      "to-image": { type: "string" },
      ipm: { type: "string" },
      "ipm-sha256": { type: "string" },
      seed: { type: "string" },
      checks: { type: "string" },
      "declared-changes": { type: "string" },
      "upgrade-globals": { type: "string" },
      "module-path": { type: "string" },
      report: { type: "string" },
      verbose: { type: "boolean" }
    });
    for (const flag of ["from-archive", "from-image", "to-archive", "to-image", "ipm"])
      if (!v[flag]) throw new UsageError(`--${flag} is required`);
    const fromArchive = resolve(io.cwd, v["from-archive"]);
    const toArchive = resolve(io.cwd, v["to-archive"]);
    const given = {
      "upgrade-from": fromArchive,
      "seed-methods": v.seed,
      "check-methods": v.checks,
      "declared-changes": v["declared-changes"],
      "upgrade-globals": v["upgrade-globals"]
    };
    const sourceDir = v["module-path"] === void 0 ? null : resolve(io.cwd, v["module-path"]);
    const settings = mergeModuleSettings(
      sourceDir ? await readModuleSettings(sourceDir, settingsFileLabel(io.cwd, sourceDir)) : NO_MODULE_SETTINGS,
      (name) => given[name],
      ["seed-methods", "check-methods", "declared-changes", "upgrade-globals", "upgrade-exclude-globals"]
    );
    if (settings.use) for (const line of describeSettingsUse(settings.use, "flags")) io.stderr.write(`${line}
`);
    const flagName = { "seed-methods": "--seed", "check-methods": "--checks" };
    const { options, problems } = readUpgradeOptions(
      {
        "upgrade-from": fromArchive,
        "upgrade-scenarios": "database",
        "seed-methods": settings.text("seed-methods") ?? "",
        "check-methods": settings.text("check-methods") ?? "",
        "declared-changes": settings.text("declared-changes") ?? "",
        "upgrade-globals": settings.text("upgrade-globals") ?? "",
        "upgrade-exclude-globals": settings.text("upgrade-exclude-globals") ?? ""
      },
      { name: (field) => flagName[field] ?? `--${field}` }
    );
    const error = settingsError(problems, settings, { name: (field) => flagName[field] ?? `--${field}` });
    if (error) throw error;
    if (!options) throw new UsageError("--from-archive gives no previous release to upgrade from");
    const [from, to] = [await moduleOf(fromArchive), await moduleOf(toArchive)];
    if (from.name.toLowerCase() !== to.name.toLowerCase())
      throw new UsageError(`the archives hold different modules: ${from.name} and ${to.name}`);
    const installer = await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd);
    const logger = consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr });
    const moduleDir = await mkdtemp(join(tmpdir(), "ipm-db-iris-upgrade-"));
    let result = null;
    try {
      await writeFile(join(moduleDir, "module.xml"), to.moduleXml);
      const stage = {
        name: "upgrade",
        async run(ctx) {
          result = await runIrisUpgrade(
            driverUpgradeEnvironment(ctx, () => Promise.reject(new IpmDbError("iris-upgrade", "nothing is pulled"))),
            options,
            { image: v["from-image"], irisMajorMinor: from.irisMajorMinor, packagePath: fromArchive },
            {
              image: v["to-image"],
              irisMajorMinor: to.irisMajorMinor,
              packagePath: toArchive,
              release: {
                moduleName: to.name,
                version: to.version,
                packagePath: toArchive,
                updatePackage: to.updatePackage,
                irisMajorMinor: to.irisMajorMinor
              }
            },
            logger
          );
          if (!result.ok) throw new IpmDbError("iris-upgrade-failed", result.message);
          return result.message;
        }
      };
      const run = await runPipeline({
        image: v["to-image"],
        moduleDir,
        outDir: moduleDir,
        installer,
        installerCache: directoryCache(
          join(io.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ipm-db", "installers")
        ),
        verbose: v.verbose ?? false,
        ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
        logger,
        verifyArchive,
        stages: [startStage, ipmStage, stage]
      });
      if (!result) {
        const failed = run.stages.find((s) => s.status === "failed");
        throw new IpmDbError(
          "iris-upgrade",
          `IRIS ${to.irisMajorMinor} did not get ready: ${failed?.message ?? "unknown"}`
        );
      }
    } finally {
      await rm(moduleDir, { recursive: true, force: true });
    }
    const report = result;
    if (v.report) {
      const file = resolve(io.cwd, v.report);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(report, null, 2) + "\n");
    }
    for (const c of report.checks) io.stdout.write(`${c.ok ? "passed" : "FAILED"}  ${c.name}: ${c.detail}
`);
    io.stdout.write(
      `${report.ok ? "PASSED" : "FAILED"}  iris-upgrade ${report.fromIrisVersion} -> ${report.toIrisVersion}
`
    );
    return report.ok ? EXIT.ok : EXIT.failed;
  }
};
export {
  irisUpgradeCommand
};
