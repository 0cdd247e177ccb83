import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { changelogSection } from '../../scripts/release-notes.mjs';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

const CHANGELOG = `# Changelog

## [Unreleased]

- not yet

## [1.2.0] - 2026-12-01

### Added

- the thing

[Unreleased]: https://example.invalid/compare
## [1.1.10] - 2026-11-01

- older
## [1.1.1] - 2026-10-01
`;

describe('release notes from CHANGELOG.md', () => {
  it('takes exactly the section of one version, without link definitions', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe('### Added\n\n- the thing');
    expect(changelogSection(CHANGELOG, '1.1.10')).toBe('- older');
    // 1.1.1 must not match 1.1.10, and an empty section is no release notes.
    expect(changelogSection(CHANGELOG, '1.1.1')).toBeNull();
    expect(changelogSection(CHANGELOG, '1.1.2')).toBeNull();
  });

  it('the script refuses a tag that is not vX.Y.Z or has no notes, and prints them otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-notes-'));
    try {
      const file = join(dir, 'CHANGELOG.md');
      await writeFile(file, CHANGELOG);
      const script = join(ROOT, 'scripts/release-notes.mjs');
      expect((await run(process.execPath, [script, 'v1.2.0', file])).stdout).toBe('### Added\n\n- the thing\n');
      await expect(run(process.execPath, [script, 'v1.1.2', file])).rejects.toMatchObject({ code: 1 });
      await expect(run(process.execPath, [script, 'v1', file])).rejects.toMatchObject({ code: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the project changelog keeps an Unreleased section', async () => {
    const text = await readFile(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelogSection(text, 'Unreleased')).not.toBeNull();
  });
});
