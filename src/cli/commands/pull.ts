import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { IPM_LAYER_MEDIA_TYPE, TITLE_ANNOTATION, type OciManifest } from '../../oci/ipm-artifact.js';
import type { VerifyArchiveFn } from '../../oci/publish.js';
import { formatReference, parseReference } from '../../oci/reference.js';
import { IpmDbError, UsageError } from '../../util/errors.js';
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandArgs, printJson, REGISTRY_ENV_HELP, registryClient, registryFlags } from '../registry-options.js';

const usage = `Usage: ipm-db pull <registry>/<namespace>/<module>:<tag> [-o <dir>] [--plain-http] [--json]

Downloads the package layer into <dir> (default: the current directory) under its title,
checking its size and sha256 against the manifest before the file appears, then verifies the
archive (exit 1 when it does not pass).

${REGISTRY_ENV_HELP}
`;

/** A layer title made safe to use as a file name in the output directory. */
export function safeFileName(title: string | undefined, fallback: string): string {
  const name = title === undefined ? '' : basename(title.replace(/\\/g, '/'));
  return name && name !== '.' && name !== '..' && /^[\w.+-]+$/.test(name) ? name : fallback;
}

export function pullCommand(verify?: VerifyArchiveFn): CliCommand {
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
      const fetched = await client.getManifest(ref.repository, (ref.digest ?? ref.tag) as string);
      if (!fetched) throw new IpmDbError('not-found', `${formatReference(ref)} does not exist`);
      const manifest = JSON.parse(fetched.bytes.toString('utf8')) as Partial<OciManifest>;
      const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
      if (!layer) {
        throw new IpmDbError('not-an-ipm-package', `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
          hint: 'Check it with "ipm-db inspect".',
        });
      }
      const dir = resolve(io.cwd, values.output ?? '.');
      await mkdir(dir, { recursive: true });
      const fallback = `${ref.repository.split('/').pop() ?? 'package'}-${ref.tag ?? 'package'}.tgz`;
      const file = join(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
      await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
      const verification = verify ? await verify(file) : null;
      const result = {
        reference: formatReference(ref),
        manifestDigest: fetched.digest,
        file,
        size: layer.size,
        layerDigest: layer.digest,
        verification,
      };
      if (values.json) printJson(io, result);
      else {
        io.stdout.write(`pulled ${result.reference} -> ${file} (${layer.size} bytes, ${layer.digest} checked)\n`);
        if (verification)
          io.stdout.write(
            `verification: ${verification.valid ? 'valid' : `INVALID (${verification.errors.length} error(s))`}\n`,
          );
      }
      return verification && !verification.valid ? EXIT.failed : EXIT.ok;
    },
  };
}
