import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  runIrisUpgradePair
} from "./chunk-5ESRDJLL.js";
import {
  NO_MODULE_SETTINGS,
  describeSettingsUse,
  ipmGitSource,
  mergeModuleSettings,
  readModuleSettings,
  settingsError,
  settingsFileLabel
} from "./chunk-4S37RAQA.js";
import "./chunk-HHJCQDWQ.js";
import {
  directoryCache,
  parseInstallerSpec,
  readUpgradeOptions
} from "./chunk-N6TO663B.js";
import "./chunk-S472CTFC.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-NOEEE5VN.js";
import "./chunk-UPQPADT4.js";
import {
  withCurrentFlagNames
} from "./chunk-YN7H3ASS.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-2KJ6O3BA.js";
import "./chunk-ULIA56ZP.js";
import {
  consoleLogger,
  parseCommandArgs
} from "./chunk-4W7SJPR4.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import "./chunk-PM3QVZWA.js";
import {
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/iris-upgrade.ts
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
var usage = `Usage: ipm-db iris-upgrade --from-archive <tgz> --from-image <image> --to-archive <tgz> --to-image <image>
                           [--ipm <path|version> [--ipm-sha256 <hex>] | --ipm-git <commit|none>]
                           [--report <file>] [options]

The iris-upgrade scenario (docs/upgrade-testing.md) from two archives of one module release: the
package built on IRIS N (--from-*) is installed in a container of IRIS N whose data directory is a
named volume, data is written, the container stops; a container of IRIS N+1 (--to-image) starts on
the volume (IRIS upgrades the instance), must refuse the N package, and takes the N+1 package with
update -swap-db. Exit 0 when every check passed.

  --ipm, --ipm-sha256, --ipm-git, --ipm-git-repository
                             the IPM installed in both containers, as for ipm-db run (default: the
                             pinned IPM commit with database packaging)
  --seed-methods <C:M,...>   class methods writing data after the N package is installed
  --check-methods <C:M,...>  class methods that must return 1 on N+1
  --declared-changes <text>  as for ipm-db run
  --upgrade-globals <list>   globals to fingerprint (default: the data database's)
  --upgrade-exclude-globals <list>
                             globals left out of the fingerprint (default: IPM's bookkeeping)
  --module-path <dir>        the module's source directory: its ipm-db.yml (docs/module-settings.md) gives
                             seed-methods, check-methods, declared-changes, upgrade-globals and
                             upgrade-exclude-globals where the flags above are not given
  --report <file>            write the report (schema ipm-db/iris-upgrade-report@1)
  --verbose                  IRIS/IPM output on stderr

Former flag names, still accepted with a warning: --seed (--seed-methods), --checks (--check-methods).
`;
var RENAMES = { seed: "seed-methods", checks: "check-methods" };
var irisUpgradeCommand = {
  name: "iris-upgrade",
  summary: "upgrade-test a package across two IRIS versions on a durable volume (from two archives)",
  usage,
  async run(argv, io) {
    const { values: v } = parseCommandArgs(withCurrentFlagNames(argv, RENAMES, io), {
      "from-archive": { type: "string" },
      "from-image": { type: "string" },
      "to-archive": { type: "string" },
      "to-image": { type: "string" },
      ipm: { type: "string" },
      "ipm-sha256": { type: "string" },
      "ipm-git": { type: "string" },
      "ipm-git-repository": { type: "string" },
      "seed-methods": { type: "string" },
      "check-methods": { type: "string" },
      "declared-changes": { type: "string" },
      "upgrade-globals": { type: "string" },
      "upgrade-exclude-globals": { type: "string" },
      "module-path": { type: "string" },
      report: { type: "string" },
      verbose: { type: "boolean" }
    });
    for (const flag of ["from-archive", "from-image", "to-archive", "to-image"])
      if (!v[flag]) throw new UsageError(`--${flag} is required`);
    if (v["ipm-sha256"] && !v.ipm) throw new UsageError("--ipm-sha256 needs --ipm.");
    if (v.ipm && (v["ipm-git"] !== void 0 || v["ipm-git-repository"] !== void 0))
      throw new UsageError("--ipm and --ipm-git are alternatives; give one.");
    const fromArchive = resolve(io.cwd, v["from-archive"]);
    const toArchive = resolve(io.cwd, v["to-archive"]);
    const given = {
      "upgrade-from": fromArchive,
      "seed-methods": v["seed-methods"],
      "check-methods": v["check-methods"],
      "declared-changes": v["declared-changes"],
      "upgrade-globals": v["upgrade-globals"],
      "upgrade-exclude-globals": v["upgrade-exclude-globals"]
    };
    const sourceDir = v["module-path"] === void 0 ? null : resolve(io.cwd, v["module-path"]);
    const settings = mergeModuleSettings(
      sourceDir ? await readModuleSettings(sourceDir, settingsFileLabel(io.cwd, sourceDir)) : NO_MODULE_SETTINGS,
      (name) => given[name],
      ["seed-methods", "check-methods", "declared-changes", "upgrade-globals", "upgrade-exclude-globals"]
    );
    if (settings.use) for (const line of describeSettingsUse(settings.use, "flags")) io.stderr.write(`${line}
`);
    const flagName = { "seed-methods": "--seed-methods", "check-methods": "--check-methods" };
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
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : ipmGitSource(v["ipm-git"], v["ipm-git-repository"]);
    const logger = consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr });
    const report = await runIrisUpgradePair(
      { image: v["from-image"], archive: fromArchive },
      { image: v["to-image"], archive: toArchive },
      options,
      {
        installer,
        installerCache: directoryCache(
          join(io.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ipm-db", "installers")
        ),
        verbose: v.verbose ?? false,
        ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
        logger
      }
    );
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
