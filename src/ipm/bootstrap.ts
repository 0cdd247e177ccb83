/**
 * IRIS version detection and IPM installation (contract sections 5, 6 and 9).
 * IPM goes into its own home namespace (default USER, whose routines database is separate
 * from every namespace the pipeline creates); the packaging and install namespaces are
 * created from there with InitializeNamespace, which maps %IPM into them.
 */
import { IpmDbError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { IpmCommand, Operation } from '../iris/objectscript.js';
import { validateNamespace } from '../iris/validate.js';
import { ipmFailure } from './output.js';
import type { IpmTarget } from './operations.js';
import { installIpm } from './ipm-install.js';
import type { ResolvedInstaller } from './installer.js';

export interface IrisVersion {
  /** The full $zversion text. */
  zversion: string;
  major: number;
  minor: number;
  /** e.g. "2026.1.0.230.0". */
  number: string;
  /** "2026.1": what SystemRequirements/@Version and the OCI tag carry. */
  majorMinor: string;
  /** The build, e.g. "223U", from $zversion. */
  build: string | null;
}

export interface IpmSetup {
  iris: IrisVersion;
  /** IPM version after bootstrap. */
  ipmVersion: string;
  /** IPM version found before bootstrap ("" when none). */
  previousIpmVersion: string;
  homeNamespace: string;
  installedFrom: ResolvedInstaller | null;
}

export const CONFIGURE_IPM: IpmCommand[] = [
  { words: ['config', 'set', 'ColorScheme', 'none'], modifiers: [] },
  { words: ['config', 'set', 'analytics', '0'], modifiers: [] },
];

export function parseIrisVersion(values: Map<string, string>): IrisVersion {
  const zversion = values.get('zversion') ?? '';
  const major = Number(values.get('major'));
  const minor = Number(values.get('minor'));
  if (!Number.isInteger(major) || !Number.isInteger(minor) || major <= 0)
    throw new IpmDbError(
      'iris-version-unknown',
      `Could not read the IRIS version (got major "${values.get('major') ?? ''}", minor "${values.get('minor') ?? ''}").`,
      {
        details: zversion,
      },
    );
  const build = /\(Build ([^)]+)\)/.exec(zversion);
  return {
    zversion,
    major,
    minor,
    number: values.get('number') ?? '',
    majorMinor: `${major}.${minor}`,
    build: build ? build[1]! : null,
  };
}

function ipmSession(target: IpmTarget, namespace: string, operations: Operation[], timeoutMs: number, code: string) {
  return target.sessions.run({ namespace, operations, timeoutMs, classify: (f) => ipmFailure(f, code, timeoutMs) });
}

export async function detectIris(
  target: IpmTarget,
  namespace: string,
  timeoutMs = 120_000,
): Promise<{ iris: IrisVersion; hasIpm: boolean }> {
  const result = await target.sessions.run({
    namespace,
    timeoutMs,
    operations: [
      { kind: 'emit', key: 'zversion', expression: { kind: 'zversion' } },
      { kind: 'emit', key: 'major', expression: { kind: 'versionMajor' } },
      { kind: 'emit', key: 'minor', expression: { kind: 'versionMinor' } },
      { kind: 'emit', key: 'number', expression: { kind: 'versionNumber' } },
      { kind: 'emit', key: 'ipm', expression: { kind: 'classExists', className: '%IPM.Main' } },
    ],
  });
  return { iris: parseIrisVersion(result.values), hasIpm: result.values.get('ipm') === '1' };
}

export interface BootstrapOptions {
  /** Installer to load; without one, an IPM already in the image is used. */
  installer?: ResolvedInstaller | null;
  homeNamespace?: string;
  logger: Logger;
  /** Installer load limit; default 15 min. */
  installTimeoutMs?: number;
}

export async function bootstrapIpm(target: IpmTarget, options: BootstrapOptions): Promise<IpmSetup> {
  const home = validateNamespace(options.homeNamespace ?? 'USER');
  const { iris, hasIpm } = await detectIris(target, home);
  options.logger.info(`IRIS ${iris.number || iris.majorMinor}${iris.build ? ` (build ${iris.build})` : ''}`);
  let previousIpmVersion = '';
  if (hasIpm) previousIpmVersion = (await readIpm(target, home)).version;
  if (options.installer) {
    await installIpm(target, options.installer, home, options.logger, options.installTimeoutMs ?? 900_000);
  } else if (!hasIpm) {
    throw new IpmDbError('ipm-missing', `The image has no IPM in ${home} and no IPM installer was given.`, {
      hint: 'Pass --ipm-git <commit>, --ipm <version> --ipm-sha256 <hex> or --ipm <path to zpm-<version>.xml> (action inputs ipm-git / ipm-version / ipm-installer).',
    });
  }
  const ipm = await readIpm(target, home);
  if (!ipm.version)
    throw new IpmDbError('ipm-missing', `IPM is not usable in ${home} after installation (no zpm module found).`, {
      hint: 'Check that the installer is an IPM release installer (zpm-<version>.xml), or the commit an IPM source tree.',
    });
  if (!ipm.databasePackaging)
    throw new IpmDbError(
      'ipm-lacks-database-packaging',
      `IPM ${ipm.version} in ${home} has no database packaging (%IPM.Lifecycle.Database does not exist), so package-database cannot run.`,
      {
        hint: 'Install an IPM build with database packaging: --ipm-git <commit of a tree that has it> (the default pin does), or an installer of a release that has it.',
      },
    );
  await ipmSession(
    target,
    home,
    CONFIGURE_IPM.map((command) => ({ kind: 'ipm', command })),
    120_000,
    'ipm-config-failed',
  );
  options.logger.info(
    `IPM ${ipm.version} in ${home}${previousIpmVersion && previousIpmVersion !== ipm.version ? ` (was ${previousIpmVersion})` : ''}`,
  );
  return {
    iris,
    ipmVersion: ipm.version,
    previousIpmVersion,
    homeNamespace: home,
    installedFrom: options.installer ?? null,
  };
}

async function readIpm(target: IpmTarget, namespace: string): Promise<{ version: string; databasePackaging: boolean }> {
  const result = await target.sessions.run({
    namespace,
    timeoutMs: 120_000,
    operations: [
      { kind: 'emit', key: 'ipmversion', expression: { kind: 'ipmVersion' } },
      { kind: 'emit', key: 'dbpackaging', expression: { kind: 'classExists', className: '%IPM.Lifecycle.Database' } },
    ],
  });
  return {
    version: (result.values.get('ipmversion') ?? '').trim(),
    databasePackaging: result.values.get('dbpackaging') === '1',
  };
}
