// Prepares a local try-out of `ipm-db run` without an IRIS licence: builds the IRIS stand-in
// image (test/standin/) into the Docker engine at DOCKER_HOST (default: the local socket),
// writes an IPM installer for it, and prints the command to run.
//   npm run standin -- [dir] [--dependency-code] [--github-output]
// --dependency-code: an installer whose package-database also packages dependency code (the
//   stand-in's DEPENDENCY_CODE_MARKER), for modules with dependencies such as examples/example-module.
// --github-output: also writes image, ipm-installer (relative to the current directory) and
//   ipm-sha256 to $GITHUB_OUTPUT, for the CI job that runs the action against the stand-in.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildStandinImage } from '../test/standin/image.js';
import { ipmInstallerXml } from '../test/standin/ipm-installer.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
for (const f of flags) if (f !== '--dependency-code' && f !== '--github-output') throw new Error(`unknown option ${f}`);
const host = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'ipm-db-standin');
mkdirSync(dir, { recursive: true });
const installer = join(dir, 'zpm-0.10.10.xml');
const xml = ipmInstallerXml('0.10.10', { databasePackaging: true, dependencyCode: flags.has('--dependency-code') });
writeFileSync(installer, xml);
const image = await buildStandinImage(host);
console.log(`stand-in image ${image.tag} ${image.built ? 'built' : 'already present'} in ${image.ms} ms`);
if (flags.has('--github-output')) {
  if (!process.env.GITHUB_OUTPUT) throw new Error('--github-output needs GITHUB_OUTPUT');
  const sha256 = createHash('sha256').update(xml).digest('hex');
  appendFileSync(
    process.env.GITHUB_OUTPUT,
    `image=${image.tag}\nipm-installer=${relative(process.cwd(), installer)}\nipm-sha256=${sha256}\n`,
  );
}
console.log('Try:');
console.log(
  `  npx ipm-db run --module test/fixtures/standin-modules/demo-app --image ${image.tag} --ipm ${installer} --network none --tests --out ${join(dir, 'out')}`,
);
