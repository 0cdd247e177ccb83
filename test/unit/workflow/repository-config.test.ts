import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');

interface Update {
  'package-ecosystem': string;
  cooldown?: { 'default-days'?: number };
  groups?: Record<string, unknown>;
}

describe('Dependabot', () => {
  it('updates npm and GitHub Actions, grouped, each release only after a cooldown', () => {
    const config = parse(readFileSync(join(root, '.github/dependabot.yml'), 'utf8')) as {
      version: number;
      updates: Update[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates) {
      expect(u.cooldown?.['default-days'], u['package-ecosystem']).toBeGreaterThanOrEqual(3);
      expect(Object.keys(u.groups ?? {}).length, u['package-ecosystem']).toBeGreaterThan(0);
    }
  });
});
