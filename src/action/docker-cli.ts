/**
 * One docker command for the image and warm-IPM caches (inspect, pull, save, load of large
 * tarballs): the docker CLI of src/iris/docker.ts, reduced to a function the cache code takes as
 * a parameter (tests pass a fake). Throws on a non-zero exit or when the limit is reached.
 */
import { Docker } from '../iris/docker.js';

export type DockerCommand = (args: string[], timeoutMs: number) => Promise<{ stdout: string }>;

export function dockerCommand(docker: Docker = new Docker()): DockerCommand {
  return async (args, timeoutMs) => {
    const { stdout } = await docker.check('docker-cache', `docker ${args[0] ?? ''}`.trim(), args, { timeoutMs });
    return { stdout };
  };
}

export const dockerCli: DockerCommand = dockerCommand();
