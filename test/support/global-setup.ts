// Vitest global setup: starts what many test files share once per run. The Docker engine and
// the IRIS stand-in image are started/built only when a selected test file needs them (it
// imports test/support/docker.ts), so `npx vitest run test/unit` stays fast.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDockerEngine, type DockerEngine } from './docker-engine.js';
import { buildStandinImage } from '../standin/image.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DOCKER_HOST of the engine tests use; '' when none could be had. */
    dockerHost: string;
    /** Why dockerHost is '' (printed loudly by describeWithDocker). */
    dockerUnavailableReason: string;
    /** Tag of the IRIS stand-in image ('' without an engine). */
    standinImage: string;
  }
}

const VALUE_FLAGS = new Set([
  '-t',
  '--testNamePattern',
  '--reporter',
  '--project',
  '-c',
  '--config',
  '-r',
  '--root',
  '--dir',
  '--shard',
  '--pool',
  '--maxWorkers',
  '--outputFile',
  '--environment',
  '--mode',
]);
const COMMANDS = new Set(['run', 'watch', 'dev', 'related', 'bench']);

/** Positional file filters given to vitest on the command line. */
export function fileFilters(argv: string[]): string[] {
  const start = argv.findIndex((a) => /vitest(\.m?js)?$/.test(a));
  const args = start >= 0 ? argv.slice(start + 1) : [];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    if (!COMMANDS.has(a)) out.push(a);
  }
  return out;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Whether any selected test file imports the Docker helper. */
export function selectedFilesNeedDocker(root: string, filters: string[]): boolean {
  const files = testFiles(join(root, 'test')).map((f) => relative(root, f));
  const selected = filters.length
    ? files.filter((f) => filters.some((flt) => f.includes(flt.replace(/^\.\//, ''))))
    : files;
  return selected.some((f) => /support\/docker(\.js)?['"]/.test(readFileSync(join(root, f), 'utf8')));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const teardowns: (() => Promise<void>)[] = [];
  const root = project.config.root;
  let engine: DockerEngine | undefined;
  if (!selectedFilesNeedDocker(root, fileFilters(process.argv))) {
    project.provide('dockerHost', '');
    project.provide('dockerUnavailableReason', 'no selected test file needs Docker');
    project.provide('standinImage', '');
  } else {
    engine = await startDockerEngine((line) => console.log(`[global-setup] ${line}`));
    teardowns.push(() => engine!.stop());
    let reason = engine.unavailableReason;
    let image = '';
    if (engine.host) {
      try {
        const built = await buildStandinImage(engine.host);
        image = built.tag;
        console.log(
          `[global-setup] Docker engine ready in ${engine.startMs} ms (${engine.started ? 'started here' : 'existing'}); ` +
            `stand-in image ${built.tag} ${built.built ? 'built' : 'cached'} in ${built.ms} ms`,
        );
      } catch (e) {
        reason = `the IRIS stand-in image could not be built: ${(e as Error).message}`;
      }
    }
    project.provide('dockerHost', image ? engine.host : '');
    project.provide('dockerUnavailableReason', reason);
    project.provide('standinImage', image);
  }
  return async () => {
    for (const t of teardowns.reverse()) await t();
  };
}
