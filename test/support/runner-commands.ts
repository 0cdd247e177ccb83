/**
 * The workflow commands a GitHub Actions runner would execute from a step's output, modelled on
 * the runner's documented behaviour: each line (split on \n and \r), leading whitespace trimmed,
 * is a command when it starts with "::name" (or the older "##[name"); after
 * `::stop-commands::<token>` nothing is a command until a line `::<token>::`.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#stopping-and-starting-workflow-commands
 */
export function executedCommands(output: string): string[] {
  const executed: string[] = [];
  let stopToken: string | null = null;
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (stopToken !== null) {
      if (line.trimEnd() === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line);
    const v1 = /^##\[([A-Za-z-]+)[\] ]/.exec(line);
    const name = v2?.[1] ?? v1?.[1];
    if (!name) continue;
    if (name === 'stop-commands') {
      stopToken = line.slice(line.indexOf('::', 2) + 2).trimEnd();
      continue;
    }
    executed.push(name);
  }
  return executed;
}
