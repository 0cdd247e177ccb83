/**
 * What the run created, recorded in the step state the moment it exists, and the post step's
 * removal of it. Containers and volumes also carry the run's label, so a crash between creating
 * one and recording it still leaves it findable.
 */
import type { Docker } from '../iris/docker.js';
import { removeRunResources, type CreatedResource, type RemovedResources } from '../iris/container.js';

export const STATE_RUN_ID = 'ipm-db-run-id';
export const STATE_RESOURCES = 'ipm-db-resources';
export const STATE_KEEP = 'ipm-db-keep-container';

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

/**
 * The post step's removal: the recorded resources and everything labelled with the run id or
 * `<runId>-<n>`. Only ever reports problems; the post step warns.
 */
export function cleanup(runId: string, recorded: CreatedResource[], docker: Docker): Promise<RemovedResources> {
  return removeRunResources(docker, runId, { recorded, family: true });
}
