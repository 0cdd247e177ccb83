import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('dist/', () => {
  it('matches a fresh bundle of src/ (run "npm run bundle" and commit dist/ if this fails)', async () => {
    const { stdout } = await run(process.execPath, ['scripts/bundle.mjs', '--check']);
    expect(stdout).toMatch(/dist\/ matches src\//);
  });
});
