/**
 * The docker CLI for the image cache (docker image save / load of large tarballs). The pipeline
 * and the post step drive Docker through src/iris/docker.ts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { childEnvironment } from '../util/child-env.js';

const execFileP = promisify(execFile);

export type DockerCommand = (args: string[], timeoutMs: number) => Promise<{ stdout: string }>;

export const dockerCli: DockerCommand = async (args, timeoutMs) => {
  const { stdout } = await execFileP('docker', args, {
    env: childEnvironment(),
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout };
};
