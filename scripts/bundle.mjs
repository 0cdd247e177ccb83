// Bundles the action and CLI entry points into dist/. With --check, bundles into a
// temporary folder and fails when the committed dist/ differs (a JavaScript action
// runs what is committed, so a stale dist/ is a release bug).
import { build } from 'esbuild';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { bundledLicenses, renderLicenses } from './licenses.mjs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Two builds, each targeting the Node that runs it: the action's entry points run on the runner's
 * node24 (action.yml `runs.using`), the ipm-db CLI on any Node from 20 on (package.json engines).
 */
export const builds = [
  { entryPoints: { index: 'src/index.ts', post: 'src/post.ts' }, target: 'node24', chunks: 'action' },
  { entryPoints: { cli: 'src/cli/index.ts' }, target: 'node20', chunks: 'cli' },
];

export async function bundle(outdir) {
  const inputs = new Set();
  for (const { entryPoints, target, chunks } of builds) {
    const result = await build({
      absWorkingDir: root,
      entryPoints,
      outdir,
      metafile: true,
      bundle: true,
      platform: 'node',
      target,
      format: 'esm',
      splitting: true,
      chunkNames: `chunks/${chunks}/[name]-[hash]`,
      legalComments: 'none',
      logLevel: 'warning',
      // CommonJS dependencies call require(); give the ESM bundle one.
      banner: {
        js: "import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);",
      },
    });
    for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
  }
  // The licences of every third-party package whose code esbuild put into the bundle.
  const packages = await bundledLicenses(root, [...inputs]);
  await writeFile(join(outdir, 'licenses.txt'), renderLicenses(packages));
  return packages;
}

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function check() {
  const tmp = await mkdtemp(join(tmpdir(), 'ipm-db-dist-'));
  try {
    await bundle(tmp);
    const fresh = await listFiles(tmp);
    const committed = await listFiles(join(root, 'dist'));
    const problems = [];
    for (const f of fresh) {
      if (!committed.includes(f)) problems.push(`missing in dist/: ${f}`);
      else if (!(await readFile(join(tmp, f))).equals(await readFile(join(root, 'dist', f))))
        problems.push(`differs from src/: dist/${f}`);
    }
    for (const f of committed) if (!fresh.includes(f)) problems.push(`stale file in dist/: ${f}`);
    if (problems.length) {
      console.error(`dist/ does not match src/:\n  ${problems.join('\n  ')}\nRun "npm run bundle" and commit dist/.`);
      process.exitCode = 1;
    } else {
      console.log(`dist/ matches src/ (${fresh.length} files)`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) await check();
  else {
    await rm(join(root, 'dist'), { recursive: true, force: true });
    await bundle(join(root, 'dist'));
  }
}
