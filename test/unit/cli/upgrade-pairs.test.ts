import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

async function upgradePairs(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main(['upgrade-pairs', ...args], { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, out, err };
}

describe('ipm-db upgrade-pairs', () => {
  it('prints the pairs of consecutive versions, oldest first', async () => {
    const r = await upgradePairs(['--iris-versions', '["2026.1","2025.3","2026.1"]']);
    expect(r).toMatchObject({ code: 0, out: 'pairs=[{"from":"2025.3","to":"2026.1"}]\n' });
  });

  it('refuses versions that are not a JSON list of strings, saying what to give', async () => {
    for (const bad of ['2025.3,2026.1', '[2025.3]', '{"a":1}']) {
      const r = await upgradePairs(['--iris-versions', bad]);
      expect(r.code, bad).not.toBe(0);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/--iris-versions .* is not (JSON|a JSON list of strings)/);
    }
  });

  it('still takes the former --versions and --scenarios, with a warning each', async () => {
    const r = await upgradePairs(['--versions', '["2025.3","2026.1"]', '--scenarios', 'database']);
    expect(r.out).toBe('pairs=[]\n');
    expect(r.err).toContain('--versions is deprecated; use --iris-versions.');
    expect(r.err).toContain('--scenarios is deprecated; use --upgrade-scenarios.');
  });
});
