import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/archive/limits.js';
import { readModuleManifest } from '../../../src/archive/module-manifest.js';
import type { VerificationReport } from '../../../src/archive/report.js';
import { verifyArchive } from '../../../src/archive/verify.js';
import { readXml } from '../../../src/archive/xml-reader.js';
import * as hostile from '../../support/hostile-archives.js';
import { codes, expectError } from './helpers.js';

const MiB = 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-bounded-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function verifyWritten(
  name: string,
  write: (dest: string) => Promise<unknown>,
  limits: Parameters<typeof verifyArchive>[1] = {},
): Promise<VerificationReport> {
  const path = join(dir, `${name}.tgz`);
  await write(path);
  try {
    return await verifyArchive(path, limits);
  } finally {
    await rm(path, { force: true });
  }
}

function allFindings(r: VerificationReport) {
  return [...r.errors, ...r.warnings, ...r.infos];
}

describe('the verifier keeps no more of a hostile archive than it needs', () => {
  it('1 MiB pax paths are cut in the inventory and in findings', async () => {
    const report = await verifyWritten('pax-paths', (d) => hostile.writePaxLongPaths(d, 20));
    expectError(report, 'limit-path-length');
    expect(report.errors.filter((f) => f.code === 'limit-path-length')).toHaveLength(20);
    const long = report.entries.filter((e) => e.role === 'rejected');
    expect(long).toHaveLength(20);
    for (const e of long) expect(e.path.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPathLength);
    for (const f of allFindings(report)) {
      expect(f.message.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxFindingLength);
      expect((f.entry ?? '').length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPathLength);
    }
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });

  it('1 MiB pax link targets are cut in the inventory and in findings', async () => {
    const report = await verifyWritten('pax-links', (d) => hostile.writePaxLongLinks(d, 20));
    const links = report.errors.filter((f) => f.code === 'entry-symlink');
    expect(links).toHaveLength(20);
    expect(links[0]!.message).toMatch(/to "b{256}"\.\.\. \(\d+ characters\)/);
    for (const e of report.entries.filter((x) => x.kind === 'symlink')) {
      expect(e.linkTarget!.length).toBeLessThanOrEqual(256);
    }
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });

  it('lists at most maxFindings per severity and counts the rest in one note, errors first to stay listed', async () => {
    const report = await verifyWritten('many-findings', (d) => hostile.writeManyFindings(d, 300), {
      limits: { maxFindings: 50 },
    });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(50);
    expect(report.warnings).toHaveLength(50);
    const note = report.infos.filter((f) => f.code === 'limit-findings');
    expect(note).toHaveLength(1);
    // 300 symlinks and checksum-missing (errors); 300 case twins and 600 full 99-byte names (warnings).
    expect(note[0]!.message).toContain('251 more errors, 850 more warnings');
  });

  it('keeps no text of deps/*.xml and no resources from them; keeps module.xml text for the annotation', () => {
    const dep = hostile.bigDependencyXml('dep0', 2 * MiB, 'attribute');
    const read = readModuleManifest(dep, { maxDepth: 256, role: 'dependency' });
    expect(read.xml).toEqual({ ok: true, text: null });
    expect(read.manifest.name).toBe('dep0');
    expect(read.manifest.version).toBe('1.0.0');
    expect(read.manifest.resources).toEqual([]);
    const asModule = readModuleManifest(dep, { maxDepth: 256, role: 'module' });
    expect(asModule.xml.ok && asModule.xml.text?.length).toBe(dep.length);
    expect(asModule.manifest.resources).toHaveLength(1);
  });

  it('collects text only for the elements a visitor asks for', () => {
    const xml = Buffer.from(
      `<Export><Document><Module><Name>n</Name><Description>${'d'.repeat(1000)}</Description></Module></Document></Export>`,
    );
    const texts: [string, string][] = [];
    const result = readXml(
      xml,
      { trackDepth: 6, wantsText: (p) => p.endsWith('/Name'), close: (p, t) => void texts.push([p, t]) },
      { maxDepth: 256 },
    );
    expect(result.ok).toBe(true);
    expect(texts).toContainEqual(['Export/Document/Module/Name', 'n']);
    expect(texts).toContainEqual(['Export/Document/Module/Description', '']);
  });
});

describe('deep XML', () => {
  const nested = (depth: number) =>
    Buffer.from(`<Export><Document><Module>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Module></Document></Export>`);

  it('reports only the tracked top levels to the visitor, however deep the document', () => {
    let opened = 0;
    let closed = 0;
    let longest = 0;
    const result = readXml(
      nested(60_000),
      {
        trackDepth: 6,
        open: (p) => {
          opened++;
          longest = Math.max(longest, p.length);
        },
        close: () => void closed++,
      },
      { maxDepth: 100_000 },
    );
    expect(result.ok).toBe(true);
    // Export, Document, Module and three levels of <a>: no path is built for the 59,997 others.
    expect(opened).toBe(6);
    expect(closed).toBe(6);
    expect(longest).toBe('Export/Document/Module/a/a/a'.length);
  });

  it('refuses nesting deeper than maxXmlDepth, in module.xml and in deps/*.xml', async () => {
    const report = await verifyWritten('deep', (d) => hostile.writeDeepModuleXml(d, 60_000));
    expectError(report, 'limit-xml-depth', 'module.xml');
    expect(report.errors.find((f) => f.code === 'limit-xml-depth')!.message).toContain('limits.maxXmlDepth (256)');
    const dep = readModuleManifest(nested(300), { maxDepth: 256, role: 'dependency' });
    expect(dep.xml).toMatchObject({ ok: false, code: 'limit-xml-depth' });
    expect(readModuleManifest(nested(200), { maxDepth: 256, role: 'dependency' }).xml.ok).toBe(true);
  });
});

describe('compression-ratio limit', () => {
  it('stops a decompression bomb past the grace size, with a clear finding', async () => {
    const report = await verifyWritten('bomb', (d) => hostile.writeZeroBomb(d, 256 * MiB), {
      limits: { compressionRatioGraceSize: 16 * MiB, maxCompressionRatio: 100 },
    });
    expectError(report, 'limit-compression-ratio');
    expect(report.archive.fullyRead).toBe(false);
    expect(report.errors.find((f) => f.code === 'limit-compression-ratio')!.message).toMatch(
      /over limits\.maxCompressionRatio \(100:1 past the first 16777216 bytes\).*raise the limit/,
    );
  });

  it('lets the same archive through when the ratio is allowed', async () => {
    const report = await verifyWritten('bomb-allowed', (d) => hostile.writeZeroBomb(d, 64 * MiB), {
      limits: { compressionRatioGraceSize: 16 * MiB, maxCompressionRatio: 2000 },
    });
    expect(codes(report)).not.toContain('limit-compression-ratio');
    expect(report.archive.fullyRead).toBe(true);
    expect(report.irisDat?.size).toBe(64 * MiB);
  });
});

describe('every hostile class is judged with a 256 MB heap', () => {
  // Each archive below needs well over 256 MB of heap to verify without the bounds (the bomb, a
  // question of time rather than memory, is covered above).
  it('a child with --max-old-space-size=256 verifies each class and finds what is wrong', async () => {
    const classes: [string, (d: string) => Promise<unknown>, string][] = [
      ['pax-paths', (d) => hostile.writePaxLongPaths(d, 400), 'limit-path-length'],
      ['pax-links', (d) => hostile.writePaxLongLinks(d, 400), 'entry-symlink'],
      ['many-findings', (d) => hostile.writeManyFindings(d, 24_000), 'limit-findings'],
      ['deps-xml', (d) => hostile.writeManyBigDeps(d, 12), 'checksum-missing'],
      ['deps-attributes', (d) => hostile.writeManyBigDeps(d, 12, 15 * MiB, 'attribute'), 'checksum-missing'],
      ['deep-xml', (d) => hostile.writeDeepModuleXml(d, 60_000), 'limit-xml-depth'],
    ];
    const paths: string[] = [];
    for (const [name, write] of classes) {
      const path = join(dir, `${name}.tgz`);
      await write(path);
      paths.push(path);
    }
    const child = `
      import { verifyArchive } from ${JSON.stringify(join(root, 'src/archive/verify.ts'))};
      const out = [];
      for (const path of process.argv.slice(1)) {
        const report = await verifyArchive(path);
        const json = JSON.stringify(report);
        out.push({ codes: [...report.errors, ...report.warnings, ...report.infos].map((f) => f.code), bytes: json.length });
      }
      console.log(JSON.stringify({ out, maxRssKiB: process.resourceUsage().maxRSS }));
    `;
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', '--input-type=module', '-e', child, ...paths],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * MiB },
    );
    expect(r.stderr).not.toMatch(/out of memory/i);
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const { out, maxRssKiB } = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      out: { codes: string[]; bytes: number }[];
      maxRssKiB: number;
    };
    console.log(`peak RSS of the 256 MB-heap child across all classes: ${(maxRssKiB / 1024).toFixed(0)} MB`);
    for (const [i, [name, , code]] of classes.entries()) {
      expect(out[i]!.codes, name).toContain(code);
      expect(out[i]!.bytes, name).toBeLessThan(16 * MiB);
    }
    expect(await readFile(paths[0]!).then((b) => b.length)).toBeLessThan(2 * MiB);
  }, 600_000);
});
