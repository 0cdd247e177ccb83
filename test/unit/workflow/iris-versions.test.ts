import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/util/errors.js';
import {
  DEFAULT_LATEST,
  EXPIRED_COMMUNITY_TAGS,
  parseLatest,
  parseSkipList,
  parseVersionsRequest,
  releaseTags,
  resolveAuto,
  resolveVersions,
} from '../../../src/workflow/iris-versions.js';

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/iris-community-tags.json'), 'utf8')) as {
  tags: string[];
};

describe('release tags', () => {
  it('keeps only YYYY.N tags, newest first, whatever order the registry lists them in', () => {
    expect(releaseTags(recorded.tags)).toEqual([
      '2026.1',
      '2025.3',
      '2025.2',
      '2025.1',
      '2024.3',
      '2024.2',
      '2024.1',
      '2023.3',
      '2023.2',
      '2023.1',
      '2022.3',
      '2022.2',
      '2022.1',
    ]);
  });

  it('orders release numbers as numbers (2025.10 after 2025.9) and drops duplicates', () => {
    expect(releaseTags(['2025.9', '2025.10', '2025.9', '2024.12'])).toEqual(['2025.10', '2025.9', '2024.12']);
  });
});

describe('auto', () => {
  it('takes the newest versions whose community licence has not expired', () => {
    const skip = parseSkipList('default', 'iris-community');
    const r = resolveAuto(recorded.tags, skip, 2);
    expect(r.versions).toEqual(['2026.1', '2025.3']);
    expect(r.skipped).toEqual(['2025.2', '2025.1', '2024.3', '2023.3', '2023.2']);
    expect(r.older).toEqual(['2024.2', '2024.1', '2023.1', '2022.3', '2022.2', '2022.1']);
  });

  it('latest N counts versions left after skipping', () => {
    const r = resolveAuto(recorded.tags, [...EXPIRED_COMMUNITY_TAGS], 4);
    expect(r.versions).toEqual(['2026.1', '2025.3', '2024.2', '2024.1']);
  });

  it('skips nothing with "none", and everything named', () => {
    expect(resolveAuto(recorded.tags, parseSkipList('none', 'iris-community'), 3).versions).toEqual([
      '2026.1',
      '2025.3',
      '2025.2',
    ]);
    expect(resolveAuto(recorded.tags, parseSkipList('default, 2026.1', 'iris-community'), 1).versions).toEqual([
      '2025.3',
    ]);
  });

  it('fails with a clear error when nothing is left, or the registry has no release tags', () => {
    expect(() => resolveAuto(['2025.1', '2025.2'], ['2025.1', '2025.2'], 2)).toThrow(
      /Every release tag is in the skip list/,
    );
    expect(() => resolveAuto(['latest-em', '2025.1-linux-amd64'], [], 2)).toThrow(/lists no release tags/);
  });
});

describe('skip list', () => {
  it('"default" means the expired community tags, and only for community flavours', () => {
    expect(parseSkipList('default', 'iris-community')).toEqual([...EXPIRED_COMMUNITY_TAGS]);
    expect(parseSkipList('default', 'irishealth-community-arm64')).toEqual([...EXPIRED_COMMUNITY_TAGS]);
    expect(parseSkipList('default', 'iris')).toEqual([]);
    expect(parseSkipList('default,2022.1\n2022.2', 'iris')).toEqual(['2022.1', '2022.2']);
  });

  it('rejects an entry that is not a tag', () => {
    expect(() => parseSkipList('2025.1, $(rm -rf)', 'iris-community')).toThrow(UsageError);
  });
});

describe('a given list', () => {
  it('is checked and kept in the given order, without duplicates', () => {
    const request = parseVersionsRequest('["2025.3", "2024.1", "2025.3"]');
    expect(request).toEqual({ kind: 'list', versions: ['2025.3', '2024.1'] });
    expect(resolveVersions(request, null, [], 2).versions).toEqual(['2025.3', '2024.1']);
  });

  it('warns about a listed version the skip list names, and runs it anyway', () => {
    const r = resolveVersions(parseVersionsRequest('["2025.1"]'), null, parseSkipList('default', 'iris-community'), 2);
    expect(r.versions).toEqual(['2025.1']);
    expect(r.warnings).toEqual([expect.stringMatching(/2025\.1 is in the skip list/)]);
  });

  it('rejects what is neither auto nor a non-empty JSON list of tags', () => {
    for (const bad of ['2025.1', '[]', '{"v":"2025.1"}', '["2025.1", "bad tag"]', '[null]'])
      expect(() => parseVersionsRequest(bad), bad).toThrow(UsageError);
    expect(parseVersionsRequest(' auto ')).toEqual({ kind: 'auto' });
    expect(parseVersionsRequest('')).toEqual({ kind: 'auto' });
  });
});

describe('latest', () => {
  it('is a positive whole number, by default ' + DEFAULT_LATEST, () => {
    expect(parseLatest('')).toBe(DEFAULT_LATEST);
    expect(parseLatest('5')).toBe(5);
    for (const bad of ['0', '-1', '1.5', 'all']) expect(() => parseLatest(bad), bad).toThrow(UsageError);
  });
});
