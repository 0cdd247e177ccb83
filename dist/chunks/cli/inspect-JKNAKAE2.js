import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  ipmAcceptanceViolations
} from "./chunk-PPJ3SEED.js";
import "./chunk-TBTJLIKU.js";
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
  formatReference,
  parseReference
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/inspect.ts
var usage = `Usage: ipm-db inspect <registry>/<namespace>/<module>:<tag> [--plain-http] [--json]

Prints the manifest and its annotations, and whether IPM would accept it: each rule it
breaks is listed. Exits 1 when IPM would not accept it.

${REGISTRY_ENV_HELP}
`;
var inspectCommand = {
  name: "inspect",
  summary: "show a published package and whether IPM would accept it",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, registryFlags);
    if (positionals.length !== 1) throw new UsageError("give exactly one <reference>");
    const ref = parseReference(positionals[0], { requireTagOrDigest: true });
    const client = registryClient(ref.registry, io, values);
    const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
    if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
    let manifest;
    try {
      manifest = JSON.parse(fetched.bytes.toString("utf8"));
    } catch {
      manifest = null;
    }
    const violations = ipmAcceptanceViolations(manifest, ref.tag);
    const accepted = violations.length === 0;
    const annotations = manifest?.annotations ?? {};
    if (values.json) {
      printJson(io, {
        reference: formatReference(ref),
        digest: fetched.digest,
        mediaType: fetched.mediaType,
        manifest,
        annotations,
        ipmAccepts: accepted,
        violations
      });
    } else {
      const out = [
        `${formatReference(ref)}`,
        `  digest      ${fetched.digest}`,
        `  media type  ${fetched.mediaType}`
      ];
      for (const layer of manifest?.layers ?? []) {
        out.push(
          `  layer       ${layer.mediaType} ${layer.digest} ${layer.size} bytes ${layer.annotations?.["org.opencontainers.image.title"] ?? ""}`
        );
      }
      out.push("  annotations");
      for (const [k, v] of Object.entries(annotations))
        out.push(`    ${k} = ${String(v).length > 100 ? `${String(v).slice(0, 97)}...` : String(v)}`);
      out.push(accepted ? "IPM would accept this package." : "IPM would NOT accept this package:");
      for (const v of violations) out.push(`  - [${v.rule}] ${v.message}`);
      io.stdout.write(out.join("\n") + "\n");
    }
    return accepted ? EXIT.ok : EXIT.failed;
  }
};
export {
  inspectCommand
};
