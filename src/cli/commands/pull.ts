import { resolve } from 'node:path';
import type { VerifyArchiveFn } from '../../oci/publish.js';
import { pullPackage } from '../../oci/pull.js';
import { parseReference } from '../../naming/reference.js';
import { UsageError } from '../../util/errors.js';
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandArgs, printJson, REGISTRY_ENV_HELP, registryClient, registryFlags } from '../registry-options.js';

export { safeFileName } from '../../oci/pull.js';

const usage = `Usage: ipm-db pull <registry>/<namespace>/<module>:<tag> [-o <dir>] [--plain-http] [--json]

Downloads the package layer into <dir> (default: the current directory) under its title,
checking its size and sha256 against the manifest before the file appears, then verifies the
archive (exit 1 when it does not pass).

${REGISTRY_ENV_HELP}
`;

export function pullCommand(verify: VerifyArchiveFn): CliCommand {
  return {
    name: 'pull',
    summary: 'download a published package and check its digest',
    usage,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        output: { type: 'string', short: 'o' },
      });
      if (positionals.length !== 1) throw new UsageError('give exactly one <reference>');
      const ref = parseReference(positionals[0] as string, { requireTagOrDigest: true });
      const client = registryClient(ref.registry, io, values);
      const pulled = await pullPackage(client, ref, resolve(io.cwd, values.output ?? '.'));
      const { file } = pulled;
      const verification = await verify(file);
      const result = { ...pulled, verification };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(
          `pulled ${result.reference} -> ${file} (${pulled.size} bytes, ${pulled.layerDigest} checked)\n`,
        );
        io.stdout.write(
          `verification: ${verification.valid ? 'valid' : `INVALID (${verification.errors.length} error(s))`}\n`,
        );
      }
      return verification.valid ? EXIT.ok : EXIT.failed;
    },
  };
}
