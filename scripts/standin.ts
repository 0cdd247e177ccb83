// Prepares a local try-out of `ipm-db run` without an IRIS licence: builds the IRIS stand-in
// image (test/standin/) into the Docker engine at DOCKER_HOST (default: the local socket),
// writes an IPM installer for it, and prints the command to run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildStandinImage } from '../test/standin/image.js';
import { ipmInstallerXml } from '../test/standin/ipm-installer.js';

const host = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
const dir = resolve(process.argv[2] ?? 'ipm-db-standin');
mkdirSync(dir, { recursive: true });
const installer = join(dir, 'zpm-0.10.10.xml');
writeFileSync(installer, ipmInstallerXml('0.10.10', { databasePackaging: true }));
const image = await buildStandinImage(host);
console.log(`stand-in image ${image.tag} ${image.built ? 'built' : 'already present'} in ${image.ms} ms`);
console.log('Try:');
console.log(
  `  npx ipm-db run --module-path test/fixtures/standin-modules/demo-app --iris-images ${image.tag} --ipm ${installer} --network none --run-tests --out ${join(dir, 'out')}`,
);
