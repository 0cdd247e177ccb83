// Fork detection on every event that carries a pull request or a workflow run (issue 12, item 8).
import { describe, expect, it } from 'vitest';
import { forkPullRequest } from '../../../src/action/event.js';
import { parseInputs, type GitHubEvent } from '../../../src/action/inputs.js';

const BASE = { full_name: 'acme/app' };

function withPullRequest(name: string, head: string | null): GitHubEvent {
  return {
    name,
    payload: {
      repository: BASE,
      pull_request: { head: { repo: head === null ? null : { full_name: head } }, base: { repo: BASE } },
    },
  };
}

function workflowRun(head: string | null): GitHubEvent {
  return {
    name: 'workflow_run',
    payload: { repository: BASE, workflow_run: { head_repository: head === null ? null : { full_name: head } } },
  };
}

describe('forkPullRequest on every pull-request-carrying event', () => {
  it.each(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])(
    '%s from a fork is a fork',
    (name) => {
      expect(forkPullRequest(withPullRequest(name, 'mallory/app'), 'acme/app')).toBe(
        `a ${name} event from fork mallory/app`,
      );
    },
  );

  it.each(['pull_request_review', 'pull_request_review_comment'])('%s from the same repository is not', (name) => {
    expect(forkPullRequest(withPullRequest(name, 'acme/app'), 'acme/app')).toBeNull();
  });

  it('workflow_run compares workflow_run.head_repository with the repository', () => {
    expect(forkPullRequest(workflowRun('mallory/app'), 'acme/app')).toBe('a workflow_run event from fork mallory/app');
    expect(forkPullRequest(workflowRun('ACME/app'), 'acme/app')).toBeNull();
  });

  it('an unknown head (deleted fork, unreadable payload) counts as a fork', () => {
    expect(forkPullRequest(withPullRequest('pull_request_review', null), 'acme/app')).toMatch(/unknown/);
    expect(forkPullRequest(workflowRun(null), 'acme/app')).toMatch(/unknown/);
    expect(forkPullRequest({ name: 'workflow_run', payload: null }, 'acme/app')).toMatch(/unknown/);
    expect(forkPullRequest({ name: 'pull_request_review_comment', payload: null }, 'acme/app')).toMatch(/unknown/);
  });

  it('events without a pull request or run are not forks', () => {
    for (const name of ['push', 'workflow_dispatch', 'release', 'schedule', 'issue_comment'])
      expect(forkPullRequest({ name, payload: { repository: BASE } }, 'acme/app')).toBeNull();
  });

  it('parseInputs refuses to publish on a review of a fork pull request', () => {
    const inputs: Record<string, string> = {
      'module-path': 'module',
      'iris-versions': '2024.1',
      'ipm-version': '0.10.10',
      'ipm-sha256': 'ab'.repeat(32),
      publish: 'true',
      token: 'not-a-real-token-1234',
    };
    const parsed = parseInputs({
      get: (n) => inputs[n] ?? '',
      env: {
        GITHUB_WORKSPACE: '/ws',
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_REPOSITORY_OWNER: 'acme',
        GITHUB_ACTOR: 'octo',
      },
      event: withPullRequest('pull_request_review', 'mallory/app'),
      setSecret: () => {},
    });
    expect(parsed.publish).toBe(false);
    expect(parsed.publishRefused).toMatch(/pull_request_review event from fork mallory\/app/);
  });
});
