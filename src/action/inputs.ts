/**
 * The action's inputs, read and validated before anything runs. Every problem is reported at once,
 * each naming the input and saying what to write instead. Pure apart from the injected source, so
 * the whole table of bad values is unit-tested without a runner.
 */
import { isAbsolute, resolve } from 'node:path';
import { IPM_RELEASE_URL } from '../ipm/installer.js';
import { defaultParallel, thisMachine } from '../pipeline/parallel.js';
import { isImageReference, isSemver, isSha256Hex } from '../naming/grammar.js';
import { IpmDbError, errorMessage } from '../util/errors.js';
import { UPGRADE_FIELDS, readUpgradeOptions, type UpgradeOptions } from '../pipeline/upgrade/settings.js';
import { registerSecret } from '../util/redact.js';
import { forkPullRequest } from './event.js';
import { parseIpmCommit, parseIpmRepository, type IpmGitPin } from '../ipm/ipm-source.js';
import { LICENCE_POLICIES, type LicencePolicy } from './licence-skip.js';
import { DEFAULT_IPM_GIT, DEFAULT_IRIS_IMAGE } from '../pipeline/defaults.js';
import { DURATION_FORMS, MAX_DURATION_MS, parseBoolean, parseDuration, parseList } from '../util/setting-values.js';
import {
  parseIrisVersionsSetting,
  parseLatest,
  parseSkipList,
  type VersionsRequest,
} from '../workflow/iris-versions.js';
import { inputVocabulary } from './input-vocabulary.js';

export { MAX_DURATION_MS, parseDuration, parseList };
import {
  NO_MODULE_SETTINGS,
  mergeModuleSettings,
  readModuleSettings,
  settingsError,
  settingsFileLabel,
  type ModuleSettings,
  type SettingsUse,
} from '../pipeline/module-settings.js';

export type UploadPolicy = 'always' | 'failure' | 'never';
export const UPLOAD_POLICIES: readonly UploadPolicy[] = ['always', 'failure', 'never'];

export type IpmSource =
  | { kind: 'image' }
  | { kind: 'version'; version: string; sha256: string; releaseUrl: string }
  | { kind: 'installer'; path: string; sha256: string | null }
  | ({ kind: 'git' } & IpmGitPin);

export interface ActionInputs {
  workspace: string;
  /** Absolute path of the module directory. */
  moduleDir: string;
  /** The IRIS images; empty when iris-versions is "auto" (resolved from the registry: ./iris-versions.ts). */
  images: string[];
  /** iris-versions "auto": where the tags are read and which are kept; null otherwise. */
  autoVersions: AutoVersions | null;
  ipm: IpmSource;
  dev: boolean;
  /** Interoperability-enable the namespaces the pipeline creates (cfg.EnableEnsemble = 1). */
  interoperability: boolean;
  exportPythonDeps: boolean;
  runTests: boolean;
  /** The upgrade stage's settings, parsed; null when no upgrade scenario runs. */
  upgrade: UpgradeOptions | null;
  /** Whether the publish stage runs; false when not asked for or refused. */
  publish: boolean;
  /** Why publishing was asked for but refused (fork pull request), for a notice and the summary. */
  publishRefused: string | null;
  registry: string;
  /** HTTP instead of HTTPS to the registry; only ever true for a loopback registry. */
  registryPlainHttp: boolean;
  namespace: string;
  username: string;
  /** Never logged; masked with setSecret as soon as it is read. */
  token: string;
  sourceUrl: string | null;
  force: boolean;
  allowPrerelease: boolean;
  summary: boolean;
  uploadArtifacts: UploadPolicy;
  artifactName: string;
  /** Days the run's artifacts are kept; null for the repository's default. */
  retentionDays: number | null;
  /** Matrix values (JSON or text) for artifact names; '' outside a matrix. */
  matrixKey: string;
  cacheImages: boolean;
  /** Warm IPM images: start from one, commit one after a fresh install, save/restore it with the Actions cache. */
  warmIpmImage: boolean;
  /** What a run whose community licence expired does: fail the step, or end as skipped with a warning. */
  licenceExpired: LicencePolicy;
  timeouts: { startupMs: number; commandMs: number; totalMs: number };
  /** IRIS containers at once; from the machine when the input is empty. */
  parallel: number;
  keepContainer: boolean;
  /** Record every IRIS session's input and output (redacted) under the run's transcripts/ folder. */
  recordTranscripts: boolean;
  /** What came from the module's ipm-db.yml; null when it has none. */
  moduleSettings: SettingsUse | null;
  /** One warning per deprecated input name used (the action prints them before it runs). */
  warnings: string[];
}

/** iris-versions "auto", as in the reusable workflow: the newest `latest` release tags not in `skip`. */
export interface AutoVersions {
  /** Registry and path prefix of the IRIS images (iris-image-registry). */
  imageRegistry: string;
  flavor: string;
  skip: string[];
  latest: number;
}

export { forkPullRequest };

export interface GitHubEvent {
  name: string;
  payload: Record<string, unknown> | null;
}

export interface InputSource {
  /** Raw input value ('' when not set), as core.getInput returns it. */
  get(name: string): string;
  env: Record<string, string | undefined>;
  event: GitHubEvent | null;
  /** Masks a value in the runner's log (core.setSecret). */
  setSecret(value: string): void;
  /** Memory and cores for the `parallel` default; this machine's when absent. */
  machine?: { memoryBytes: number; cores: number };
}

const REGISTRY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[a-z0-9][a-z0-9._-]*)*$/;
const NAMESPACE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const ARTIFACT_NAME_RE = /^[A-Za-z0-9._-]{1,60}$/;
/** GitHub keeps artifacts at most 90 days unless the repository's settings say otherwise. */
export const MAX_RETENTION_DAYS = 90;

/** "" is the repository's default (null); a whole number 1..90 is kept; anything else is undefined. */
export function parseRetentionDays(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const days = Number(text);
  return days >= 1 && days <= MAX_RETENTION_DAYS ? days : undefined;
}

function workspaceOf(source: InputSource): string {
  return source.env.GITHUB_WORKSPACE || process.cwd();
}

/** The module directory the module-path input names (the workspace's root when empty). */
export function modulePathInput(source: InputSource): string {
  const workspace = workspaceOf(source);
  const raw = source.get('module-path').trim() || '.';
  return isAbsolute(raw) ? raw : resolve(workspace, raw);
}

/**
 * The inputs over the module's ipm-db.yml: the file is read first (a bad one is refused before
 * anything runs, each problem at its line), then every input is parsed, the file filling in what
 * the step did not give (an input is given when it is not empty: the settings' inputs default to '').
 */
export async function readActionInputs(source: InputSource): Promise<ActionInputs> {
  const moduleDir = modulePathInput(source);
  return parseInputs(source, await readModuleSettings(moduleDir, settingsFileLabel(workspaceOf(source), moduleDir)));
}

/** Reads, validates and normalises every input; throws one UsageError listing every problem. */
export function parseInputs(given: InputSource, settings: ModuleSettings = NO_MODULE_SETTINGS): ActionInputs {
  // Secrets first, under either name, so no message below can show them.
  for (const name of ['registry-token', 'token']) {
    const secret = given.get(name).trim();
    if (secret) {
      given.setSecret(secret);
      registerSecret(secret);
    }
  }

  const problems: { field: string; message: string }[] = [];
  const problem = (input: string, text: string) => problems.push({ field: input, message: text });
  const vocabulary = inputVocabulary(given, problem);
  const source: InputSource = { ...given, get: vocabulary.get };
  const token = source.get('registry-token').trim();
  // What the step gave, else the module's ipm-db.yml (for the settings it holds).
  const merged = mergeModuleSettings(settings, (name) => source.get(name).trim() || undefined);
  const value = (name: string): string => merged.text(name) ?? '';

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = value(name).trim();
    if (raw === '') return fallback;
    const parsed = parseBoolean(raw);
    if (parsed === null) problem(name, `"${raw}" is not a boolean; write true or false.`);
    return parsed ?? fallback;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = source.get(name).trim() || fallback;
    const ms = parseDuration(raw);
    if (ms === null) {
      problem(name, `"${raw}" is not a duration of at most 596h; write ${DURATION_FORMS}.`);
      return parseDuration(fallback) ?? 0;
    }
    return ms;
  };

  const workspace = workspaceOf(source);
  const inWorkspace = (name: string, raw: string): string => {
    const abs = isAbsolute(raw) ? raw : resolve(workspace, raw);
    if (/[\0\n\r]/.test(raw)) problem(name, 'contains a control character.');
    return abs;
  };

  const moduleDir = modulePathInput(source);
  if (/[\0\n\r]/.test(moduleDir)) problem('module-path', 'contains a control character.');

  const { images, autoVersions } = imageList(source, problem);

  const ipm = ipmSource(source, problem, inWorkspace);

  const dev = bool('dev', false);
  const interoperability = bool('interoperability', false);
  const exportPythonDeps = bool('export-python-deps', true);
  const runTests = bool('run-tests', false);

  const publishRaw = source.get('publish').trim();
  let publishAsked = false;
  if (publishRaw === 'true') publishAsked = true;
  else if (publishRaw !== '' && publishRaw !== 'false')
    problem('publish', `"${publishRaw}" is not accepted; publishing needs exactly true (anything else: false).`);

  const registry = source.get('registry').trim().replace(/\/+$/, '') || 'ghcr.io';
  if (!REGISTRY_RE.test(registry))
    problem('registry', `"${registry}" is not a registry host; write e.g. ghcr.io or localhost:5000/prefix.`);

  const registryPlainHttp = bool('registry-plain-http', false);
  if (registryPlainHttp && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(registry))
    problem(
      'registry-plain-http',
      `is true but ${registry} is not a loopback registry; HTTP would send the token in clear text.`,
    );
  const namespaceRaw = source.get('registry-namespace').trim() || source.env.GITHUB_REPOSITORY_OWNER || '';
  const namespace = namespaceRaw.toLowerCase();
  const namespaceOk = namespace !== '' && NAMESPACE_RE.test(namespace);
  if (publishAsked && !namespace)
    problem('registry-namespace', 'is empty; set it to the registry owner (e.g. your GitHub user or organisation).');
  if (namespace && !namespaceOk)
    problem(
      'registry-namespace',
      `"${namespaceRaw}" is not a registry namespace (letters, digits, ".", "_", "-", "/").`,
    );
  const upgrade = upgradeOptions(value, problem, inWorkspace, namespaceOk ? { registry, namespace } : null);
  const username = source.get('registry-username').trim() || source.env.GITHUB_ACTOR || '';
  const sourceUrlRaw = source.get('source-url').trim();
  let sourceUrl: string | null = null;
  if (sourceUrlRaw) {
    if (/^https?:\/\/[^\s/]+\/?\S*$/.test(sourceUrlRaw) && !/^https?:\/\/\/?$/.test(sourceUrlRaw))
      sourceUrl = sourceUrlRaw;
    else problem('source-url', `"${sourceUrlRaw}" is not an http(s) URL.`);
  }

  const force = bool('overwrite-tags', false);
  const allowPrerelease = bool('allow-prerelease', false);
  const summary = bool('summary', true);
  const uploadRaw = source.get('upload-artifacts').trim() || 'always';
  let uploadArtifacts: UploadPolicy = 'always';
  if ((UPLOAD_POLICIES as readonly string[]).includes(uploadRaw)) uploadArtifacts = uploadRaw as UploadPolicy;
  else problem('upload-artifacts', `"${uploadRaw}" is not a policy; use always, failure or never.`);
  const artifactName = source.get('artifact-prefix').trim() || 'ipm-db';
  if (!ARTIFACT_NAME_RE.test(artifactName))
    problem('artifact-prefix', `"${artifactName}" may hold only letters, digits, ".", "_" and "-" (at most 60).`);
  const retentionRaw = source.get('retention-days').trim();
  const retentionDays = parseRetentionDays(retentionRaw);
  if (retentionDays === undefined)
    problem(
      'retention-days',
      `"${retentionRaw}" is not a number of days; write a whole number from 1 to ${MAX_RETENTION_DAYS}, or leave it empty for the repository's default.`,
    );
  const matrixKey = source.get('matrix-key').trim();
  const cacheImages = bool('cache-images', false);
  const warmIpmImage = bool('warm-ipm-image', false);
  const timeouts = {
    startupMs: duration('startup-timeout', '5m'),
    commandMs: duration('command-timeout', '15m'),
    totalMs: duration('run-timeout', '60m'),
  };
  const parallelRaw = source.get('parallel').trim();
  let parallel = defaultParallel(source.machine ?? thisMachine());
  if (parallelRaw) {
    if (/^[1-9]\d{0,2}$/.test(parallelRaw)) parallel = Number(parallelRaw);
    else
      problem('parallel', `"${parallelRaw}" is not a number of IRIS containers; write a whole number from 1, e.g. 2.`);
  }
  const keepContainer = bool('keep-container', false);
  const recordTranscripts = bool('record-transcripts', false);
  // With "auto" the versions come from the registry, whose newest tags may carry a licence that expired since.
  const licenceRaw = source.get('licence-expired').trim() || (autoVersions ? 'skip' : 'fail');
  const licenceExpired: LicencePolicy = (LICENCE_POLICIES as readonly string[]).includes(licenceRaw)
    ? (licenceRaw as LicencePolicy)
    : 'fail';
  if (licenceExpired !== licenceRaw) problem('licence-expired', `"${licenceRaw}" is not accepted; use fail or skip.`);

  let publish = publishAsked;
  let publishRefused: string | null = null;
  if (publishAsked) {
    const fork = forkPullRequest(source.event, source.env.GITHUB_REPOSITORY);
    if (fork) {
      publish = false;
      publishRefused = `publishing is refused on ${fork}: its token must not write packages.`;
    } else {
      if (!token) problem('registry-token', 'is empty but publish is true; pass a token with packages: write.');
      if (ipm.kind === 'installer' && ipm.sha256 === null)
        problem('ipm-sha256', 'is required when publishing with ipm-installer (a release must pin its IPM).');
    }
  }

  for (const unknown of vocabulary.unknown()) problem(unknown.name, unknown.message);
  const error = settingsError(problems, merged, {
    name: (input) => `input "${input}"`,
    header: 'Invalid action inputs:',
    hint: 'Fix the "with:" block of this step; every input is described in action.yml and docs/action.md.',
  });
  if (error) throw error;

  return {
    workspace,
    moduleDir,
    images,
    autoVersions,
    ipm,
    dev,
    interoperability,
    exportPythonDeps,
    runTests,
    upgrade,
    publish,
    publishRefused,
    registry,
    registryPlainHttp,
    namespace,
    username,
    token,
    sourceUrl,
    force,
    allowPrerelease,
    summary,
    uploadArtifacts,
    artifactName,
    retentionDays: retentionDays ?? null,
    matrixKey,
    cacheImages,
    warmIpmImage,
    licenceExpired,
    timeouts,
    parallel,
    keepContainer,
    recordTranscripts,
    moduleSettings: merged.use,
    warnings: vocabulary.warnings(),
  };
}

/** An error's message with its hint, as one problem line. */
function problemText(err: unknown): string {
  return err instanceof IpmDbError && err.hint ? `${err.message.replace(/\.$/, '')}. ${err.hint}` : errorMessage(err);
}

function imageList(
  source: InputSource,
  problem: (i: string, t: string) => void,
): { images: string[]; autoVersions: AutoVersions | null } {
  const explicit = parseList(source.get('iris-images'));
  const versionsRaw = source.get('iris-versions').trim();
  const registry =
    source.get('iris-image-registry').trim().replace(/\/+$/, '') || 'containers.intersystems.com/intersystems';
  const flavor = source.get('iris-flavor').trim() || 'iris-community';
  const auto = autoSettings(source, problem, registry, flavor);
  const images: string[] = [];
  if (explicit.length) {
    for (const image of explicit) {
      if (isImageReference(image)) images.push(image);
      else
        problem(
          'iris-images',
          `"${image}" is not an image reference; write e.g. containers.intersystems.com/intersystems/iris-community:2026.1.`,
        );
    }
  } else if (versionsRaw) {
    let request: VersionsRequest | null = null;
    try {
      request = parseIrisVersionsSetting(versionsRaw);
    } catch (err) {
      problem('iris-versions', problemText(err));
    }
    if (!isImageReference(`${registry}/${flavor}:latest`))
      problem(
        'iris-flavor',
        `"${registry}/${flavor}" does not make an image name; check iris-image-registry and iris-flavor.`,
      );
    else if (request?.kind === 'auto') return { images: [], autoVersions: auto };
    else if (request) images.push(...request.versions.map((version) => `${registry}/${flavor}:${version}`));
  } else {
    images.push(DEFAULT_IRIS_IMAGE);
  }
  const seen = new Set<string>();
  return { images: images.filter((i) => !seen.has(i) && seen.add(i)), autoVersions: null };
}

/** skip-versions and latest, checked whatever iris-versions says (they only act with "auto"). */
function autoSettings(
  source: InputSource,
  problem: (i: string, t: string) => void,
  imageRegistry: string,
  flavor: string,
): AutoVersions {
  const settle = <T>(name: string, parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (err) {
      problem(name, problemText(err));
      return fallback;
    }
  };
  return {
    imageRegistry,
    flavor,
    skip: settle('skip-versions', () => parseSkipList(source.get('skip-versions').trim() || 'default', flavor), []),
    latest: settle('latest', () => parseLatest(source.get('latest')), 2),
  };
}

function ipmSource(
  source: InputSource,
  problem: (i: string, t: string) => void,
  inWorkspace: (name: string, raw: string) => string,
): IpmSource {
  const version = source.get('ipm-version').trim();
  const installer = source.get('ipm-installer').trim();
  const sha = source.get('ipm-sha256').trim();
  const releaseUrl = source.get('ipm-release-url').trim() || IPM_RELEASE_URL;
  if (sha && !isSha256Hex(sha)) problem('ipm-sha256', 'must be 64 hexadecimal digits (the output of sha256sum).');
  if (sha && !installer && !version) problem('ipm-sha256', 'is set but neither ipm-installer nor ipm-version is.');
  if (version && installer) {
    problem('ipm-version', 'and ipm-installer are both set; keep only one.');
    return { kind: 'image' };
  }
  const git = source.get('ipm-git').trim();
  const gitRepository = source.get('ipm-git-repository').trim();
  if (git && (version || installer)) {
    problem('ipm-git', `and ${version ? 'ipm-version' : 'ipm-installer'} are both set; keep only one.`);
    return { kind: 'image' };
  }
  if (gitRepository && (!git || git === 'none'))
    problem('ipm-git-repository', 'is set but ipm-git does not name a commit.');
  if (git === 'none') return { kind: 'image' };
  if (git || (!version && !installer)) {
    if (!git) return { kind: 'git', ...DEFAULT_IPM_GIT };
    try {
      return {
        kind: 'git',
        commit: parseIpmCommit(git, 'ipm-git'),
        repository: parseIpmRepository(gitRepository, 'ipm-git-repository'),
      };
    } catch (err) {
      problem('ipm-git', problemText(err));
      return { kind: 'image' };
    }
  }
  if (version) {
    if (!isSemver(version)) problem('ipm-version', `"${version}" is not an IPM version; write e.g. 0.10.10.`);
    if (!sha)
      problem('ipm-sha256', `is required with ipm-version: the SHA-256 of zpm-${version}.xml from the release.`);
    if (!/^https?:\/\/\S+$/.test(releaseUrl) || !releaseUrl.includes('{version}'))
      problem('ipm-release-url', `"${releaseUrl}" must be an http(s) URL containing {version}.`);
    return { kind: 'version', version, sha256: sha.toLowerCase(), releaseUrl };
  }
  if (installer) {
    if (!/\.xml$/i.test(installer))
      problem('ipm-installer', `"${installer}" is not an installer XML (zpm-<version>.xml).`);
    return { kind: 'installer', path: inWorkspace('ipm-installer', installer), sha256: sha ? sha.toLowerCase() : null };
  }
  return { kind: 'image' };
}

/** The upgrade inputs through the upgrade stage's parser; its problems become problems of the inputs they name. */
function upgradeOptions(
  value: (name: string) => string,
  problem: (i: string, t: string) => void,
  inWorkspace: (name: string, raw: string) => string,
  pullFrom: { registry: string; namespace: string } | null,
): UpgradeOptions | null {
  const text = Object.fromEntries(UPGRADE_FIELDS.map((field) => [field, value(field)]));
  const { options, problems } = readUpgradeOptions(text, {
    resolvePath: (path, field) => inWorkspace(field, path),
    pullFrom,
  });
  for (const p of problems) problem(p.field, p.message);
  return options;
}
