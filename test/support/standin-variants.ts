// Variants of the stand-in image that differ only in their environment (an IRIS release whose
// community licence expired is an image, not a run option): `docker commit --change ENV` of a
// created, never started container of the base image, tagged `<base>-<name>`.
import { docker } from './docker-engine.js';

export async function standinVariant(
  dockerHost: string,
  baseImage: string,
  name: string,
  env: Record<string, string>,
): Promise<string> {
  const tag = `${baseImage}-${name}`;
  const container = `ipm-db-variant-${name}-${process.pid}-${Date.now()}`;
  await docker(dockerHost, ['create', '--name', container, baseImage]);
  try {
    const changes = Object.entries(env).flatMap(([k, v]) => ['--change', `ENV ${k}=${v}`]);
    await docker(dockerHost, ['commit', ...changes, container, tag]);
  } finally {
    await docker(dockerHost, ['rm', '-f', container]).catch(() => undefined);
  }
  return tag;
}
