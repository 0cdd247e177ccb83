// Warm IPM images of one IRIS image only (by the ipm-db.warm.base label commitWarmImage writes), so
// test files running at the same time on the shared engine never see or remove each other's.
import { WARM_BASE_LABEL } from '../../src/ipm/warm-image.js';
import { docker } from './docker-engine.js';

export async function imageId(host: string, ref: string): Promise<string> {
  return (await docker(host, ['image', 'inspect', '--format', '{{.Id}}', ref])).stdout.trim();
}

/** Tags of the warm IPM images made from `image`. */
export async function warmTagsOf(host: string, image: string): Promise<string[]> {
  const id = await imageId(host, image);
  const r = await docker(host, [
    'images',
    '--filter',
    `label=${WARM_BASE_LABEL}=${id}`,
    '--format',
    '{{.Repository}}:{{.Tag}}',
  ]);
  return r.stdout.split('\n').filter((t) => t && !t.endsWith(':<none>'));
}

export async function removeWarmImagesOf(host: string, image: string): Promise<void> {
  for (const t of await warmTagsOf(host, image)) await docker(host, ['rmi', '-f', t]);
}

/** A copy of `image` with its own image id (so its warm image key is its own). */
export async function ownCopyOf(host: string, image: string, name: string): Promise<string> {
  const tagged = `${image.split(':')[0]}-${name}:latest`;
  const id = (await docker(host, ['create', image])).stdout.trim();
  await docker(host, ['commit', '--change', `LABEL ipm-db.test.copy=${name}`, id, tagged]);
  await docker(host, ['rm', id]);
  return tagged;
}
