/**
 * What the run created, recorded in the step state the moment it exists, and the post step's
 * removal of it. Containers and volumes also carry the run's label, so a crash between creating
 * one and recording it still leaves it findable.
 */
import { errorMessage } from '../util/errors.js';
import type { Docker } from './docker-cli.js';

export const RUN_LABEL = 'ipm-db.run';
export const STATE_RUN_ID = 'ipm-db-run-id';
export const STATE_RESOURCES = 'ipm-db-resources';
export const STATE_KEEP = 'ipm-db-keep-container';

export interface CreatedResource {
  kind: 'container' | 'volume';
  name: string;
}

/** Keeps the list of created resources in the step state (core.saveState overwrites a key). */
export class ResourceLedger {
  private readonly items: CreatedResource[] = [];
  constructor(private readonly saveState: (name: string, value: string) => void) {}

  record(resource: CreatedResource): void {
    if (this.items.some((r) => r.kind === resource.kind && r.name === resource.name)) return;
    this.items.push(resource);
    this.saveState(STATE_RESOURCES, JSON.stringify(this.items));
  }

  list(): CreatedResource[] {
    return [...this.items];
  }
}

export function parseResources(state: string): CreatedResource[] {
  if (!state) return [];
  try {
    const parsed = JSON.parse(state) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is CreatedResource =>
        Boolean(r) &&
        (r.kind === 'container' || r.kind === 'volume') &&
        typeof r.name === 'string' &&
        /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(r.name),
    );
  } catch {
    return [];
  }
}

export interface CleanupResult {
  removed: CreatedResource[];
  problems: string[];
}

/**
 * Removes the run's containers, then its volumes (a volume in use cannot go). Each failure is
 * collected as a message, never thrown: the post step only warns.
 */
export async function cleanup(runId: string, recorded: CreatedResource[], docker: Docker): Promise<CleanupResult> {
  const problems: string[] = [];
  const removed: CreatedResource[] = [];
  const containers = new Set(recorded.filter((r) => r.kind === 'container').map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === 'volume').map((r) => r.name));
  if (runId && /^[A-Za-z0-9_.-]+$/.test(runId)) {
    // Each IRIS image of a run gets the label value "<runId>-<n>"; match the run id and all of those.
    const ours = (value: string | undefined) => value === runId || Boolean(value?.startsWith(`${runId}-`));
    const listed = async (what: string, args: string[], into: Set<string>) => {
      try {
        const { stdout } = await docker(args, 30_000);
        for (const line of stdout.split('\n')) {
          const [name, value] = line.trim().split('\t');
          if (name && ours(value)) into.add(name);
        }
      } catch (err) {
        problems.push(`Listing the run's ${what} failed: ${errorMessage(err)}`);
      }
    };
    const format = (field: string) => `{{${field}}}\t{{.Label "${RUN_LABEL}"}}`;
    await listed(
      'containers',
      ['ps', '--all', '--filter', `label=${RUN_LABEL}`, '--format', format('.Names')],
      containers,
    );
    await listed('volumes', ['volume', 'ls', '--filter', `label=${RUN_LABEL}`, '--format', format('.Name')], volumes);
  }
  for (const name of containers) {
    try {
      await docker(['rm', '--force', '--volumes', name], 60_000);
      removed.push({ kind: 'container', name });
    } catch (err) {
      if (!/No such container/i.test(errorMessage(err)))
        problems.push(`Removing container ${name} failed: ${errorMessage(err)}`);
    }
  }
  for (const name of volumes) {
    try {
      await docker(['volume', 'rm', '--force', name], 60_000);
      removed.push({ kind: 'volume', name });
    } catch (err) {
      if (!/no such volume/i.test(errorMessage(err)))
        problems.push(`Removing volume ${name} failed: ${errorMessage(err)}`);
    }
  }
  return { removed, problems };
}
