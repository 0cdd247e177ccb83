import { irisMajorMinor } from '../../naming/grammar.js';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { renderReport } from '../../archive/render-report.js';
import { verifyArchive } from '../../archive/verify.js';
import { IpmDbError, UsageError, describeError } from '../../util/errors.js';
import { redact } from '../../util/redact.js';
import { EXIT, type CliCommand } from '../command.js';

const usage = `Usage: ipm-db verify <archive.tgz> [--iris-version X.Y] [--name NAME] [--version VERSION] [--json]

Verifies an IPM database package (.tgz from package-database) in one streaming pass,
without extracting it: IRIS.DAT checksum, module.xml, deps/, unsafe entries, limits.

Options:
  --iris-version X.Y   IRIS major.minor the package must install on (e.g. 2026.1)
  --name NAME          module name the package must have
  --version VERSION    module version the package must have
  --json               print the report as JSON (schema: docs/verify-report.md)

Exit status: 0 valid, 1 invalid (every failing check is listed), 2 usage error or unreadable file.`;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'verify a database package .tgz without extracting it',
  usage,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          'iris-version': { type: 'string' },
          name: { type: 'string' },
          version: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'missing <archive.tgz>' : `expected one archive, got ${positionals.length}`,
        'Give the path of the .tgz that IPM package-database wrote.',
      );
    }
    const irisVersion = values['iris-version'];
    if (irisVersion !== undefined && irisMajorMinor(irisVersion) === null) {
      throw new UsageError(
        `--iris-version "${irisVersion}" is not an IRIS version`,
        'Give major.minor, e.g. --iris-version 2026.1.',
      );
    }
    for (const flag of ['name', 'version'] as const) {
      if (values[flag] !== undefined && values[flag].trim() === '') throw new UsageError(`--${flag} must not be empty`);
    }
    let report;
    try {
      report = await verifyArchive(resolve(io.cwd, positionals[0]!), {
        ...(irisVersion !== undefined && { expectedIrisVersion: irisVersion }),
        ...(values.name !== undefined && { expectedModuleName: values.name }),
        ...(values.version !== undefined && { expectedModuleVersion: values.version }),
      });
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code !== 'archive-unreadable') throw err;
      io.stderr.write(`ipm-db verify: ${redact(describeError(err))}\n`);
      return EXIT.usage;
    }
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report)}\n`);
    return report.valid ? EXIT.ok : EXIT.failed;
  },
};
