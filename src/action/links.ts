/**
 * Web pages the job summary links to, from the runner's environment and what was published:
 * the run's artifacts and, on ghcr.io, the package's page. Pure functions; every part that comes
 * from outside (names, owners) is percent-encoded.
 */
import { parseReference } from '../naming/reference.js';

export interface SummaryLinks {
  /** ${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}; null outside Actions. */
  runUrl: string | null;
  /** The repository URL the published packages name as their source (the source-url input). */
  sourceUrl: string | null;
}

const segment = (s: string) => encodeURIComponent(s);

export function workflowRunUrl(env: Record<string, string | undefined>): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!server || !repository || !runId || !/^https?:\/\//.test(server) || !/^\d+$/.test(runId)) return null;
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length) return null;
  return `${server.replace(/\/+$/, '')}/${segment(owner)}/${segment(repo)}/actions/runs/${runId}`;
}

/** The artifact's page (its download) within the run. */
export function artifactUrl(runUrl: string | null, id: number | null): string | null {
  return runUrl && id !== null && Number.isSafeInteger(id) && id > 0 ? `${runUrl}/artifacts/${id}` : null;
}

/**
 * The page of a package published to ghcr.io, as the repository it is linked to shows it:
 * <source repository>/pkgs/container/<package>, the package being the repository path after the
 * owner ("ghcr.io/acme/team/demo" is package "team/demo" of owner "acme"). This form is the same
 * for packages of users and of organisations; it needs the package linked to that repository,
 * which GHCR does from org.opencontainers.image.source when the owners match. null for another
 * registry, a source that is not a repository on the same server, or another owner.
 */
export function ghcrPackagePage(reference: string, sourceUrl: string | null): string | null {
  if (!sourceUrl) return null;
  let registry: string;
  let repository: string;
  try {
    ({ registry, repository } = parseReference(reference));
  } catch {
    return null;
  }
  if (registry.toLowerCase() !== 'ghcr.io') return null;
  const source = /^(https:\/\/github\.com)\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(sourceUrl);
  if (!source) return null;
  const [owner, ...packagePath] = repository.split('/');
  if (!owner || packagePath.length === 0 || owner !== source[2]!.toLowerCase()) return null;
  return `${source[1]}/${segment(source[2]!)}/${segment(source[3]!)}/pkgs/container/${segment(packagePath.join('/'))}`;
}
