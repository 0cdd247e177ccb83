import { readFileSync } from 'node:fs';
import type { GitHubEvent } from './inputs.js';

/** The triggering event from GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; null outside Actions. */
export function readEvent(env: Record<string, string | undefined>): GitHubEvent | null {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) return null;
  let payload: Record<string, unknown> | null = null;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      payload = null;
    }
  }
  return { name, payload };
}

type Repo = { full_name?: unknown } | null | undefined;

function fullName(repo: Repo): string | null {
  return repo && typeof repo.full_name === 'string' && repo.full_name ? repo.full_name : null;
}

/**
 * Where an event's code comes from, when the event is about a pull request or another run:
 * `payload.pull_request.head.repo` (pull_request, pull_request_target, pull_request_review,
 * pull_request_review_comment, ...) or `payload.workflow_run.head_repository` (workflow_run).
 * `undefined` when the event carries neither; `null` when it does but the head is unknown
 * (a deleted fork).
 */
function headRepository(event: GitHubEvent): { head: string | null; base: string | null } | undefined {
  const payload = event.payload ?? {};
  const repository = fullName(payload.repository as Repo);
  const pr = payload.pull_request as { head?: { repo?: Repo }; base?: { repo?: Repo } } | null | undefined;
  if (pr && typeof pr === 'object')
    return { head: fullName(pr.head?.repo), base: fullName(pr.base?.repo) ?? repository };
  const run = payload.workflow_run as { head_repository?: Repo } | null | undefined;
  if (run && typeof run === 'object') return { head: fullName(run.head_repository), base: repository };
  // A pull request or workflow_run event whose payload could not be read: its head is unknown.
  if (event.name.startsWith('pull_request') || event.name === 'workflow_run') return { head: null, base: repository };
  return undefined;
}

/**
 * "a <event> event from fork owner/repo" when the event's code comes from another repository than
 * the base (or from one that is unknown); null otherwise. Every event carrying a pull request or a
 * workflow run counts, not only pull_request and pull_request_target.
 */
export function forkPullRequest(event: GitHubEvent | null, repository: string | undefined): string | null {
  if (!event) return null;
  const found = headRepository(event);
  if (!found) return null;
  if (!found.head) return `a ${event.name} event whose head repository is unknown`;
  const base = found.base ?? repository;
  if (!base || found.head.toLowerCase() !== base.toLowerCase()) return `a ${event.name} event from fork ${found.head}`;
  return null;
}
