/**
 * The action's inputs, read and validated before anything runs. Every problem is reported at once,
 * each naming the input and saying what to write instead. Pure apart from the injected source, so
 * the whole table of bad values is unit-tested without a runner.
 */
import { isAbsolute, resolve } from 'node:path';
import { IPM_RELEASE_URL } from '../ipm/installer.js';
import { defaultParallel, thisMachine } from '../pipeline/parallel.js';
import { isImageReference, isSemver, isSha256Hex, isTag } from '../naming/grammar.js';
import { IpmDbError, errorMessage } from '../util/errors.js';
import { UPGRADE_FIELDS, readUpgradeOptions, type UpgradeOptions } from '../pipeline/upgrade/settings.js';
import { registerSecret } from '../util/redact.js';
import { forkPullRequest } from './event.js';
import { parseIpmCommit, parseIpmRepository, type IpmGitPin } from '../ipm/ipm-source.js';
import { LICENCE_POLICIES, type LicencePolicy } from './licence-skip.js';
import { DEFAULT_IPM_GIT, DEFAULT_IRIS_IMAGE } from '../pipeline/defaults.js';
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
  images: string[];
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

const TRUE_FORMS = ['true', 'True', 'TRUE'];
const FALSE_FORMS = ['false', 'False', 'FALSE'];

const REGISTRY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[a-z0-9][a-z0-9._-]*)*$/;
const NAMESPACE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const ARTIFACT_NAME_RE = /^[A-Za-z0-9._-]{1,60}$/;
const DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** The longest delay a Node.js timer holds (2^31-1 ms, about 596 h); a longer one fires at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

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

/** Splits a list input on newlines and commas, trimming entries and dropping empty ones. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * "90s", "10m", "1h30m", "500ms", or a bare number of seconds; null when not a positive duration
 * or longer than MAX_DURATION_MS.
 */
export function parseDuration(raw: string): number | null {
  const text = raw.trim();
  let total = 0;
  if (/^\d+(?:\.\d+)?$/.test(text)) total = Number(text) * 1000;
  else if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  else for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  const ms = Math.round(total);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
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
export function parseInputs(source: InputSource, settings: ModuleSettings = NO_MODULE_SETTINGS): ActionInputs {
  const token = source.get('token').trim();
  if (token) {
    source.setSecret(token);
    registerSecret(token);
  }

  const problems: { field: string; message: string }[] = [];
  const problem = (input: string, text: string) => problems.push({ field: input, message: text });
  // What the step gave, else the module's ipm-db.yml (for the settings it holds).
  const merged = mergeModuleSettings(settings, (name) => source.get(name).trim() || undefined);
  const value = (name: string): string => merged.text(name) ?? '';

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = value(name).trim();
    if (raw === '') return fallback;
    if (TRUE_FORMS.includes(raw)) return true;
    if (FALSE_FORMS.includes(raw)) return false;
    problem(name, `"${raw}" is not a boolean; write true or false.`);
    return fallback;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = source.get(name).trim() || fallback;
    const ms = parseDuration(raw);
    if (ms === null) {
      problem(
        name,
        `"${raw}" is not a duration of at most 596h; write a positive number with a unit, e.g. 90s, 10m or 1h30m.`,
      );
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

  const images = imageList(source, problem);

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
  const namespaceRaw = source.get('namespace').trim() || source.env.GITHUB_REPOSITORY_OWNER || '';
  const namespace = namespaceRaw.toLowerCase();
  const namespaceOk = namespace !== '' && NAMESPACE_RE.test(namespace);
  if (publishAsked && !namespace)
    problem('namespace', 'is empty; set it to the registry owner (e.g. your GitHub user or organisation).');
  if (namespace && !namespaceOk)
    problem('namespace', `"${namespaceRaw}" is not a registry namespace (letters, digits, ".", "_", "-", "/").`);
  const upgrade = upgradeOptions(value, problem, inWorkspace, namespaceOk ? { registry, namespace } : null);
  const username = source.get('username').trim() || source.env.GITHUB_ACTOR || '';
  const sourceUrlRaw = source.get('source-url').trim();
  let sourceUrl: string | null = null;
  if (sourceUrlRaw) {
    if (/^https?:\/\/[^\s/]+\/?\S*$/.test(sourceUrlRaw) && !/^https?:\/\/\/?$/.test(sourceUrlRaw))
      sourceUrl = sourceUrlRaw;
    else problem('source-url', `"${sourceUrlRaw}" is not an http(s) URL.`);
  }

  const force = bool('force', false);
  const allowPrerelease = bool('allow-prerelease', false);
  const summary = bool('summary', true);
  const uploadRaw = source.get('upload-artifacts').trim() || 'always';
  let uploadArtifacts: UploadPolicy = 'always';
  if ((UPLOAD_POLICIES as readonly string[]).includes(uploadRaw)) uploadArtifacts = uploadRaw as UploadPolicy;
  else problem('upload-artifacts', `"${uploadRaw}" is not a policy; use always, failure or never.`);
  const artifactName = source.get('artifact-name').trim() || 'ipm-db';
  if (!ARTIFACT_NAME_RE.test(artifactName))
    problem('artifact-name', `"${artifactName}" may hold only letters, digits, ".", "_" and "-" (at most 60).`);
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
    totalMs: duration('timeout', '60m'),
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
  const licenceRaw = source.get('licence-expired').trim() || 'fail';
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
      if (!token) problem('token', 'is empty but publish is true; pass a token with packages: write.');
      if (ipm.kind === 'installer' && ipm.sha256 === null)
        problem('ipm-sha256', 'is required when publishing with ipm-installer (a release must pin its IPM).');
    }
  }

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
  };
}

function imageList(source: InputSource, problem: (i: string, t: string) => void): string[] {
  const explicit = parseList(source.get('iris-images'));
  const versions = parseList(source.get('iris-versions'));
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
  } else if (versions.length) {
    const registry =
      source.get('iris-image-registry').trim().replace(/\/+$/, '') || 'containers.intersystems.com/intersystems';
    const flavour = source.get('iris-flavour').trim() || 'iris-community';
    for (const version of versions) {
      const image = `${registry}/${flavour}:${version}`;
      if (!isTag(version)) problem('iris-versions', `"${version}" is not an image tag; write e.g. 2026.1.`);
      else if (!isImageReference(image))
        problem(
          'iris-flavour',
          `"${registry}/${flavour}" does not make an image name; check iris-image-registry and iris-flavour.`,
        );
      else images.push(image);
    }
  } else {
    images.push(DEFAULT_IRIS_IMAGE);
  }
  const seen = new Set<string>();
  return images.filter((i) => !seen.has(i) && seen.add(i));
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
      problem('ipm-git', err instanceof IpmDbError && err.hint ? `${err.message}. ${err.hint}` : errorMessage(err));
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
