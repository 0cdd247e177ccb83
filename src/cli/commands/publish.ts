import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { VerificationReport } from '../../archive/report.js';
import { canonicalJson } from '../../oci/ipm-artifact.js';
import { registryAccess } from '../../oci/access.js';
import { publishPackage, type ArchiveVerifier, type PublishResult } from '../../oci/publish.js';
import { UsageError } from '../../util/errors.js';
import { EXIT, type CliCommand } from '../command.js';
import { withBooleanValues, withCurrentFlagNames } from '../flag-vocabulary.js';
import {
  cliLogger,
  cliRegistryAccess,
  parseCommandArgs,
  printJson,
  REGISTRY_ENV_HELP,
  registryFlags,
} from '../registry-options.js';

const usage = `Usage: ipm-db publish <archive.tgz> --registry <host[:port]> --registry-namespace <owner> [options]

Publishes a verified database package in the OCI form IPM installs from:
(only an archive that passes verification, unchanged since, is published)
<registry>/<registry-namespace>/<module lower-case>:<version>_database__<IRIS major.minor>.

Options:
  --registry <host[:port]>  registry, e.g. ghcr.io
  --registry-namespace <owner>
                            owner path, e.g. your GitHub organisation (lower case)
  --source-url <url>        repository URL (org.opencontainers.image.source; links a GHCR package)
  --report <file>           the JSON of "ipm-db verify --json" for this archive
                            (without it, the archive is verified now)
  --overwrite-tags          overwrite an existing tag that holds different content
  --dry-run                 compute and print everything; send nothing
  --plain-http              talk HTTP, not HTTPS (local registries)
  --allow-prerelease        allow versions other than plain X.Y.Z (IPM cannot install them)
  --client <native|oras>    push through the oras CLI instead of the built-in client
  --json                    print the result as JSON
  -v, --verbose             log each registry step

${REGISTRY_ENV_HELP}

Former flag names, still accepted with a warning: --namespace (--registry-namespace), --source
(--source-url), --force (--overwrite-tags).
`;

const RENAMES = { namespace: 'registry-namespace', source: 'source-url', force: 'overwrite-tags' } as const;
const BOOLEAN_FLAGS = ['overwrite-tags', 'dry-run', 'allow-prerelease', 'plain-http', 'json', 'verbose'];

function printResult(result: PublishResult, write: (s: string) => void): void {
  const state = result.dryRun ? 'would publish' : result.unchanged ? 'unchanged' : 'published';
  write(`${state} ${result.reference}\n`);
  write(`  manifest digest  ${result.digest}\n`);
  write(
    `  layer            ${result.layer.digest} (${result.layer.size} bytes${result.layer.uploaded ? ', uploaded' : ''})\n`,
  );
  write(`  blob bytes sent  ${result.bytesUploaded}\n`);
  if (result.roundTrip)
    write(
      `  round-trip: verified ${result.roundTrip.digest}${result.roundTrip.layerRead ? '' : ' (manifest re-checked, layer unchanged)'}\n`,
    );
  if (result.dryRun) write(`  manifest         ${canonicalJson(result.manifest)}\n`);
}

/** `verifier.file` checks the archive unless --report gives the verifier's JSON for it; `verifier.stream` checks the layer read back. */
export function publishCommand(verifier: ArchiveVerifier): CliCommand {
  return {
    name: 'publish',
    summary: 'publish a verified database package to an OCI registry (GHCR) for IPM',
    usage,
    async run(argv, io) {
      const args = withBooleanValues(withCurrentFlagNames(argv, RENAMES, io), BOOLEAN_FLAGS);
      const { values, positionals } = parseCommandArgs(args, {
        ...registryFlags,
        registry: { type: 'string' },
        'registry-namespace': { type: 'string' },
        'source-url': { type: 'string' },
        report: { type: 'string' },
        'overwrite-tags': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'allow-prerelease': { type: 'boolean' },
        client: { type: 'string' },
      });
      if (positionals.length !== 1) throw new UsageError('give exactly one <archive.tgz>');
      if (!values.registry) throw new UsageError('--registry is required', 'e.g. --registry ghcr.io');
      if (!values['registry-namespace'])
        throw new UsageError('--registry-namespace is required', 'e.g. --registry-namespace my-org');
      if (values.client !== undefined && values.client !== 'native' && values.client !== 'oras') {
        throw new UsageError(`--client must be "native" or "oras", not "${values.client}"`);
      }
      const archivePath = resolve(io.cwd, positionals[0] as string);
      let report: VerificationReport | undefined;
      if (values.report) {
        const text = await readFile(resolve(io.cwd, values.report), 'utf8').catch((err: Error) => {
          throw new UsageError(`cannot read --report ${values.report}: ${err.message}`);
        });
        try {
          report = JSON.parse(text) as VerificationReport;
        } catch {
          throw new UsageError(`--report ${values.report} is not JSON`, 'Give the output of "ipm-db verify --json".');
        }
      }
      const where = { plainHttp: values['plain-http'] === true, namespace: values['registry-namespace'] };
      const access = values['dry-run']
        ? registryAccess({ host: values.registry, ...where })
        : cliRegistryAccess(io, values.registry, where);
      const result = await publishPackage({
        archivePath,
        ...(report ? { report } : {}),
        verifier,
        access,
        ...(values['source-url'] ? { source: values['source-url'] } : {}),
        force: values['overwrite-tags'] === true,
        dryRun: values['dry-run'] === true,
        allowPrerelease: values['allow-prerelease'] === true,
        client: values.client === 'oras' ? 'oras' : 'native',
        logger: cliLogger(io, values.verbose === true),
      });
      if (values.json) printJson(io, result);
      else printResult(result, (s) => io.stdout.write(s));
      return EXIT.ok;
    },
  };
}
