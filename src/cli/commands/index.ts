import type { LazyCliCommand } from '../command.js';
import type { ArchiveVerifier } from '../../oci/publish.js';

/** The streaming verifier, for a file and for a layer read back from the registry. */
async function archiveVerifier(): Promise<ArchiveVerifier> {
  const { verifyArchive, verifyArchiveStream } = await import('../../archive/verify.js');
  return {
    file: (path) => verifyArchive(path),
    stream: (chunks, fileName) => verifyArchiveStream(chunks, { path: fileName, fileName }),
  };
}

/**
 * Every ipm-db subcommand, in the order `ipm-db --help` lists them. Each module is imported
 * only when its command runs; test/unit/cli/commands.test.ts checks that every name and
 * summary here matches the loaded command.
 */
export const commands: LazyCliCommand[] = [
  {
    name: 'run',
    summary: 'build, verify and install-test a database package in an IRIS container',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'verify',
    summary: 'verify a database package .tgz without extracting it',
    load: async () => (await import('./verify.js')).verifyCommand,
  },
  {
    name: 'publish',
    summary: 'publish a verified database package to an OCI registry (GHCR) for IPM',
    load: async () => (await import('./publish.js')).publishCommand(await archiveVerifier()),
  },
  {
    name: 'pull',
    summary: 'download a published package and check its digest',
    load: async () => (await import('./pull.js')).pullCommand((await import('../../archive/verify.js')).verifyArchive),
  },
  {
    name: 'inspect',
    summary: 'show a published package and whether IPM would accept it',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
  {
    name: 'tags',
    summary: 'list the tags of a package repository',
    load: async () => (await import('./tags.js')).tagsCommand,
  },
  {
    name: 'iris-versions',
    summary: 'list the IRIS versions to test on (auto from the registry, minus expired licences)',
    load: async () => (await import('./iris-versions.js')).irisVersionsCommand,
  },
  {
    name: 'legs',
    summary: "summarise or plan publishing of the reusable workflow's matrix legs",
    load: async () => (await import('./legs.js')).legsCommand,
  },
  {
    name: 'iris-upgrade',
    summary: 'upgrade-test a package across two IRIS versions on a durable volume (from two archives)',
    load: async () => (await import('./iris-upgrade.js')).irisUpgradeCommand,
  },
  {
    name: 'upgrade-pairs',
    summary: 'the pairs of consecutive IRIS versions the iris-upgrade scenario runs on',
    load: async () => (await import('./upgrade-pairs.js')).upgradePairsCommand,
  },
  {
    name: 'attest-predicate',
    summary: 'write the test-result attestation predicate and subjects of what was published',
    load: async () => (await import('./attest-predicate.js')).attestPredicateCommand,
  },
];
