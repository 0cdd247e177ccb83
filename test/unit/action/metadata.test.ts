// action.yml, the input reader and the outputs stay in step: an input the code reads but
// action.yml does not declare (or the reverse) fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../../src/action/inputs.js';
import { outputsOf } from '../../../src/action/outputs.js';
import { readActionMetadata } from '../../support/action-metadata.js';
import { run } from './fixtures.js';

const meta = readActionMetadata(process.cwd());

describe('action.yml', () => {
  it('has a name and a one-line description the Marketplace accepts (under 125 characters)', () => {
    const doc = parse(readFileSync(join(process.cwd(), 'action.yml'), 'utf8')) as { name: string; description: string };
    expect(doc.name.length).toBeGreaterThan(0);
    expect(doc.description.length).toBeGreaterThan(40);
    expect(doc.description.length).toBeLessThan(125);
    expect(doc.description).not.toContain('\n');
  });

  it('declares exactly the inputs the action reads, each described', () => {
    const read = new Set<string>();
    parseInputs({
      get: (n) => {
        read.add(n);
        return n === 'iris-versions' ? '2025.1' : '';
      },
      env: {},
      event: null,
      setSecret: () => {},
    });
    expect([...read].sort()).toEqual(meta.inputs.map((i) => i.name).sort());
    for (const i of meta.inputs) expect(i.description.length, i.name).toBeGreaterThan(15);
  });

  it('declares exactly the outputs the action sets, each described', () => {
    expect(Object.keys(outputsOf([run()], '/r.json')).sort()).toEqual(meta.outputs.map((o) => o.name).sort());
    for (const o of meta.outputs) expect(o.description.length, o.name).toBeGreaterThan(15);
  });

  it('runs on node24 with an always-run post step', () => {
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', 'post-if': 'always()' });
  });

  it('defaults publish to false and the token to the job token', () => {
    const d = Object.fromEntries(meta.inputs.map((i) => [i.name, i.default]));
    expect(d.publish).toBe('false');
    expect(d.token).toBe('${{ github.token }}');
    expect(d.registry).toBe('ghcr.io');
    expect(d.namespace).toBe('${{ github.repository_owner }}');
    expect(d['upload-artifacts']).toBe('always');
  });
});

describe('docs/action.md', () => {
  it('has a tested snippet whose inputs all exist in action.yml', async () => {
    const { readFileSync } = await import('node:fs');
    const { snippetInputs } = await import('../../support/action-metadata.js');
    const snippet = snippetInputs(readFileSync('docs/action.md', 'utf8'), '<!-- tested-snippet -->');
    const { WORKFLOW_REPOSITORY, RELEASE_REF } = await import('../../../src/workflow/reference.js');
    expect(snippet.uses).toBe(`${WORKFLOW_REPOSITORY}@${RELEASE_REF}`);
    expect(snippet.with['iris-versions']).toBeTruthy();
    for (const name of Object.keys(snippet.with)) expect(meta.inputs.map((i) => i.name)).toContain(name);
  });

  it('shows the same tested snippet as the README, which the end-to-end test runs', async () => {
    const { readFileSync } = await import('node:fs');
    const block = (file: string) => {
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf('<!-- tested-snippet -->');
      expect(at, `${file} has the tested-snippet marker`).toBeGreaterThanOrEqual(0);
      return /```ya?ml\n[\s\S]*?```/.exec(text.slice(at))?.[0];
    };
    expect(block('docs/action.md')).toBeTruthy();
    expect(block('README.md')).toBe(block('docs/action.md'));
  });

  it('documents every input and output of action.yml', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/action.md', 'utf8');
    for (const i of meta.inputs) expect(doc, i.name).toContain(`\`${i.name}\``);
    for (const o of meta.outputs) expect(doc, o.name).toContain(`\`${o.name}\``);
  });
});
