import { consecutivePairs } from '../../pipeline/upgrade/iris-upgrade-pair.js';
import { irisUpgradeRequested } from '../../pipeline/upgrade/settings.js';
import { withCurrentFlagNames } from '../flag-vocabulary.js';
import { UsageError } from '../../util/errors.js';
import { appendGithubOutput } from '../github-output.js';
import { parseCommandArgs } from '../registry-options.js';
import { EXIT, type CliCommand } from '../command.js';

const usage = `Usage: ipm-db upgrade-pairs --iris-versions <JSON list> [--upgrade-scenarios <list>] [--github-output]

Prints pairs=<JSON list of {from, to}>: each pair of consecutive IRIS versions, sorted by version,
that the iris-upgrade scenario runs on (docs/upgrade-testing.md), as the action pairs its own
versions. None when --upgrade-scenarios leaves iris-upgrade out.

  --github-output   also append the line to the file named by $GITHUB_OUTPUT
`;

function parseVersions(raw: string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    throw new UsageError(
      `--iris-versions ${raw ?? ''} is not JSON`,
      'Give the IRIS versions, e.g. ["2025.3","2026.1"].',
    );
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string'))
    throw new UsageError(`--iris-versions ${raw ?? ''} is not a JSON list of strings`);
  return [...new Set(parsed as string[])];
}

export const upgradePairsCommand: CliCommand = {
  name: 'upgrade-pairs',
  summary: 'the pairs of consecutive IRIS versions the iris-upgrade scenario runs on',
  usage,
  async run(argv, io) {
    const renames = { versions: 'iris-versions', scenarios: 'upgrade-scenarios' } as const;
    const { values, positionals } = parseCommandArgs(withCurrentFlagNames(argv, renames, io), {
      'iris-versions': { type: 'string' },
      'upgrade-scenarios': { type: 'string' },
      'github-output': { type: 'boolean' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const versions = parseVersions(values['iris-versions']);
    const pairs = irisUpgradeRequested(values['upgrade-scenarios'] ?? '') ? consecutivePairs(versions, (v) => v) : [];
    const line = `pairs=${JSON.stringify(pairs)}\n`;
    io.stdout.write(line);
    if (values['github-output']) await appendGithubOutput(io, line);
    return EXIT.ok;
  },
};
