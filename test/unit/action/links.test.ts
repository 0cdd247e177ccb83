import { describe, expect, it } from 'vitest';
import { artifactUrl, ghcrPackagePage, workflowRunUrl } from '../../../src/action/links.js';

describe('workflowRunUrl / artifactUrl', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/demo', GITHUB_RUN_ID: '4242' };
  it('builds the run URL from the runner environment, and the artifact URL from its id', () => {
    const run = workflowRunUrl(env);
    expect(run).toBe('https://github.com/acme/demo/actions/runs/4242');
    expect(artifactUrl(run, 17)).toBe('https://github.com/acme/demo/actions/runs/4242/artifacts/17');
    expect(workflowRunUrl({ ...env, GITHUB_SERVER_URL: 'https://ghes.example/' })).toBe(
      'https://ghes.example/acme/demo/actions/runs/4242',
    );
  });
  it('gives no link outside Actions, for a strange environment, or without an artifact id', () => {
    expect(workflowRunUrl({})).toBeNull();
    expect(workflowRunUrl({ ...env, GITHUB_RUN_ID: '42; rm' })).toBeNull();
    expect(workflowRunUrl({ ...env, GITHUB_REPOSITORY: 'acme' })).toBeNull();
    expect(workflowRunUrl({ ...env, GITHUB_SERVER_URL: 'javascript:x' })).toBeNull();
    expect(artifactUrl(null, 17)).toBeNull();
    expect(artifactUrl('https://github.com/acme/demo/actions/runs/1', null)).toBeNull();
  });
});

describe('ghcrPackagePage', () => {
  const source = 'https://github.com/Acme/demo';
  it("is the linked repository's package page, the package being the path after the owner", () => {
    expect(ghcrPackagePage('ghcr.io/acme/demo-app:1.0.0_database__2026.1', source)).toBe(
      'https://github.com/Acme/demo/pkgs/container/demo-app',
    );
    expect(ghcrPackagePage('ghcr.io/acme/team/demo-app:1.0.0', `${source}.git`)).toBe(
      'https://github.com/Acme/demo/pkgs/container/team%2Fdemo-app',
    );
  });
  it('is null for another registry, another owner, a source that is not a GitHub repository, or none', () => {
    expect(ghcrPackagePage('registry.example/acme/demo:1.0.0', source)).toBeNull();
    expect(ghcrPackagePage('ghcr.io/other/demo:1.0.0', source)).toBeNull();
    expect(ghcrPackagePage('ghcr.io/acme/demo:1.0.0', 'https://gitlab.com/acme/demo')).toBeNull();
    expect(ghcrPackagePage('ghcr.io/acme/demo:1.0.0', 'https://github.com/acme/demo/tree/main')).toBeNull();
    expect(ghcrPackagePage('ghcr.io/acme/demo:1.0.0', null)).toBeNull();
    expect(ghcrPackagePage('not a reference', source)).toBeNull();
  });
});
