import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../../util/errors.js';
import { readIrisUpgradeReports } from '../../workflow/iris-upgrade-files.js';
import { readLegs, readPublishResults } from '../../workflow/leg-files.js';
import { attestationSubjects, buildTestResultPredicate } from '../../workflow/test-attestation.js';
import { parseCommandArgs } from '../registry-options.js';
import { EXIT, type CliCommand } from '../command.js';

const usage = `Usage: ipm-db attest-predicate <legs dir> --prefix <p> --published <dir> --run-url <url> --out <dir>
                                 [--iris-upgrades <dir>]

Writes what the reusable workflow's publish job attests (docs/attestations.md):

  <out>/test-result.json  the in-toto test-result predicate: for every published digest, the IRIS
                          version it was built and tested on, each stage and upgrade-scenario verdict,
                          the archive and IRIS.DAT checksums, every iris-upgrade it took part in, and
                          the run URL (schema: docs/test-result-predicate.schema.json)
  <out>/subjects.txt      "<sha256 hex>  <registry>/<namespace>/<module>" per published digest, for
                          actions/attest's subject-checksums

<legs dir> and --prefix: the legs' artifacts as for "ipm-db legs"; --published: the "ipm-db publish
--json" results; --iris-upgrades: the iris-upgrade jobs' reports (optional).
`;

export const attestPredicateCommand: CliCommand = {
  name: 'attest-predicate',
  summary: 'write the test-result attestation predicate and subjects of what was published',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      prefix: { type: 'string' },
      published: { type: 'string' },
      'iris-upgrades': { type: 'string' },
      'run-url': { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one directory of leg artifacts');
    for (const flag of ['prefix', 'published', 'run-url', 'out'] as const)
      if (!values[flag]) throw new UsageError(`--${flag} is required`);
    const legs = await readLegs(resolve(io.cwd, positionals[0]!), values.prefix!);
    const published = await readPublishResults(resolve(io.cwd, values.published!));
    const irisUpgrades = values['iris-upgrades']
      ? await readIrisUpgradeReports(resolve(io.cwd, values['iris-upgrades']))
      : [];
    const predicate = buildTestResultPredicate({ legs, published, irisUpgrades, runUrl: values['run-url']! });
    const out = resolve(io.cwd, values.out!);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'test-result.json'), JSON.stringify(predicate, null, 2) + '\n');
    await writeFile(join(out, 'subjects.txt'), attestationSubjects(published));
    io.stdout.write(
      `${predicate.result}: ${predicate.passedTests.length} passed, ${predicate.failedTests.length} failed, ` +
        `${published.length} digest(s) attested\n`,
    );
    return EXIT.ok;
  },
};
