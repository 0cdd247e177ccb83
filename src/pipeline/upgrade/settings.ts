/** What the upgrade stage is asked to do, and which scenarios those inputs allow (pure). */
import { isPlainVersion, isSemver } from '../../naming/grammar.js';
import { ipmDatabaseTag, ipmRepositoryPath, parseDatabaseTag } from '../../naming/ipm.js';
import { parseReference, type Reference } from '../../naming/reference.js';
import { IpmDbError, UsageError, errorMessage } from '../../util/errors.js';
import { type DeclaredChange, parseDeclaredChanges } from './declared.js';
import { DEFAULT_EXCLUDED_GLOBALS, type GlobalSelection } from './fingerprint.js';
import { gitRevision } from './git-source.js';
import { type ClassMethodRef, DEFAULT_NODE_LIMIT, parseClassMethod } from './objectscript.js';
import { IRIS_UPGRADE, UPGRADE_SCENARIOS, type UpgradeScenario } from './results.js';

/** Where a version-only previous release is pulled from: the module's repository there. */
export interface PullFrom {
  /** Registry host (with an optional path prefix), e.g. ghcr.io or localhost:5000/prefix. */
  registry: string;
  /** Registry namespace (owner) the module was published under. */
  namespace: string;
}

/** Where the previous release comes from. */
export interface PreviousRelease {
  /** Its version, e.g. "1.0.0"; needed to pull it and to check what got installed. */
  version: string | null;
  /** A database package (.tgz) on disk. */
  packagePath: string | null;
  /** Pull `<version>_database__<X.Y>` (the running IRIS's X.Y) from the module's repository there. */
  pullFrom: PullFrom | null;
  /** A full reference "<registry>/<namespace>/<module>:<tag>" to pull as is (whatever IRIS version it was built for). */
  reference: string | null;
  /** The previous release's module source directory (module.xml at its root), or `git:<rev>`: the module directory at that revision. */
  sourceDir: string | null;
  /** How the report names the source (e.g. "git:v1.0.0" when `sourceDir` is its export); default `sourceDir`. */
  sourceLabel?: string;
}

export interface UpgradeOptions {
  /** The scenarios each IRIS version's upgrade stage runs. */
  scenarios: UpgradeScenario[];
  /**
   * Whether the `iris-upgrade` scenario (./iris-upgrade.ts) runs between consecutive IRIS versions
   * when two or more are given: upgrade-scenarios empty, "all", or naming it.
   */
  irisUpgrade: boolean;
  previous: PreviousRelease;
  /** Class methods that write data after the previous release is installed. */
  seed: ClassMethodRef[];
  /** Class methods that must return 1 after the upgrade. */
  checks: ClassMethodRef[];
  globals: GlobalSelection;
  declared: DeclaredChange[];
  nodeLimit: number;
}

/** The upgrade settings as the user writes them: the action's input names, which are also `ipm-db run`'s flags. */
export const UPGRADE_FIELDS = [
  'upgrade-from',
  'upgrade-source',
  'upgrade-scenarios',
  'seed-methods',
  'check-methods',
  'declared-changes',
  'upgrade-globals',
  'upgrade-exclude-globals',
] as const;
export type UpgradeField = (typeof UPGRADE_FIELDS)[number];
export type UpgradeText = Partial<Record<UpgradeField, string>>;

export interface UpgradeContext {
  /** Absolute path of a path the user gave (an upgrade-from .tgz, an upgrade-source directory). */
  resolvePath?: (path: string, field: UpgradeField) => string;
  /** Where a version-only upgrade-from is pulled from; null when no registry namespace is known. */
  pullFrom?: PullFrom | null;
  /** How messages name a setting: the input name (default) or `--flag`. */
  name?: (field: UpgradeField) => string;
}

export interface UpgradeProblem {
  field: UpgradeField;
  message: string;
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function optional(text: string | undefined): string | null {
  const value = (text ?? '').trim();
  return value === '' ? null : value;
}

/** Every field given (non-blank) in `text`, in UPGRADE_FIELDS order. */
function givenFields(text: UpgradeText): UpgradeField[] {
  return UPGRADE_FIELDS.filter((f) => optional(text[f]) !== null);
}

/**
 * The one parser of the upgrade settings, for the action and `ipm-db run` alike: every value is
 * checked and turned into what the upgrade stage runs, and every problem is collected, each
 * naming its setting. `options` is null when no upgrade runs (none of upgrade-from,
 * upgrade-source and upgrade-scenarios given) or when there are problems.
 * `upgrade-scenarios` "all" (or empty) means every scenario the other settings allow; naming one
 * whose previous release is missing is a problem that says what to add.
 */
export function readUpgradeOptions(
  text: UpgradeText,
  context: UpgradeContext = {},
): { options: UpgradeOptions | null; problems: UpgradeProblem[] } {
  const name = context.name ?? ((f: UpgradeField) => f);
  const problems: UpgradeProblem[] = [];
  const problem = (field: UpgradeField, err: unknown) =>
    problems.push({
      field,
      message: err instanceof IpmDbError && err.hint ? `${err.message}. ${err.hint}` : errorMessage(err),
    });
  const attempt = <T>(field: UpgradeField, fn: () => T): T | null => {
    try {
      return fn();
    } catch (err) {
      problem(field, err);
      return null;
    }
  };
  const resolvePath = context.resolvePath ?? ((path: string) => path);

  const fromRaw = optional(text['upgrade-from']);
  const sourceRaw = optional(text['upgrade-source']);
  const scenariosRaw = optional(text['upgrade-scenarios']);
  if (fromRaw === null && sourceRaw === null && scenariosRaw === null) {
    for (const field of givenFields(text))
      problems.push({
        field,
        message: `is set but no upgrade runs; add ${name('upgrade-from')}, ${name('upgrade-source')} or ${name('upgrade-scenarios')}.`,
      });
    return { options: null, problems };
  }

  const previous: PreviousRelease = {
    version: null,
    packagePath: null,
    pullFrom: null,
    reference: null,
    sourceDir: null,
  };
  const from = fromRaw === null ? null : attempt('upgrade-from', () => classifyUpgradeFrom(fromRaw));
  if (from?.kind === 'archive') previous.packagePath = resolvePath(from.path, 'upgrade-from');
  if (from?.kind === 'reference' && from.reference.includes('@'))
    problems.push({
      field: 'upgrade-from',
      message: `previous reference "${from.reference}" has no tag. Write <registry>/<namespace>/<module>:<version>_database__<X.Y>.`,
    });
  else if (from?.kind === 'reference') {
    previous.reference = from.reference;
    const named = parseDatabaseTag(parseReference(from.reference).tag ?? '')?.version;
    previous.version = named !== undefined && isPlainVersion(named) ? named : null;
  }
  if (from?.kind === 'version') {
    if (!isPlainVersion(from.version))
      problems.push({
        field: 'upgrade-from',
        message: `previous version "${from.version}" is not MAJOR.MINOR.PATCH. IPM rebuilds database package versions as major.minor.patch; give the plain version, e.g. 1.0.0.`,
      });
    else if (!context.pullFrom)
      problems.push({
        field: 'upgrade-from',
        message: `"${from.version}" is a version, but there is no repository to pull it from. Name the registry namespace it was published to, or give a full reference or a .tgz path.`,
      });
    else {
      previous.version = from.version;
      previous.pullFrom = context.pullFrom;
    }
  }
  // gitRevision refuses a malformed git:<rev> (and returns null for a directory).
  if (sourceRaw !== null && attempt('upgrade-source', () => (gitRevision(sourceRaw), true)))
    previous.sourceDir = sourceRaw.startsWith('git:') ? sourceRaw : resolvePath(sourceRaw, 'upgrade-source');

  const seed = list(text['seed-methods']).map((s) => attempt('seed-methods', () => parseClassMethod(s, 'seed method')));
  const checks = list(text['check-methods']).map((s) =>
    attempt('check-methods', () => parseClassMethod(s, 'check method')),
  );
  const declared = attempt('declared-changes', () => parseDeclaredChanges(text['declared-changes'] ?? ''));
  const scenarios =
    problems.length === 0 ? attempt('upgrade-scenarios', () => selectScenarios(scenariosRaw, previous)) : null;
  if (problems.length > 0 || scenarios === null || declared === null) return { options: null, problems };
  const exclude = optional(text['upgrade-exclude-globals']);
  return {
    options: {
      scenarios: scenarios.perVersion,
      irisUpgrade: scenarios.irisUpgrade,
      previous,
      seed: seed as ClassMethodRef[],
      checks: checks as ClassMethodRef[],
      globals: {
        include: list(text['upgrade-globals']),
        exclude: exclude === null ? [...DEFAULT_EXCLUDED_GLOBALS] : list(exclude),
      },
      declared,
      nodeLimit: DEFAULT_NODE_LIMIT,
    },
    problems,
  };
}

/** readUpgradeOptions for callers that stop at the first bad setting: throws one UsageError listing every problem. */
export function parseUpgradeOptions(text: UpgradeText, context: UpgradeContext = {}): UpgradeOptions | null {
  const { options, problems } = readUpgradeOptions(text, context);
  if (problems.length > 0) {
    const name = context.name ?? ((f: UpgradeField) => f);
    throw new UsageError(problems.map((p) => `${name(p.field)}: ${p.message}`).join('\n'));
  }
  return options;
}

/**
 * The scenarios to run: those named (each must have its previous release), or for "all"/empty every
 * one that can run; `iris-upgrade` (across IRIS versions) is named like the others.
 */
function selectScenarios(
  raw: string | null,
  previous: PreviousRelease,
): { perVersion: UpgradeScenario[]; irisUpgrade: boolean } {
  const requested = list(raw ?? '');
  const all = requested.length === 0 || (requested.length === 1 && requested[0] === 'all');
  for (const name of all ? [] : requested) {
    if (name !== IRIS_UPGRADE && !(UPGRADE_SCENARIOS as readonly string[]).includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${[...UPGRADE_SCENARIOS, IRIS_UPGRADE].join(', ')} (or all).`,
      );
    }
  }
  const scenarios = all
    ? UPGRADE_SCENARIOS.filter((s) => missingInputs(s, previous) === null)
    : UPGRADE_SCENARIOS.filter((s) => requested.includes(s));
  for (const scenario of scenarios) {
    const missing = missingInputs(scenario, previous);
    if (missing) throw new UsageError(`upgrade scenario "${scenario}" needs ${missing}`);
  }
  return { perVersion: scenarios, irisUpgrade: irisUpgradeRequested(raw ?? '') };
}

/** Whether an upgrade-scenarios value asks for iris-upgrade: empty, "all", or naming it. */
export function irisUpgradeRequested(scenarios: string): boolean {
  const requested = list(scenarios);
  return (
    requested.length === 0 || (requested.length === 1 && requested[0] === 'all') || requested.includes(IRIS_UPGRADE)
  );
}

/**
 * The settings when none of upgrade-from, upgrade-source and upgrade-scenarios is given: no
 * scenario per IRIS version, and `iris-upgrade` between IRIS versions with no seed or check methods.
 */
export function defaultUpgradeOptions(): UpgradeOptions {
  return {
    scenarios: [],
    irisUpgrade: true,
    previous: { version: null, packagePath: null, pullFrom: null, reference: null, sourceDir: null },
    seed: [],
    checks: [],
    globals: { include: [], exclude: [...DEFAULT_EXCLUDED_GLOBALS] },
    declared: [],
    nodeLimit: DEFAULT_NODE_LIMIT,
  };
}

/** What a scenario lacks in these inputs, as a phrase; null when it can run. */
export function missingInputs(scenario: UpgradeScenario, previous: PreviousRelease): string | null {
  const hasPackage = previous.packagePath !== null || previous.pullFrom !== null || previous.reference !== null;
  switch (scenario) {
    case 'fresh':
      return null;
    case 'database':
      return hasPackage
        ? null
        : 'the previous release as a database package: a package path, a reference, or a repository and version to pull';
    case 'source':
      return previous.sourceDir !== null ? null : 'the previous release as source: its module directory';
    case 'container-replacement':
      return hasPackage || previous.sourceDir !== null
        ? null
        : 'the previous release: a database package (path or repository and version) or its source directory';
  }
}

/**
 * The previous release's reference in its registry: `<registry>/<namespace>/<module>:<version>_database__<X.Y>`,
 * namespace and module lower-cased as IPM and the publisher name them (contract section 8).
 */
export function previousReference(
  pullFrom: PullFrom,
  moduleName: string,
  version: string,
  irisMajorMinor: string,
): string {
  return `${pullFrom.registry.replace(/\/+$/, '')}/${ipmRepositoryPath(pullFrom.namespace, moduleName)}:${ipmDatabaseTag(version, irisMajorMinor)}`;
}

/** What an upgrade-from value names: a package file, a version to pull, or a full registry reference. */
export type UpgradeFrom =
  { kind: 'archive'; path: string } | { kind: 'version'; version: string } | { kind: 'reference'; reference: string };

/**
 * Classifies an upgrade-from value (the action's input and `ipm-db run --upgrade-from` alike): a `.tgz`
 * path, a version (pulled later from the module's repository), or a reference with a tag or digest.
 */
export function classifyUpgradeFrom(raw: string): UpgradeFrom {
  const value = raw.trim();
  if (/\.tgz$/i.test(value)) return { kind: 'archive', path: value };
  if (isSemver(value)) return { kind: 'version', version: value };
  const reference = referenceOrNull(value);
  if (reference && (reference.tag !== undefined || reference.digest !== undefined))
    return { kind: 'reference', reference: value };
  if (reference)
    throw new UsageError(
      `upgrade-from "${value}" has no tag`,
      'Give the full reference, <registry>/<namespace>/<module>:<version>_database__<IRIS major.minor>, or just the version.',
    );
  throw new UsageError(
    `upgrade-from "${value}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2026.1)`,
    'Give the previous release as one of those three forms.',
  );
}

function referenceOrNull(text: string): Reference | null {
  try {
    return parseReference(text);
  } catch {
    return null;
  }
}
