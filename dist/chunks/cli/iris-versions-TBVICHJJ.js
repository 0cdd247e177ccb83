import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  appendGithubOutput
} from "./chunk-CWAOHJGY.js";
import {
  DEFAULT_IRIS_IMAGE_REGISTRY,
  DEFAULT_LATEST,
  EXPIRED_COMMUNITY_TAGS,
  irisImageRepository,
  listIrisTags,
  parseIrisVersionsSetting,
  parseLatest,
  parseSkipList,
  resolveVersions
} from "./chunk-HHJCQDWQ.js";
import {
  warnCli,
  withCurrentFlagNames
} from "./chunk-YN7H3ASS.js";
import {
  credentialsOnlyFor,
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

// src/cli/commands/iris-versions.ts
var DEFAULT_IMAGE_REGISTRY = DEFAULT_IRIS_IMAGE_REGISTRY;
var usage = `Usage: ipm-db iris-versions [--iris-versions auto|<JSON list>] [options]

Prints the IRIS versions to test on, as a JSON list (newest first). "auto" reads the image's tag
list from the registry and keeps the newest release tags (YYYY.N) that are not skipped; a list
is checked and printed as given.

Options:
  --iris-versions <auto|list>
                            auto (default), a JSON list such as '["2024.1","2025.3"]', or tags
                            separated by commas or newlines
  --iris-flavor <name>      image name: iris-community (default), irishealth-community, iris, ...
  --iris-image-registry <path>
                            registry and path prefix (default ${DEFAULT_IMAGE_REGISTRY})
  --skip-versions <tags>    tags "auto" leaves out, comma-separated; "default" (the default) stands for
                            the expired community licences ${EXPIRED_COMMUNITY_TAGS.join(", ")}
                            (community flavors only), "none" for nothing
  --latest <n>              how many of the newest versions "auto" keeps (default ${DEFAULT_LATEST})
  --plain-http              talk HTTP to the registry (loopback test registries)
  --github-output           also append versions=<json> to the file named by $GITHUB_OUTPUT

Credentials for licensed images (environment only):
  IPM_DB_IRIS_REGISTRY_USERNAME, IPM_DB_IRIS_REGISTRY_PASSWORD

Former flag names, still accepted with a warning: --versions (--iris-versions), --flavour
(--iris-flavor), --image-registry (--iris-image-registry), --skip (--skip-versions).
`;
var RENAMES = {
  versions: "iris-versions",
  flavour: "iris-flavor",
  "image-registry": "iris-image-registry",
  skip: "skip-versions"
};
var irisVersionsCommand = {
  name: "iris-versions",
  summary: "list the IRIS versions to test on (auto from the registry, minus expired licences)",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(withCurrentFlagNames(argv, RENAMES, io), {
      "iris-versions": { type: "string", default: "auto" },
      "iris-flavor": { type: "string", default: "iris-community" },
      "iris-image-registry": { type: "string", default: DEFAULT_IMAGE_REGISTRY },
      "skip-versions": { type: "string", default: "default" },
      latest: { type: "string", default: String(DEFAULT_LATEST) },
      "plain-http": { type: "boolean" },
      "github-output": { type: "boolean" }
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const request = parseIrisVersionsSetting(values["iris-versions"]) ?? { kind: "auto" };
    const skip = parseSkipList(values["skip-versions"], values["iris-flavor"]);
    const latest = parseLatest(values.latest);
    let tags = null;
    if (request.kind === "auto") {
      const { registry, repository } = irisImageRepository(values["iris-image-registry"], values["iris-flavor"], {
        imageRegistry: "--iris-image-registry",
        flavor: "--iris-flavor"
      });
      const username = io.env.IPM_DB_IRIS_REGISTRY_USERNAME ?? "";
      const password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD ?? "";
      tags = await listIrisTags(
        { registry, repository },
        {
          plainHttp: values["plain-http"] === true,
          credentialsFor: credentialsOnlyFor(registry, username || password ? { username, password } : void 0)
        }
      );
      io.stderr.write(`${registry}/${repository}: ${tags.length} tags
`);
    }
    const resolved = resolveVersions(request, tags, skip, latest);
    if (resolved.skipped.length) io.stderr.write(`skipped (skip list): ${resolved.skipped.join(", ")}
`);
    if (resolved.older.length) io.stderr.write(`older than the newest ${latest}: ${resolved.older.join(", ")}
`);
    for (const w of resolved.warnings) warnCli(io, w);
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
