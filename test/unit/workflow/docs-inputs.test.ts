import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { END_MARKER, renderInputsBlock, replaceBlock, START_MARKER, syncDocs } from '../../../scripts/workflow-docs.js';
import { STARTER_WORKFLOW_REFERENCE } from '../../../src/workflow/reference.js';

const root = join(import.meta.dirname, '../../..');
const read = (p: string) => readFile(join(root, p), 'utf8');

describe('the generated inputs table', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('in docs/workflows.md (and README.md when it has the markers) matches a fresh generation', async () => {
    const { stale, checked } = await syncDocs(true, root);
    expect(checked).toContain('docs/workflows.md');
    expect(stale, 'run "npm run docs:inputs" and commit the result').toEqual([]);
  });

  it('lists every workflow input, secret and output, with the action input each one feeds', async () => {
    const block = renderInputsBlock(await read('.github/workflows/ipm-database.yml'), await read('action.yml'));
    expect(block).toContain(`    uses: ${STARTER_WORKFLOW_REFERENCE}`);
    expect(block).toMatch(/^\| `registry-username` \| string \| {2}\| `username` \|/m);
    expect(block).toMatch(/^\| `iris-versions` \| string \| `auto` \| `licence-expired` \|/m);
    expect(block).toMatch(/^\| `registry-token` \|/m);
    expect(block).toMatch(/^\| `published-references` \|/m);
  });

  it('fails the check when the workflow changes and the table does not, and the script fixes it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-docs-'));
    for (const f of ['.github', 'action.yml', 'docs']) await cp(join(root, f), join(dir, f), { recursive: true });
    const wfPath = join(dir, '.github/workflows/ipm-database.yml');
    const wf = await readFile(wfPath, 'utf8');
    await writeFile(wfPath, wf.replace('        default: 2\n', '        default: 3\n'));
    expect((await syncDocs(true, dir)).stale).toEqual(['docs/workflows.md']);
    expect((await syncDocs(false, dir)).stale).toEqual(['docs/workflows.md']);
    expect((await syncDocs(true, dir)).stale).toEqual([]);
    expect(await readFile(join(dir, 'docs/workflows.md'), 'utf8')).toMatch(/^\| `latest` \| number \| `3` \|/m);
  });

  it('refuses a workflow that feeds an input the action does not have', async () => {
    const actionText = await read('action.yml');
    const wf = (await read('.github/workflows/ipm-database.yml')).replace(
      "          dev: ${{ inputs.dev && 'true' || '' }}",
      "          developer: ${{ inputs.dev && 'true' || '' }}",
    );
    expect(() => renderInputsBlock(wf, actionText)).toThrow(
      'workflow input dev feeds developer, which action.yml does not have',
    );
  });

  it('replaces only the marked block', () => {
    expect(replaceBlock(`a\n${START_MARKER}\nold\n${END_MARKER}\nb`, `${START_MARKER}\nnew\n${END_MARKER}`)).toBe(
      `a\n${START_MARKER}\nnew\n${END_MARKER}\nb`,
    );
    expect(replaceBlock('no markers', 'x')).toBeNull();
  });
});
