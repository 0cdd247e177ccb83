/**
 * Downloads a published IPM database package: the manifest's single IPM layer, saved under its
 * title in a directory, its size and sha256 checked before the file appears. Used by
 * `ipm-db pull` and by the upgrade stage to fetch a previous release.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import type { RegistryClient } from './client.js';
import { IPM_LAYER_MEDIA_TYPE, TITLE_ANNOTATION, type OciManifest } from './media-types.js';
import { formatReference, type Reference } from '../naming/reference.js';

export interface PulledPackage {
  reference: string;
  manifestDigest: string;
  /** The downloaded .tgz. */
  file: string;
  size: number;
  layerDigest: string;
}

/** A layer title made safe to use as a file name in the output directory. */
export function safeFileName(title: string | undefined, fallback: string): string {
  const name = title === undefined ? '' : basename(title.replace(/\\/g, '/'));
  return name && name !== '.' && name !== '..' && /^[\w.+-]+$/.test(name) ? name : fallback;
}

/** Pulls `ref` (with a tag or digest) into `dir`; a missing tag is an error naming the reference. */
export async function pullPackage(client: RegistryClient, ref: Reference, dir: string): Promise<PulledPackage> {
  const fetched = await client.getManifest(ref.repository, (ref.digest ?? ref.tag) as string);
  if (!fetched) throw new IpmDbError('not-found', `${formatReference(ref)} does not exist`);
  const manifest = JSON.parse(fetched.bytes.toString('utf8')) as Partial<OciManifest>;
  const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) {
    throw new IpmDbError('not-an-ipm-package', `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
      hint: 'Check it with "ipm-db inspect".',
    });
  }
  await mkdir(dir, { recursive: true });
  const fallback = `${ref.repository.split('/').pop() ?? 'package'}-${ref.tag ?? 'package'}.tgz`;
  const file = join(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
  await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
  return {
    reference: formatReference(ref),
    manifestDigest: fetched.digest,
    file,
    size: layer.size,
    layerDigest: layer.digest,
  };
}
