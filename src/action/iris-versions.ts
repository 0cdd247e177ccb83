/**
 * iris-versions "auto" in the action, as in the reusable workflow's versions job: the image's tag
 * list is read from its registry and the newest `latest` release tags (YYYY.N) not in skip-versions
 * become the IRIS images. The tag list comes through a port, so the rule is tested on recorded lists.
 */
import { resolveAuto } from '../workflow/iris-versions.js';
import { irisImageRepository } from '../workflow/iris-tags.js';
import type { ActionInputs } from './inputs.js';

export type TagLister = (where: { registry: string; repository: string }) => Promise<string[]>;

/** The inputs with "auto" replaced by the images it resolves to, and a line saying what was chosen. */
export async function resolveAutoVersions(
  inputs: ActionInputs,
  listTags: TagLister,
): Promise<{ inputs: ActionInputs; note: string | null }> {
  const auto = inputs.autoVersions;
  if (!auto) return { inputs, note: null };
  const where = irisImageRepository(auto.imageRegistry, auto.flavor);
  const resolved = resolveAuto(await listTags(where), auto.skip, auto.latest);
  const images = resolved.versions.map((version) => `${auto.imageRegistry}/${auto.flavor}:${version}`);
  const left = [
    resolved.skipped.length ? `skipped (skip-versions): ${resolved.skipped.join(', ')}` : '',
    resolved.older.length ? `older than the newest ${auto.latest}: ${resolved.older.join(', ')}` : '',
  ].filter(Boolean);
  const note = `iris-versions auto: ${resolved.versions.join(', ')} from ${where.registry}/${where.repository}${left.length ? ` (${left.join('; ')})` : ''}.`;
  return { inputs: { ...inputs, images, autoVersions: null }, note };
}
