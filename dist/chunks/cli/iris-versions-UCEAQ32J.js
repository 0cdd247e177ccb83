import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  appendGithubOutput
} from "./chunk-CWAOHJGY.js";
import {
  RegistryClient,
  credentialsOnlyFor,
  parseCommandArgs,
  registryAccess
} from "./chunk-HY7YMROX.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import {
  isTag,
  parseIrisMajorMinor
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError,
  errorMessage
} from "./chunk-PS7E4X32.js";

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
        hint: "Check iris-flavour and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list."
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

// src/cli/commands/iris-versions.ts
var DEFAULT_IMAGE_REGISTRY = "containers.intersystems.com/intersystems";
var usage = `Usage: ipm-db iris-versions [--versions auto|<JSON list>] [options]

Prints the IRIS versions to test on, as a JSON list (newest first). "auto" reads the image's tag
list from the registry and keeps the newest release tags (YYYY.N) that are not skipped; a JSON list
is checked and printed as given.

Options:
  --versions <auto|json>    auto (default) or e.g. '["2024.1","2025.3"]'
  --flavour <name>          image name: iris-community (default), irishealth-community, iris, ...
  --image-registry <path>   registry and path prefix (default ${DEFAULT_IMAGE_REGISTRY})
  --skip <tags>             tags "auto" leaves out, comma-separated; "default" (the default) stands for
                            the expired community licences ${EXPIRED_COMMUNITY_TAGS.join(", ")}
                            (community flavours only), "none" for nothing
  --latest <n>              how many of the newest versions "auto" keeps (default ${DEFAULT_LATEST})
  --plain-http              talk HTTP to the registry (loopback test registries)
  --github-output           also append versions=<json> to the file named by $GITHUB_OUTPUT

Credentials for licensed images (environment only):
  IPM_DB_IRIS_REGISTRY_USERNAME, IPM_DB_IRIS_REGISTRY_PASSWORD
`;
function splitImageRegistry(raw, flavour) {
  const path = raw.trim().replace(/\/+$/, "");
  const slash = path.indexOf("/");
  const registry = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? "" : path.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]*(?::\d{1,5})?$/.test(registry) || !/^[a-z0-9][a-z0-9._/-]*$|^$/.test(prefix))
    throw new UsageError(`--image-registry "${raw}" is not a registry path`, `e.g. ${DEFAULT_IMAGE_REGISTRY}`);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(flavour))
    throw new UsageError(`--flavour "${flavour}" is not an image name`, "e.g. iris-community or irishealth-community");
  return { registry, repository: prefix ? `${prefix}/${flavour}` : flavour };
}
function warn(io, message) {
  io.stderr.write(io.env.GITHUB_ACTIONS === "true" ? `::warning::${message}
` : `warning: ${message}
`);
}
var irisVersionsCommand = {
  name: "iris-versions",
  summary: "list the IRIS versions to test on (auto from the registry, minus expired licences)",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      versions: { type: "string", default: "auto" },
      flavour: { type: "string", default: "iris-community" },
      "image-registry": { type: "string", default: DEFAULT_IMAGE_REGISTRY },
      skip: { type: "string", default: "default" },
      latest: { type: "string", default: String(DEFAULT_LATEST) },
      "plain-http": { type: "boolean" },
      "github-output": { type: "boolean" }
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const request = parseVersionsRequest(values.versions);
    const skip = parseSkipList(values.skip, values.flavour);
    const latest = parseLatest(values.latest);
    let tags = null;
    if (request.kind === "auto") {
      const { registry, repository } = splitImageRegistry(values["image-registry"], values.flavour);
      const username = io.env.IPM_DB_IRIS_REGISTRY_USERNAME ?? "";
      const password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD ?? "";
      const client = new RegistryClient(
        registryAccess({
          host: registry,
          plainHttp: values["plain-http"] === true,
          credentialsFor: credentialsOnlyFor(registry, username || password ? { username, password } : void 0)
        })
      );
      try {
        tags = await client.listTags(repository, 1e3);
      } catch (err) {
        throw new IpmDbError(
          "iris-tags",
          `Reading the tags of ${registry}/${repository} failed: ${errorMessage(err)}`,
          {
            hint: "Licensed images need the iris-registry-username and iris-registry-password secrets; or give iris-versions as a JSON list.",
            cause: err
          }
        );
      }
      io.stderr.write(`${registry}/${repository}: ${tags.length} tags
`);
    }
    const resolved = resolveVersions(request, tags, skip, latest);
    if (resolved.skipped.length) io.stderr.write(`skipped (skip list): ${resolved.skipped.join(", ")}
`);
    if (resolved.older.length) io.stderr.write(`older than the newest ${latest}: ${resolved.older.join(", ")}
`);
    for (const w of resolved.warnings) warn(io, w);
    const json = JSON.stringify(resolved.versions);
    io.stdout.write(`${json}
`);
    if (values["github-output"]) await appendGithubOutput(io, `versions=${json}
`);
    return EXIT.ok;
  }
};
export {
  irisVersionsCommand
};
