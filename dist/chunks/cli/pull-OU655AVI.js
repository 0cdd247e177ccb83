import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  pullPackage,
  safeFileName
} from "./chunk-ETCAINOH.js";
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

// src/cli/commands/pull.ts
import { resolve } from "node:path";
var usage = `Usage: ipm-db pull <registry>/<namespace>/<module>:<tag> [-o <dir>] [--plain-http] [--json]

Downloads the package layer into <dir> (default: the current directory) under its title,
checking its size and sha256 against the manifest before the file appears, then verifies the
archive (exit 1 when it does not pass).

${REGISTRY_ENV_HELP}
`;
function pullCommand(verify) {
  return {
    name: "pull",
    summary: "download a published package and check its digest",
    usage,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        output: { type: "string", short: "o" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <reference>");
      const ref = parseReference(positionals[0], { requireTagOrDigest: true });
      const client = registryClient(ref.registry, io, values);
      const pulled = await pullPackage(client, ref, resolve(io.cwd, values.output ?? "."));
      const { file } = pulled;
      const verification = await verify(file);
      const result = { ...pulled, verification };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(
          `pulled ${result.reference} -> ${file} (${pulled.size} bytes, ${pulled.layerDigest} checked)
`
        );
        io.stdout.write(
          `verification: ${verification.valid ? "valid" : `INVALID (${verification.errors.length} error(s))`}
`
        );
      }
      return verification.valid ? EXIT.ok : EXIT.failed;
    }
  };
}
export {
  pullCommand,
  safeFileName
};
