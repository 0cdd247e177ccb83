import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  registryClient
} from "./chunk-USNFZL53.js";
import {
  DEFAULT_STAGES,
  containerSlots,
  defaultParallel,
  directoryCache,
  formatMs,
  groupedLogger,
  mapBounded,
  parseInstallerSpec,
  parseUpgradeOptions,
  registryPuller,
  runPipeline,
  streamSink,
  thisMachine,
  upgradeStage
} from "./chunk-TNOIXBUP.js";
import "./chunk-5IQT2QSC.js";
import {
  consoleLogger
} from "./chunk-NC66LQRX.js";
import "./chunk-W44NYYNB.js";
import {
  EXIT
} from "./chunk-GYWSDV3W.js";
import "./chunk-TIJDGYO2.js";
import {
  verifyArchive
} from "./chunk-NJUY4LB6.js";
import {
  imageTag
} from "./chunk-JM3CD6EF.js";
import {
  UsageError
} from "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";

// src/cli/commands/run.ts
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve as resolve2 } from "node:path";
import { parseArgs } from "node:util";

// src/cli/upgrade-flags.ts
import { resolve } from "node:path";
var UPGRADE_FLAGS = {
  "upgrade-from": { type: "string" },
  "upgrade-source": { type: "string" },
  "previous-source": { type: "string" },
  "upgrade-scenarios": { type: "string" },
  "seed-methods": { type: "string" },
  seed: { type: "string" },
  "check-methods": { type: "string" },
  checks: { type: "string" },
  "declared-changes": { type: "string" },
  "upgrade-globals": { type: "string" },
  "upgrade-exclude-globals": { type: "string" },
  registry: { type: "string" },
  namespace: { type: "string" },
  "plain-http": { type: "boolean" }
};
function either(v, name, alias) {
  const a = v[name];
  const b = v[alias];
  if (a !== void 0 && b !== void 0)
    throw new UsageError(`--${name} and --${alias} are the same option; give one.`);
  return a ?? b;
}
function upgradeStageFromFlags(v, io) {
  const text = {
    "upgrade-from": v["upgrade-from"],
    "upgrade-source": either(v, "upgrade-source", "previous-source"),
    "upgrade-scenarios": v["upgrade-scenarios"],
    "seed-methods": either(v, "seed-methods", "seed"),
    "check-methods": either(v, "check-methods", "checks"),
    "declared-changes": v["declared-changes"],
    "upgrade-globals": v["upgrade-globals"],
    "upgrade-exclude-globals": v["upgrade-exclude-globals"]
  };
  const options = parseUpgradeOptions(text, {
    resolvePath: (path) => resolve(io.cwd, path),
    pullFrom: v.namespace ? { registry: (v.registry ?? "ghcr.io").replace(/\/+$/, ""), namespace: v.namespace } : null,
    name: (field) => `--${field}`
  });
  if (options === null) {
    const stray = ["registry", "namespace", "plain-http"].find((name) => v[name] !== void 0);
    if (stray)
      throw new UsageError(
        `--${stray}: is set but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios.`
      );
    return null;
  }
  return upgradeStage(
    options,
    registryPuller(
      (registry) => registryClient(registry, io, { "plain-http": v["plain-http"] === true, verbose: v.verbose === true })
    )
  );
}

// src/cli/commands/run.ts
var USAGE = `Usage: ipm-db run --module <dir> --image <image> [options]

Starts IRIS in Docker, installs IPM, loads and compiles the module, packages it with
package-database, verifies the archive, installs it into a fresh namespace and (with
--tests) runs the module's tests. Prints each stage and its time.

Options:
  --module <dir>         directory holding the module's module.xml (required)
  --image <image>        IRIS image, e.g. containers.intersystems.com/intersystems/iris-community:2025.1 (required;
                         repeat it to run several IRIS versions concurrently, each in <out>/<image tag>/)
  --parallel <n>         IRIS containers at once (default: one per core, memory allowing ~2 GB each)
  --ipm <path|version>   IPM installer XML to load, or an IPM release version (needs --ipm-sha256)
  --ipm-sha256 <hex>     pinned SHA-256 of the installer
  --out <dir>            where the .tgz, JUnit XML and run-report.json go (default: ./ipm-db-out)
  --dev                  load and package with -dev (packages test resources)
  --tests                run the module's tests (test -only) where it was loaded from source
  --network <name>       docker network for the IRIS container (default: host)
  --docker-arg <arg>     extra docker run argument (repeatable)
  --login <registry>     docker login to this registry first (private images); with --login-user,
                         password from the IPM_DB_REGISTRY_PASSWORD environment variable (sent on stdin)
  --login-user <name>    user name for --login
  --ensemble             interoperability-enable the namespaces created
  --ready-timeout <s>    seconds to wait for IRIS to start (default: 300)
  --keep                 keep the container afterwards (for debugging)
  --verbose              IPM -v on every command, and debug output
  --json                 print the run report as JSON on stdout (upgrade scenarios in "upgrade")

Upgrade testing (docs/upgrade-testing.md; the action's input names; any of the first three adds the stage):
  --upgrade-from <x>     the previous release as a database package: a .tgz path, a full reference
                         (ghcr.io/acme/demo-orders:1.0.0_database__2025.1), or a version pulled from
                         <registry>/<namespace>/<module> (needs --namespace)
  --upgrade-source <x>   the previous release's module directory, or git:<tag or commit> of the module's
                         own repository (also --previous-source)
  --upgrade-scenarios <list>
                         database, source, fresh, container-replacement, or all (default: all the
                         other upgrade options allow)
  --seed-methods <list>  Package.Class:Method that write data after the previous release is installed
                         (also --seed)
  --check-methods <list> Package.Class:Method that must return 1 after the upgrade (also --checks)
  --declared-changes <x> Package.Class:Method=^Global1,^Global2 per update step, separated by ;
  --upgrade-globals <list>, --upgrade-exclude-globals <list>
                         globals to fingerprint / to leave out (^Name or ^Prefix*)
  --registry <host>      registry to pull a previous version from (default: ghcr.io)
  --namespace <ns>       registry namespace (owner) a previous version was published under
  --plain-http           HTTP instead of HTTPS to that registry (a loopback registry only)
  Registry credentials come from IPM_DB_REGISTRY_USERNAME / IPM_DB_REGISTRY_PASSWORD (or _TOKEN).
`;
var runCommand = {
  name: "run",
  summary: "build, verify and install-test a database package in an IRIS container",
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          module: { type: "string" },
          image: { type: "string", multiple: true },
          parallel: { type: "string" },
          ipm: { type: "string" },
          "ipm-sha256": { type: "string" },
          out: { type: "string" },
          dev: { type: "boolean" },
          tests: { type: "boolean" },
          network: { type: "string" },
          "docker-arg": { type: "string", multiple: true },
          login: { type: "string" },
          "login-user": { type: "string" },
          ensemble: { type: "boolean" },
          "ready-timeout": { type: "string" },
          keep: { type: "boolean" },
          verbose: { type: "boolean" },
          json: { type: "boolean" },
          ...UPGRADE_FLAGS
        },
        allowPositionals: false,
        strict: true
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const v = parsed.values;
    if (!v.module) throw new UsageError("--module <dir> is required.");
    const images = [...new Set(v.image ?? [])];
    if (images.length === 0) throw new UsageError("--image <image> is required.");
    let parallel = defaultParallel(thisMachine());
    if (v.parallel !== void 0) {
      if (!/^[1-9]\d{0,2}$/.test(v.parallel))
        throw new UsageError(`--parallel must be a whole number of IRIS containers from 1, got "${v.parallel}".`);
      parallel = Number(v.parallel);
    }
    if (v["ipm-sha256"] && !v.ipm) throw new UsageError("--ipm-sha256 needs --ipm.");
    let login;
    if (v.login || v["login-user"]) {
      const password = io.env.IPM_DB_REGISTRY_PASSWORD;
      if (!v.login || !v["login-user"]) throw new UsageError("--login and --login-user go together.");
      if (!password)
        throw new UsageError("--login needs the password in the IPM_DB_REGISTRY_PASSWORD environment variable.");
      login = { registry: v.login, username: v["login-user"], password };
    }
    let readyMs;
    if (v["ready-timeout"] !== void 0) {
      const s = Number(v["ready-timeout"]);
      if (!Number.isFinite(s) || s <= 0)
        throw new UsageError(`--ready-timeout must be a number of seconds, got "${v["ready-timeout"]}".`);
      readyMs = s * 1e3;
    }
    const moduleDir = resolve2(io.cwd, v.module);
    const upgrade = upgradeStageFromFlags(v, io);
    const outDir = resolve2(io.cwd, v.out ?? "ipm-db-out");
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : null;
    const sink = streamSink(io.stderr, { verbose: v.verbose ?? false });
    const slots = containerSlots(parallel);
    const several = images.length > 1;
    const tags = images.map((image) => (imageTag(image) ?? image).replace(/[^A-Za-z0-9._-]+/g, "-"));
    const keys = tags.map((t, i) => tags.indexOf(t) === tags.lastIndexOf(t) ? t : `${t}-${i + 1}`);
    const reports = await mapBounded(images, slots, async (image, index) => {
      const key = keys[index];
      const imageOut = several ? join(outDir, key) : outDir;
      await mkdir(imageOut, { recursive: true });
      const report = await runPipeline({
        image,
        moduleDir,
        outDir: imageOut,
        installer,
        installerCache: directoryCache(
          join(io.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ipm-db", "installers")
        ),
        dev: v.dev ?? false,
        runTests: v.tests ?? false,
        keepContainer: v.keep ?? false,
        ...v.network ? { network: v.network } : {},
        ...v["docker-arg"] ? { extraDockerArgs: v["docker-arg"] } : {},
        enableEnsemble: v.ensemble ?? false,
        ...login ? { login } : {},
        verbose: v.verbose ?? false,
        ...readyMs ? { timeouts: { readyMs } } : {},
        ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
        logger: several ? groupedLogger(sink, `[${key}] `) : consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr }),
        verifyArchive,
        containerSlots: slots,
        ...upgrade ? { stages: [...DEFAULT_STAGES, upgrade] } : {}
      });
      const reportPath = join(imageOut, "run-report.json");
      await writeFile(reportPath, JSON.stringify(report, null, 2) + "\n");
      return { report, reportPath };
    });
    const done = reports.filter((r) => r !== void 0);
    if (v.json) {
      const value = several ? done.map((r) => r.report) : done[0].report;
      io.stdout.write(JSON.stringify(value, null, 2) + "\n");
    } else for (const r of done) io.stdout.write(summary(r.report, r.reportPath));
    return done.every((r) => r.report.ok) ? EXIT.ok : EXIT.failed;
  }
};
function summary(report, reportPath) {
  const lines = [`${report.ok ? "PASSED" : "FAILED"}  ${report.image}  (${formatMs(report.durationMs)})`];
  for (const s of report.stages)
    lines.push(
      `  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${formatMs(s.durationMs).padStart(8)}  ${s.message ?? ""}`
    );
  if (report.upgrade.length > 0) {
    lines.push("upgrade scenarios:");
    for (const u of report.upgrade)
      lines.push(
        `  ${u.scenario.padEnd(21)} ${(u.ok ? "passed" : "failed").padEnd(7)} ${formatMs(u.durationMs).padStart(8)}  ${u.message}`
      );
  }
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join("\n") + "\n";
}
export {
  runCommand,
  summary
};
