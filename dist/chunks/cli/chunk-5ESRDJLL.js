import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  Scenario,
  driverUpgradeEnvironment,
  ipmStage,
  ipmdbLines,
  proveUpgrade,
  quote,
  runPipeline,
  startStage,
  throwOnReportedErrors
} from "./chunk-N6TO663B.js";
import {
  IRIS_UPGRADE_REPORT_SCHEMA
} from "./chunk-S472CTFC.js";
import {
  verifyArchive
} from "./chunk-NOEEE5VN.js";
import {
  parseIrisMajorMinor
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  describeError
} from "./chunk-PS7E4X32.js";

// src/pipeline/upgrade/iris-upgrade-pair.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/pipeline/upgrade/iris-upgrade.ts
var VERSION_REFUSAL = /The module cannot be installed on the current version[^\n]*/;
function systemRequirementsLine(moduleName) {
  return `try { set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName)}) write "##IPMDB sysreq=",$select('$isobject(m):"",'$isobject(m.SystemRequirements):"",1:m.SystemRequirements.VersionString),! } catch e { write "##IPMDB error=system requirements|",e.DisplayString(),! }`;
}
async function runIrisUpgrade(env, options, from, to, logger) {
  const previous = { source: "path", reference: from.packagePath, version: from.moduleVersion };
  const judged = {
    ...options,
    previous: {
      version: from.moduleVersion,
      packagePath: from.packagePath,
      pullFrom: null,
      reference: null,
      sourceDir: null
    }
  };
  const s = new Scenario("iris-upgrade", previous, judged, to.release);
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
        judged,
        to.release,
        async (namespace) => {
          s.leaveOutFailing(await s.runChecks(iris, namespace));
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
    message: failed ? `${failed.name}: ${failed.detail}` : `${to.release.moduleName} upgraded from IRIS ${from.irisMajorMinor} to ${to.irisMajorMinor}: ${scenario.message}` + notJudged(scenario),
    checks,
    scenario
  };
}
function notJudged(scenario) {
  const left = scenario.checksNotJudged ?? [];
  if (left.length === 0) return "";
  const list = left.map((c) => `${c.check} ("${c.returned}")`).join(", ");
  return `; not judged, as they did not return 1 before the IRIS upgrade either (checks of a release upgrade): ${list}`;
}

// src/pipeline/upgrade/iris-upgrade-pair.ts
async function packagedModule(path) {
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
async function runIrisUpgradePair(from, to, options, pipeline) {
  const [fromModule, toModule] = [await packagedModule(from.archive), await packagedModule(to.archive)];
  if (fromModule.name.toLowerCase() !== toModule.name.toLowerCase())
    throw new IpmDbError(
      "iris-upgrade-archive",
      `the packages hold different modules: ${fromModule.name} and ${toModule.name}`
    );
  if (fromModule.version !== toModule.version)
    throw new IpmDbError(
      "iris-upgrade-archive",
      `the packages hold different releases of ${toModule.name}: ${fromModule.version} and ${toModule.version}; the IRIS upgrade is tested with one release built on each IRIS version`
    );
  const moduleDir = await mkdtemp(join(tmpdir(), "ipm-db-iris-upgrade-"));
  let result = null;
  try {
    await writeFile(join(moduleDir, "module.xml"), toModule.moduleXml);
    const stage = {
      name: "upgrade",
      async run(ctx) {
        result = await runIrisUpgrade(
          driverUpgradeEnvironment(ctx, () => Promise.reject(new IpmDbError("iris-upgrade", "nothing is pulled"))),
          options,
          {
            image: from.image,
            irisMajorMinor: fromModule.irisMajorMinor,
            packagePath: from.archive,
            moduleVersion: fromModule.version
          },
          {
            image: to.image,
            irisMajorMinor: toModule.irisMajorMinor,
            packagePath: to.archive,
            release: {
              moduleName: toModule.name,
              version: toModule.version,
              packagePath: to.archive,
              updatePackage: toModule.updatePackage,
              irisMajorMinor: toModule.irisMajorMinor
            }
          },
          ctx.logger
        );
        if (!result.ok) throw new IpmDbError("iris-upgrade-failed", result.message);
        return result.message;
      }
    };
    const run = await runPipeline({
      ...pipeline,
      image: to.image,
      moduleDir,
      outDir: moduleDir,
      verifyArchive,
      stages: [startStage, ipmStage, stage]
    });
    if (!result) {
      const failed = run.stages.find((s) => s.status === "failed");
      throw new IpmDbError(
        "iris-upgrade",
        `IRIS ${toModule.irisMajorMinor} (${to.image}) did not get ready for the upgrade: ${failed?.message ?? "unknown"}`
      );
    }
    return run.ipmInstalls ? { ...result, ipmInstalls: run.ipmInstalls } : result;
  } finally {
    await rm(moduleDir, { recursive: true, force: true });
  }
}
function compareIrisVersions(a, b) {
  const [x, y] = [parseIrisMajorMinor(a), parseIrisMajorMinor(b)];
  if (x && y) return x.major - y.major || x.minor - y.minor;
  if (x || y) return x ? -1 : 1;
  return a.localeCompare(b);
}
function consecutivePairs(items, versionOf) {
  const sorted = [...items].sort((a, b) => compareIrisVersions(versionOf(a), versionOf(b)));
  return sorted.slice(1).map((to, i) => ({ from: sorted[i], to }));
}

export {
  runIrisUpgradePair,
  consecutivePairs
};
