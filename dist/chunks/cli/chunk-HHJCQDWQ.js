import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  parseList
} from "./chunk-YN7H3ASS.js";
import {
  RegistryClient,
  registryAccess
} from "./chunk-4W7SJPR4.js";
import {
  isTag,
  parseIrisMajorMinor
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError,
  errorMessage
} from "./chunk-PS7E4X32.js";

// src/workflow/iris-tags.ts
var DEFAULT_IRIS_IMAGE_REGISTRY = "containers.intersystems.com/intersystems";
function irisImageRepository(imageRegistry, flavor, names = { imageRegistry: "iris-image-registry", flavor: "iris-flavor" }) {
  const path = imageRegistry.trim().replace(/\/+$/, "");
  const slash = path.indexOf("/");
  const registry = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? "" : path.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]*(?::\d{1,5})?$/.test(registry) || !/^[a-z0-9][a-z0-9._/-]*$|^$/.test(prefix))
    throw new UsageError(
      `${names.imageRegistry} "${imageRegistry}" is not a registry path`,
      `e.g. ${DEFAULT_IRIS_IMAGE_REGISTRY}`
    );
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(flavor))
    throw new UsageError(
      `${names.flavor} "${flavor}" is not an image name`,
      "e.g. iris-community or irishealth-community"
    );
  return { registry, repository: prefix ? `${prefix}/${flavor}` : flavor };
}
async function listIrisTags(where, opts) {
  const client = new RegistryClient(
    registryAccess({ host: where.registry, plainHttp: opts.plainHttp, credentialsFor: opts.credentialsFor })
  );
  try {
    return await client.listTags(where.repository, 1e3);
  } catch (err) {
    throw new IpmDbError(
      "iris-tags",
      `Reading the tags of ${where.registry}/${where.repository} failed: ${errorMessage(err)}`,
      {
        hint: "Licensed images need registry credentials (the iris-registry-username and iris-registry-password secrets of the workflow, or docker login before the action); or give iris-versions as a list.",
        cause: err
      }
    );
  }
}

// src/workflow/iris-versions.ts
var EXPIRED_COMMUNITY_TAGS = ["2023.2", "2023.3", "2024.3", "2025.1", "2025.2"];
var DEFAULT_LATEST = 2;
function parseVersionsRequest(raw) {
  const text = raw.trim();
  if (text === "" || text === "auto") return { kind: "auto" };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `iris-versions "${text}" is neither "auto" nor a JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new UsageError(
      `iris-versions ${text} is not a non-empty JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  const versions = [];
  for (const entry of parsed) {
    const tag = typeof entry === "number" ? String(entry) : entry;
    if (typeof tag !== "string" || !isTag(tag.trim()))
      throw new UsageError(
        `iris-versions entry ${JSON.stringify(entry)} is not an image tag.`,
        'Each entry is a tag of the IRIS image, e.g. "2025.3" (quote it: 2025.10 as a number would lose its 0).'
      );
    if (!versions.includes(tag.trim())) versions.push(tag.trim());
  }
  return { kind: "list", versions };
}
function parseIrisVersionsSetting(raw) {
  const text = raw.trim();
  if (text === "") return null;
  if (text === "auto" || text.startsWith("[")) return parseVersionsRequest(text);
  const versions = [];
  for (const tag of parseList(text)) {
    if (!isTag(tag))
      throw new UsageError(`iris-versions entry "${tag}" is not an image tag.`, "Write tags such as 2026.1.");
    if (!versions.includes(tag)) versions.push(tag);
  }
  return { kind: "list", versions };
}
function parseSkipList(raw, flavour) {
  const out = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    if (token === "none") continue;
    if (token === "default") {
      if (isCommunityFlavour(flavour)) {
        for (const t of EXPIRED_COMMUNITY_TAGS) if (!out.includes(t)) out.push(t);
      }
      continue;
    }
    if (!isTag(token))
      throw new UsageError(
        `skip-versions entry "${token}" is not an image tag.`,
        'Write tags such as 2025.1, separated by commas; "default" adds the expired community tags, "none" skips nothing.'
      );
    if (!out.includes(token)) out.push(token);
  }
  return out;
}
function isCommunityFlavour(flavour) {
  return /-community(?:-arm64)?$/.test(flavour);
}
function parseLatest(raw) {
  const text = raw.trim();
  if (text === "") return DEFAULT_LATEST;
  if (!/^[1-9]\d{0,2}$/.test(text))
    throw new UsageError(
      `latest "${text}" is not a positive whole number.`,
      "Write e.g. 2 to run the two newest versions."
    );
  return Number(text);
}
function releaseKey(tag) {
  const release = parseIrisMajorMinor(tag);
  return release ? [release.major, release.minor] : null;
}
function releaseTags(tags) {
  const unique = [...new Set(tags.filter((t) => releaseKey(t) !== null))];
  return unique.sort((a, b) => {
    const [ay, an] = releaseKey(a);
    const [by, bn] = releaseKey(b);
    return by - ay || bn - an;
  });
}
function resolveAuto(tags, skip, latest) {
  const releases = releaseTags(tags);
  const skipped = releases.filter((t) => skip.includes(t));
  const usable = releases.filter((t) => !skip.includes(t));
  if (usable.length === 0)
    throw new IpmDbError(
      "iris-versions",
      releases.length === 0 ? "The registry lists no release tags (YYYY.N) for this image." : `Every release tag is in the skip list (${skipped.join(", ")}).`,
      {
        hint: "Check iris-flavor and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list."
      }
    );
  return { versions: usable.slice(0, latest), skipped, older: usable.slice(latest), warnings: [] };
}
function resolveVersions(request, tags, skip, latest) {
  if (request.kind === "list") {
    const warnings = request.versions.filter((v) => skip.includes(v)).map(
      (v) => `IRIS ${v} is in the skip list (an expired licence, for community images); it runs because iris-versions names it.`
    );
    return { versions: [...request.versions], skipped: [], older: [], warnings };
  }
  if (tags === null) throw new Error('resolveVersions: "auto" needs the registry tag list');
  return resolveAuto(tags, skip, latest);
}

export {
  DEFAULT_IRIS_IMAGE_REGISTRY,
  irisImageRepository,
  listIrisTags,
  EXPIRED_COMMUNITY_TAGS,
  DEFAULT_LATEST,
  parseIrisVersionsSetting,
  parseSkipList,
  parseLatest,
  resolveAuto,
  resolveVersions
};
