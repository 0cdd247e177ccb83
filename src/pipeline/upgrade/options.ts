/** What the upgrade stage is asked to do, and which scenarios those inputs allow (pure). */
import { UsageError } from '../../util/errors.js';
import { DIGEST_SOURCE, TAG_SOURCE, isPlainVersion, isSemver } from '../../naming/grammar.js';
import { ipmDatabaseTag, parseDatabaseTag } from '../../naming/ipm.js';
import { type DeclaredChange, parseDeclaredChanges } from './declared.js';
import { DEFAULT_EXCLUDED_GLOBALS, type GlobalSelection } from './fingerprint.js';
import { gitRevision } from './git-source.js';
import { type ClassMethodRef, DEFAULT_NODE_LIMIT, parseClassMethod } from './objectscript.js';
import { UPGRADE_SCENARIOS, type UpgradeScenario } from './types.js';

/** Where the previous release comes from. */
export interface PreviousRelease {
  /** Its version, e.g. "1.0.0"; needed to pull it and to check what got installed. */
  version: string | null;
  /** A database package (.tgz) on disk. */
  packagePath: string | null;
  /** "<registry>/<namespace>/<module>" to pull `<version>_database__<X.Y>` from (the running IRIS's X.Y). */
  repository: string | null;
  /** A full reference "<registry>/<namespace>/<module>:<tag>" to pull as is (whatever IRIS version it was built for). */
  reference: string | null;
  /** The previous release's module source directory (module.xml at its root), or `git:<rev>`: the module directory at that revision. */
  sourceDir: string | null;
  /** How the report names the source (e.g. "git:v1.0.0" when `sourceDir` is its export); default `sourceDir`. */
  sourceLabel?: string;
}

export interface UpgradeOptions {
  scenarios: UpgradeScenario[];
  previous: PreviousRelease;
  /** Class methods that write data after the previous release is installed. */
  seed: ClassMethodRef[];
  /** Class methods that must return 1 after the upgrade. */
  checks: ClassMethodRef[];
  globals: GlobalSelection;
  declared: DeclaredChange[];
  nodeLimit: number;
}

/** The raw inputs (action inputs / CLI flags), all text. */
export interface UpgradeInputs {
  scenarios?: string;
  previousVersion?: string;
  previousPackage?: string;
  previousRepository?: string;
  previousReference?: string;
  previousSource?: string;
  seed?: string;
  checks?: string;
  globals?: string;
  excludeGlobals?: string;
  declaredChanges?: string;
  nodeLimit?: string;
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

/**
 * Parses and checks the inputs. `scenarios` "all" (or empty) means every scenario the inputs
 * allow; naming one explicitly whose inputs are missing is an error that says what to add.
 */
export function parseUpgradeOptions(inputs: UpgradeInputs): UpgradeOptions {
  const previous: PreviousRelease = {
    version: optional(inputs.previousVersion),
    packagePath: optional(inputs.previousPackage),
    repository: optional(inputs.previousRepository),
    reference: optional(inputs.previousReference),
    sourceDir: optional(inputs.previousSource),
  };
  if (previous.version !== null && !isPlainVersion(previous.version)) {
    throw new UsageError(
      `previous version "${previous.version}" is not MAJOR.MINOR.PATCH`,
      'IPM rebuilds database package versions as major.minor.patch; give the plain version, e.g. 1.0.0.',
    );
  }
  if (previous.sourceDir !== null) gitRevision(previous.sourceDir);
  if (previous.reference !== null) {
    const tag = new RegExp(`:(${TAG_SOURCE})$`).exec(previous.reference);
    if (!tag || previous.reference.includes('@')) {
      throw new UsageError(
        `previous reference "${previous.reference}" has no tag`,
        'Write <registry>/<namespace>/<module>:<version>_database__<X.Y>.',
      );
    }
    const named = parseDatabaseTag(tag[1]!)?.version;
    previous.version ??= named !== undefined && isPlainVersion(named) ? named : null;
  }
  if (previous.repository !== null && previous.version === null) {
    throw new UsageError(
      'a previous-release repository needs the previous version',
      'Add the version to pull, e.g. 1.0.0.',
    );
  }
  const requested = list(inputs.scenarios);
  const all = requested.length === 0 || (requested.length === 1 && requested[0] === 'all');
  for (const name of all ? [] : requested) {
    if (!(UPGRADE_SCENARIOS as readonly string[]).includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${UPGRADE_SCENARIOS.join(', ')} (or all).`,
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
  const nodeLimit = inputs.nodeLimit?.trim() ? Number(inputs.nodeLimit) : DEFAULT_NODE_LIMIT;
  if (!Number.isInteger(nodeLimit) || nodeLimit < 0)
    throw new UsageError(`node limit "${inputs.nodeLimit}" is not a whole number >= 0`);
  const exclude = optional(inputs.excludeGlobals);
  return {
    scenarios,
    previous,
    seed: list(inputs.seed).map((s) => parseClassMethod(s, 'seed method')),
    checks: list(inputs.checks).map((s) => parseClassMethod(s, 'check method')),
    globals: {
      include: list(inputs.globals),
      exclude: exclude === null ? [...DEFAULT_EXCLUDED_GLOBALS] : list(exclude),
    },
    declared: parseDeclaredChanges(inputs.declaredChanges ?? ''),
    nodeLimit,
  };
}

/** What a scenario lacks in these inputs, as a phrase; null when it can run. */
export function missingInputs(scenario: UpgradeScenario, previous: PreviousRelease): string | null {
  const hasPackage = previous.packagePath !== null || previous.repository !== null || previous.reference !== null;
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

/** `<repository>:<version with + as _>_database__<X.Y>`: the tag IPM publishes and pulls (contract section 8). */
export function previousReference(repository: string, version: string, irisMajorMinor: string): string {
  return `${repository.replace(/\/+$/, '')}:${ipmDatabaseTag(version, irisMajorMinor)}`;
}

/** What an upgrade-from value names: a package file, a version to pull, or a full registry reference. */
export type UpgradeFrom =
  { kind: 'archive'; path: string } | { kind: 'version'; version: string } | { kind: 'reference'; reference: string };

const REPOSITORY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]+)?(?:\/[a-z0-9][a-z0-9._-]*)+$/;
const TAG_OR_DIGEST_RE = new RegExp(`^(?::${TAG_SOURCE}|@${DIGEST_SOURCE})$`);

/**
 * Classifies an upgrade-from value (the action's input and `ipm-db run --upgrade-from` alike): a `.tgz`
 * path, a version (pulled later from the module's repository), or a reference with a tag or digest.
 */
export function classifyUpgradeFrom(raw: string): UpgradeFrom {
  const value = raw.trim();
  if (/\.tgz$/i.test(value)) return { kind: 'archive', path: value };
  if (isSemver(value)) return { kind: 'version', version: value };
  const cut = value.search(/[:@][^/]*$/);
  const repository = cut > 0 ? value.slice(0, cut) : value;
  if (REPOSITORY_RE.test(repository)) {
    if (cut > 0 && TAG_OR_DIGEST_RE.test(value.slice(cut))) return { kind: 'reference', reference: value };
    if (cut < 0)
      throw new UsageError(
        `upgrade-from "${value}" has no tag`,
        'Give the full reference, <registry>/<namespace>/<module>:<version>_database__<IRIS major.minor>, or just the version.',
      );
  }
  throw new UsageError(
    `upgrade-from "${value}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2025.1)`,
    'Give the previous release as one of those three forms.',
  );
}

/** The upgrade stage's inputs for an upgrade-from value; `repository` is where a bare version is pulled from. */
export function upgradeFromInputs(
  raw: string,
  repository: string | null,
  resolvePath: (path: string) => string = (path) => path,
): Pick<UpgradeInputs, 'previousPackage' | 'previousVersion' | 'previousRepository' | 'previousReference'> {
  const from = classifyUpgradeFrom(raw);
  if (from.kind === 'archive') return { previousPackage: resolvePath(from.path) };
  if (from.kind === 'reference') return { previousReference: from.reference };
  if (repository === null)
    throw new UsageError(
      `upgrade-from "${from.version}" is a version, but there is no repository to pull it from`,
      'Name the registry namespace it was published to, or give a full reference or a .tgz path.',
    );
  return { previousVersion: from.version, previousRepository: repository };
}
