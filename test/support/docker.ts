// For test files that need Docker: the engine and IRIS stand-in image started by global setup.
// Where no engine could be started, describeWithDocker skips its tests and says why, loudly;
// under CI (CI=true) it fails instead, because CI must run them.
import { describe, inject } from 'vitest';

export interface DockerContext {
  dockerHost: string;
  standinImage: string;
}

export function dockerUnavailable(): string {
  return inject('dockerHost') ? '' : inject('dockerUnavailableReason') || 'unknown reason';
}

/** The engine and image; sets process.env.DOCKER_HOST so plain `docker` calls reach the engine. */
export function requireDocker(): DockerContext {
  const dockerHost = inject('dockerHost');
  if (!dockerHost) throw new Error(`Docker is not available: ${dockerUnavailable()}`);
  process.env.DOCKER_HOST = dockerHost;
  return { dockerHost, standinImage: inject('standinImage') };
}

export function describeWithDocker(name: string, fn: () => void): void {
  const reason = dockerUnavailable();
  if (!reason) {
    requireDocker();
    describe(name, fn);
    return;
  }
  const banner = `\n${'!'.repeat(78)}\n!! SKIPPED "${name}": no Docker engine.\n!! ${reason.split('\n').join('\n!! ')}\n${'!'.repeat(78)}\n`;
  if (process.env.CI) {
    describe(name, () => {
      throw new Error(`CI must run Docker tests, but: ${reason}`);
    });
    return;
  }
  console.warn(banner);
  describe.skip(name, fn);
}
