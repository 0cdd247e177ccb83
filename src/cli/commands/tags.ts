import { parseReference } from '../../naming/reference.js';
import { UsageError } from '../../util/errors.js';
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandArgs, printJson, REGISTRY_ENV_HELP, registryClient, registryFlags } from '../registry-options.js';

const usage = `Usage: ipm-db tags <registry>/<namespace>/<module> [--plain-http] [--json]

Lists every tag of a repository (all pages), sorted.

${REGISTRY_ENV_HELP}
`;

export const tagsCommand: CliCommand = {
  name: 'tags',
  summary: 'list the tags of a package repository',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, registryFlags);
    if (positionals.length !== 1) throw new UsageError('give exactly one <registry>/<repository>');
    const ref = parseReference(positionals[0] as string);
    if (ref.tag !== undefined || ref.digest !== undefined)
      throw new UsageError('give a repository without a tag or digest');
    const tags = (await registryClient(ref.registry, io, values).listTags(ref.repository)).sort();
    if (values.json) printJson(io, { registry: ref.registry, repository: ref.repository, tags });
    else io.stdout.write(tags.map((t) => `${t}\n`).join(''));
    return EXIT.ok;
  },
};
