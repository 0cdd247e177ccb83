import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  REGISTRY_ENV_HELP,
  parseCommandArgs,
  printJson,
  registryClient,
  registryFlags
} from "./chunk-VD6PPP4S.js";
import {
  IPM_LAYER_MEDIA_TYPE,
  TITLE_ANNOTATION,
  formatReference,
  parseReference
} from "./chunk-O3R7SFC2.js";
import "./chunk-ZZB7ONZG.js";
import {
  EXIT
} from "./chunk-GYWSDV3W.js";
import "./chunk-TIJDGYO2.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";

// src/cli/commands/pull.ts
import { resolve } from "node:path";

// src/oci/pull.ts
import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
function safeFileName(title, fallback) {
  const name = title === void 0 ? "" : basename(title.replace(/\\/g, "/"));
  return name && name !== "." && name !== ".." && /^[\w.+-]+$/.test(name) ? name : fallback;
}
async function pullPackage(client, ref, dir) {
  const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
  if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
  const manifest = JSON.parse(fetched.bytes.toString("utf8"));
  const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) {
    throw new IpmDbError("not-an-ipm-package", `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
      hint: 'Check it with "ipm-db inspect".'
    });
  }
  await mkdir(dir, { recursive: true });
  const fallback = `${ref.repository.split("/").pop() ?? "package"}-${ref.tag ?? "package"}.tgz`;
  const file = join(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
  await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
  return {
    reference: formatReference(ref),
    manifestDigest: fetched.digest,
    file,
    size: layer.size,
    layerDigest: layer.digest
  };
}

// src/cli/commands/pull.ts
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
      const verification = verify ? await verify(file) : null;
      const result = { ...pulled, verification };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(
          `pulled ${result.reference} -> ${file} (${pulled.size} bytes, ${pulled.layerDigest} checked)
`
        );
        if (verification)
          io.stdout.write(
            `verification: ${verification.valid ? "valid" : `INVALID (${verification.errors.length} error(s))`}
`
          );
      }
      return verification && !verification.valid ? EXIT.failed : EXIT.ok;
    }
  };
}
export {
  pullCommand,
  safeFileName
};
