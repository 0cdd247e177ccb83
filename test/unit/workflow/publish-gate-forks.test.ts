// The reusable workflow's publish gate, evaluated on the events a fork can cause (issue 12, item 8):
// any event whose pull request or workflow run comes from another repository never publishes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Contexts } from '../../support/expressions.js';
import { parseWorkflowText } from '../../support/workflow-rules.js';

const text = readFileSync(join(import.meta.dirname, '../../../.github/workflows/ipm-database.yml'), 'utf8');
const publishJob = parseWorkflowText(text).jobs.find((j) => j.id === 'publish')!;

interface EventShape {
  name: string;
  /** payload.pull_request.head.repo.full_name; null: a deleted fork; undefined: no pull request. */
  prHead?: string | null;
  /** payload.workflow_run.head_repository.full_name; undefined: no workflow run. */
  runHead?: string | null;
}

function contexts(e: EventShape): Contexts {
  return {
    inputs: { publish: true },
    needs: { package: { result: 'success' }, 'iris-upgrade': { result: 'skipped' } },
    github: {
      event_name: e.name,
      repository: 'acme/app',
      event: {
        ...(e.prHead === undefined
          ? {}
          : { pull_request: { head: { repo: e.prHead === null ? null : { full_name: e.prHead } } } }),
        ...(e.runHead === undefined
          ? {}
          : { workflow_run: { head_repository: e.runHead === null ? null : { full_name: e.runHead } } }),
      },
    },
  };
}

const publishes = (e: EventShape) => evaluate(String(publishJob.if), contexts(e)) === true;

describe('the publish gate of the reusable workflow', () => {
  it.each<EventShape>([
    { name: 'pull_request_review', prHead: 'mallory/app' },
    { name: 'pull_request_review_comment', prHead: 'mallory/app' },
    { name: 'pull_request_review', prHead: null },
    { name: 'workflow_run', runHead: 'mallory/app' },
    { name: 'workflow_run', runHead: null },
    { name: 'pull_request', prHead: 'acme/app' },
    { name: 'pull_request_target', prHead: 'mallory/app' },
  ])('does not publish on %j', (e) => {
    expect(publishes(e)).toBe(false);
  });

  it.each<EventShape>([
    { name: 'push' },
    { name: 'release' },
    { name: 'workflow_dispatch' },
    { name: 'workflow_run', runHead: 'ACME/app' },
    { name: 'pull_request_review', prHead: 'acme/app' },
  ])('publishes on %j (the repository itself)', (e) => {
    expect(publishes(e)).toBe(true);
  });
});
