import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  REGISTRY_ENV_HELP,
  parseCommandArgs,
  printJson,
  registryClient,
  registryFlags
} from "./chunk-HY7YMROX.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import {
  parseReference
} from "./chunk-7XQEMRI4.js";
import {
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/tags.ts
var usage = `Usage: ipm-db tags <registry>/<namespace>/<module> [--plain-http] [--json]

Lists every tag of a repository (all pages), sorted.

${REGISTRY_ENV_HELP}
`;
var tagsCommand = {
  name: "tags",
  summary: "list the tags of a package repository",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, registryFlags);
    if (positionals.length !== 1) throw new UsageError("give exactly one <registry>/<repository>");
    const ref = parseReference(positionals[0]);
    if (ref.tag !== void 0 || ref.digest !== void 0)
      throw new UsageError("give a repository without a tag or digest");
    const tags = (await registryClient(ref.registry, io, values).listTags(ref.repository)).sort();
    if (values.json) printJson(io, { registry: ref.registry, repository: ref.repository, tags });
    else io.stdout.write(tags.map((t) => `${t}
`).join(""));
    return EXIT.ok;
  }
};
export {
  tagsCommand
};
