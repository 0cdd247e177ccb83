/**
 * The `iris-upgrade` scenario: Durable %SYS across IRIS versions. Container A of IRIS N, its data
 * directory on a named volume, installs the package built for N and gets data written; A stops
 * cleanly; container B of IRIS N+1 starts on the same volume (IRIS upgrades the instance); the
 * package built for N is refused there by IPM's SystemRequirements check, and the package built for
 * N+1 is installed over the namespace with `update -swap-db`. Judged like every upgrade scenario
 * (./scenarios.ts: swap loss, fingerprints, update steps, module state, checks, backup), plus the
 * refusal and the module's SystemRequirements afterwards. docs/upgrade-testing.md.
 */
import { describeError } from '../../util/errors.js';
import type { Logger } from '../../util/log.js';
import type { UpgradeOptions } from './settings.js';
import { ipmdbLines, throwOnReportedErrors } from './parse.js';
import type { UpgradeEnvironment } from './ports.js';
import { type NewRelease, Scenario, proveUpgrade } from './scenarios.js';
import { quote } from './objectscript.js';
import { IRIS_UPGRADE_REPORT_SCHEMA, type UpgradeScenarioResult } from './results.js';

/** One side of the upgrade: an IRIS image, its major.minor, and the package built on it. */
export interface IrisSide {
  image: string;
  irisMajorMinor: string;
  packagePath: string;
}

export interface IrisUpgradeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface IrisUpgradeReport {
  schema: typeof IRIS_UPGRADE_REPORT_SCHEMA;
  fromIrisVersion: string;
  toIrisVersion: string;
  fromImage: string;
  toImage: string;
  ok: boolean;
  /** What failed first, or what was proven. */
  message: string;
  checks: IrisUpgradeCheck[];
  scenario: UpgradeScenarioResult;
  /** Containers IPM was installed in (not started from a warm IPM image), as RunReport.ipmInstalls. */
  ipmInstalls?: string[];
}

/**
 * The scenario as one run across IRIS versions records it (the action: RunReport.irisUpgrade of the
 * newer version's report): run and judged, or skipped with the reason.
 */
export interface IrisUpgradeRun {
  fromIrisVersion: string;
  toIrisVersion: string;
  fromImage: string;
  toImage: string;
  status: 'passed' | 'failed' | 'skipped';
  /** What failed first, what was proven, or why it did not run. */
  message: string;
  durationMs: number;
  /** The scenario's report; null when it was skipped or IRIS N+1 did not get ready. */
  report: IrisUpgradeReport | null;
}

/** IPM's refusal of a package built for another IRIS version (Storage/SystemRequirements.cls CheckVersion). */
const VERSION_REFUSAL = /The module cannot be installed on the current version[^\n]*/;

/** `##IPMDB sysreq=<SystemRequirements Version of the installed module>`. */
export function systemRequirementsLine(moduleName: string): string {
  return (
    `try { set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName)}) ` +
    `write "##IPMDB sysreq=",$select('$isobject(m):"",'$isobject(m.SystemRequirements):"",1:m.SystemRequirements.VersionString),! } ` +
    `catch e { write "##IPMDB error=system requirements|",e.DisplayString(),! }`
  );
}

export async function runIrisUpgrade(
  env: UpgradeEnvironment,
  options: UpgradeOptions,
  from: IrisSide & { moduleVersion: string },
  to: IrisSide & { release: NewRelease },
  logger: Logger,
): Promise<IrisUpgradeReport> {
  // The release installed before the IRIS upgrade is the package built on IRIS N, not the run's
  // upgrade-from release: the module version is expected unchanged across the IRIS upgrade.
  const previous = { source: 'path' as const, reference: from.packagePath, version: from.moduleVersion };
  const judged: UpgradeOptions = {
    ...options,
    previous: {
      version: from.moduleVersion,
      packagePath: from.packagePath,
      pullFrom: null,
      reference: null,
      sourceDir: null,
    },
  };
  const s = new Scenario('iris-upgrade', previous, judged, to.release);
  const refusal: IrisUpgradeCheck = {
    name: `package for ${from.irisMajorMinor} refused on ${to.irisMajorMinor}`,
    ok: false,
    detail: 'not tried: the scenario failed before IRIS was upgraded',
  };
  const requirement: IrisUpgradeCheck = {
    name: `SystemRequirements Version ${to.irisMajorMinor} after the upgrade`,
    ok: false,
    detail: 'not read: the scenario failed before the upgrade',
  };
  logger.info(`iris-upgrade: ${from.image} -> ${to.image}`);
  let scenario: UpgradeScenarioResult;
  try {
    const iris = await env.startDurable(from.image);
    try {
      scenario = await proveUpgrade(
        s,
        iris,
        async (i, namespace) => void (await i.loadPackage(namespace, from.packagePath)),
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
            refusal.ok = refused !== undefined;
            refusal.detail = refused ?? `refused for another reason: ${text}`;
          }
        },
      );
      if (scenario.namespace) {
        const output = await iris.run(
          scenario.namespace,
          [systemRequirementsLine(to.release.moduleName)],
          'reading SystemRequirements',
        );
        throwOnReportedErrors(output, 'Reading the module SystemRequirements');
        const got = ipmdbLines(output).find((l) => l.key === 'sysreq')?.value ?? '';
        requirement.ok = got === to.irisMajorMinor;
        requirement.detail = `SystemRequirements Version is "${got}"`;
      }
    } finally {
      await iris.dispose();
    }
  } catch (err) {
    scenario = s.fail(err);
  }
  const checks: IrisUpgradeCheck[] = [
    { name: 'upgrade', ok: scenario.ok, detail: scenario.message },
    refusal,
    requirement,
    ...scenario.checks.map((c) => ({ name: `check ${c.check} on ${to.irisMajorMinor}`, ok: c.ok, detail: c.returned })),
  ];
  const failed = checks.find((c) => !c.ok);
  return {
    schema: IRIS_UPGRADE_REPORT_SCHEMA,
    fromIrisVersion: from.irisMajorMinor,
    toIrisVersion: to.irisMajorMinor,
    fromImage: from.image,
    toImage: to.image,
    ok: !failed,
    message: failed
      ? `${failed.name}: ${failed.detail}`
      : `${to.release.moduleName} upgraded from IRIS ${from.irisMajorMinor} to ${to.irisMajorMinor}: ${scenario.message}` +
        notJudged(scenario),
    checks,
    scenario,
  };
}

function notJudged(scenario: UpgradeScenarioResult): string {
  const left = scenario.checksNotJudged ?? [];
  if (left.length === 0) return '';
  const list = left.map((c) => `${c.check} ("${c.returned}")`).join(', ');
  return `; not judged, as they did not return 1 before the IRIS upgrade either (checks of a release upgrade): ${list}`;
}
