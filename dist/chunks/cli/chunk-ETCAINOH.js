import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IPM_LAYER_MEDIA_TYPE,
  TITLE_ANNOTATION
} from "./chunk-HY7YMROX.js";
import {
  formatReference
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError
} from "./chunk-PS7E4X32.js";

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

export {
  safeFileName,
  pullPackage
};
