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
