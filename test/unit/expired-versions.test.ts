// No example, default or stand-in version is a community release whose licence has expired: users
// copy examples, and a default on an expired release cannot start. The scan covers everything a user
// reads or runs (sources, docs, action and workflow files, examples, the stand-in, scripts); a line
// may name an expired release only to say that it expired (it mentions "expir", or lists them all).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPIRED_COMMUNITY_TAGS } from '../../src/workflow/iris-versions.js';
import { DEFAULT_IRIS_IMAGE } from '../../src/pipeline/defaults.js';
import { irisVersion } from '../standin/instance.js';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = [
  'src',
  'docs',
  'examples',
  'test/standin',
  'scripts',
  'workflow-templates',
  '.github/workflows',
  'README.md',
  'action.yml',
];
const TEXT = /\.(ts|md|yml|yaml|xml|cls|json|mjs|js)$/;

function files(path: string): string[] {
  const abs = join(ROOT, path);
  const info = statSync(abs, { throwIfNoEntry: false });
  if (!info) throw new Error(`${path} is gone: update SCANNED`);
  if (info.isFile()) return [path];
  return readdirSync(abs).flatMap((e) => (e === 'node_modules' ? [] : files(join(path, e))));
}

/** "2025.1" but not "2025.10", "12025.1" or "2025.1x"; "_database__2025.1" counts. */
function mentions(line: string, tag: string): boolean {
  return new RegExp(`(?<![0-9.])${tag.replace('.', '\\.')}(?![0-9])`).test(line);
}

function expiredMentions(text: string): { line: number; tag: string; text: string }[] {
  const found: { line: number; tag: string; text: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (/expir/i.test(line) || EXPIRED_COMMUNITY_TAGS.every((t) => mentions(line, t))) return;
    for (const tag of EXPIRED_COMMUNITY_TAGS)
      if (mentions(line, tag)) found.push({ line: i + 1, tag, text: line.trim() });
  });
  return found;
}

describe('expired community releases', () => {
  it('are found by the scan, and a line saying they expired is allowed', () => {
    expect(expiredMentions('image: iris-community:2025.1\nok: 2025.10 and 2026.1\n')).toEqual([
      { line: 1, tag: '2025.1', text: 'image: iris-community:2025.1' },
    ]);
    expect(expiredMentions('tag 1.2.3_database__2024.3')).toHaveLength(1);
    expect(expiredMentions('2025.2 has an expired licence')).toEqual([]);
    expect(expiredMentions(`skip ${EXPIRED_COMMUNITY_TAGS.join(', ')}`)).toEqual([]);
  });

  it('appear in no example, help text, doc, default or stand-in file', () => {
    const hits: string[] = [];
    for (const file of SCANNED.flatMap(files).filter((f) => TEXT.test(f)))
      for (const h of expiredMentions(readFileSync(join(ROOT, file), 'utf8')))
        hits.push(`${relative(ROOT, join(ROOT, file))}:${h.line}: ${h.tag} in "${h.text}"`);
    expect(hits).toEqual([]);
  });

  it('are not the default image nor the stand-in default version', () => {
    const tag = DEFAULT_IRIS_IMAGE.split(':').pop()!;
    expect(EXPIRED_COMMUNITY_TAGS).not.toContain(tag);
    const standin = irisVersion({});
    expect(EXPIRED_COMMUNITY_TAGS).not.toContain(`${standin.major}.${standin.minor}`);
    expect(`${standin.major}.${standin.minor}`).toBe(tag);
  });
});
