/**
 * Which IRIS versions the reusable workflow's matrix runs on: either the list the caller gave
 * (validated), or "auto", resolved from the image registry's tag list. Pure: the tag list is an
 * argument, so every rule is tested on recorded lists without a network.
 */
import { IpmDbError, UsageError } from '../util/errors.js';
import { isTag, parseIrisMajorMinor } from '../naming/grammar.js';

/**
 * Community tags whose time-limited licence had expired by mid-2026; IPM's own CI skips the same
 * ones (contract section 9). The keyword "default" in a skip list stands for this list. It is a
 * starting hint, not the truth: licences keep expiring, so the start stage detects an expired one
 * (`iris-licence-expired`) and the reusable workflow with "auto" skips that leg with a warning.
 */
export const EXPIRED_COMMUNITY_TAGS: readonly string[] = ['2023.2', '2023.3', '2024.3', '2025.1', '2025.2'];

/** How many of the newest versions "auto" keeps when the caller does not say. */
export const DEFAULT_LATEST = 2;

export type VersionsRequest = { kind: 'auto' } | { kind: 'list'; versions: string[] };

export interface ResolvedVersions {
  /** The matrix, newest first. */
  versions: string[];
  /** Release tags left out by the skip list, newest first. */
  skipped: string[];
  /** Release tags left out by the "latest N" rule, newest first. */
  older: string[];
  /** Things the caller should know (a listed version that the skip list names). */
  warnings: string[];
}

/** "auto" or a JSON array of tags; anything else is a usage error saying what to write. */
export function parseVersionsRequest(raw: string): VersionsRequest {
  const text = raw.trim();
  if (text === '' || text === 'auto') return { kind: 'auto' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `iris-versions "${text}" is neither "auto" nor a JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].',
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new UsageError(
      `iris-versions ${text} is not a non-empty JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].',
    );
  const versions: string[] = [];
  for (const entry of parsed) {
    const tag = typeof entry === 'number' ? String(entry) : entry;
    if (typeof tag !== 'string' || !isTag(tag.trim()))
      throw new UsageError(
        `iris-versions entry ${JSON.stringify(entry)} is not an image tag.`,
        'Each entry is a tag of the IRIS image, e.g. "2025.3" (quote it: 2025.10 as a number would lose its 0).',
      );
    if (!versions.includes(tag.trim())) versions.push(tag.trim());
  }
  return { kind: 'list', versions };
}

/**
 * The skip list: tags separated by commas, spaces or newlines. "default" adds the expired community
 * tags (only for community flavours: licensed images carry the user's own licence); "none" or an
 * empty text skips nothing.
 */
export function parseSkipList(raw: string, flavour: string): string[] {
  const out: string[] = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    if (token === 'none') continue;
    if (token === 'default') {
      if (isCommunityFlavour(flavour)) for (const t of EXPIRED_COMMUNITY_TAGS) if (!out.includes(t)) out.push(t);
      continue;
    }
    if (!isTag(token))
      throw new UsageError(
        `skip-versions entry "${token}" is not an image tag.`,
        'Write tags such as 2025.1, separated by commas; "default" adds the expired community tags, "none" skips nothing.',
      );
    if (!out.includes(token)) out.push(token);
  }
  return out;
}

export function isCommunityFlavour(flavour: string): boolean {
  return /-community(?:-arm64)?$/.test(flavour);
}

/** "latest" as a positive whole number. */
export function parseLatest(raw: string): number {
  const text = raw.trim();
  if (text === '') return DEFAULT_LATEST;
  if (!/^[1-9]\d{0,2}$/.test(text))
    throw new UsageError(
      `latest "${text}" is not a positive whole number.`,
      'Write e.g. 2 to run the two newest versions.',
    );
  return Number(text);
}

/** Year and release number of a release tag ("2026.1", not "2026.2-preview" or builds). */
function releaseKey(tag: string): [number, number] | null {
  const release = parseIrisMajorMinor(tag);
  return release ? [release.major, release.minor] : null;
}

/** Release tags only ("YYYY.N"), de-duplicated, newest first. */
export function releaseTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags.filter((t) => releaseKey(t) !== null))];
  return unique.sort((a, b) => {
    const [ay, an] = releaseKey(a) as [number, number];
    const [by, bn] = releaseKey(b) as [number, number];
    return by - ay || bn - an;
  });
}

/** "auto": the newest `latest` release tags that are not skipped. */
export function resolveAuto(tags: readonly string[], skip: readonly string[], latest: number): ResolvedVersions {
  const releases = releaseTags(tags);
  const skipped = releases.filter((t) => skip.includes(t));
  const usable = releases.filter((t) => !skip.includes(t));
  if (usable.length === 0)
    throw new IpmDbError(
      'iris-versions',
      releases.length === 0
        ? 'The registry lists no release tags (YYYY.N) for this image.'
        : `Every release tag is in the skip list (${skipped.join(', ')}).`,
      {
        hint: 'Check iris-flavour and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list.',
      },
    );
  return { versions: usable.slice(0, latest), skipped, older: usable.slice(latest), warnings: [] };
}

/** The matrix for a request: the given list as is, or "auto" resolved against `tags`. */
export function resolveVersions(
  request: VersionsRequest,
  tags: readonly string[] | null,
  skip: readonly string[],
  latest: number,
): ResolvedVersions {
  if (request.kind === 'list') {
    const warnings = request.versions
      .filter((v) => skip.includes(v))
      .map(
        (v) =>
          `IRIS ${v} is in the skip list (an expired licence, for community images); it runs because iris-versions names it.`,
      );
    return { versions: [...request.versions], skipped: [], older: [], warnings };
  }
  if (tags === null) throw new Error('resolveVersions: "auto" needs the registry tag list');
  return resolveAuto(tags, skip, latest);
}
