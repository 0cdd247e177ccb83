import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../../src/archive/findings.js';
import { DEFAULT_LIMITS } from '../../../src/archive/limits.js';

describe('docs/verify-report.md', () => {
  it('documents every finding code with its severity, and every limit with its default', async () => {
    const doc = await readFile('docs/verify-report.md', 'utf8');
    for (const [code, [severity]] of Object.entries(FINDING_CATALOG)) {
      expect(doc, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
    }
    for (const [limit, value] of Object.entries(DEFAULT_LIMITS)) {
      expect(doc, limit).toMatch(new RegExp(`\\| \`${limit}\` \\| ${value} `));
    }
  });
});
