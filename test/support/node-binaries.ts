// The Node.js binaries the tests run dist/ with, installed by `npm ci --prefix tools/node` (.ci/run
// does it): 24, as GitHub runs the action (action.yml runs.using: node24), and 20, the oldest Node
// the ipm-db CLI supports. Where they are missing, the action runs under this process's Node with a
// loud warning; under CI (CI=true) that is an error, because CI must test what actually runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const TOOLS = join(import.meta.dirname, '../../tools/node/node_modules');

export type NodeMajor = 20 | 24;

export function nodeBinaryPath(major: NodeMajor): string {
  return join(TOOLS, `node${major}`, 'bin', 'node');
}

/** The path of Node `major`, or a thrown error naming the command that installs it. */
export function requireNode(major: NodeMajor): string {
  const path = nodeBinaryPath(major);
  if (existsSync(path)) return path;
  throw new Error(`Node ${major} is not installed at ${path}: run "npm ci --prefix tools/node" (as .ci/run does).`);
}

let warned = false;

/** The Node the action's dist/ runs under in tests: 24 when installed; required under CI. */
export function actionNode(): string {
  const path = nodeBinaryPath(24);
  if (existsSync(path)) return path;
  if (process.env.CI) return requireNode(24);
  if (!warned) {
    warned = true;
    console.warn(
      `\n!! The action runs under ${process.version} here, not Node 24 as on GitHub: run "npm ci --prefix tools/node".\n`,
    );
  }
  return process.execPath;
}
