import { describe, expect, it } from 'vitest';
import { MAX_PER_LEVEL, planAnnotations, repositoryPath } from '../../../src/action/annotations.js';
import { run, verification } from './fixtures.js';

const roots = { workspace: '/ws', moduleDir: '/ws/modules/demo' };

describe('planAnnotations', () => {
  it('puts compile errors on the repository-relative file and line', () => {
    const plan = planAnnotations(
      [
        run({
          verification: null,
          compileErrors: [
            { file: 'src/Demo/Broken.cls', document: 'Demo.Broken.cls', line: 12, message: 'Invalid command' },
          ],
        }),
      ],
      roots,
    );
    expect(plan.annotations).toEqual([
      {
        level: 'error',
        title: 'Compile error in Demo.Broken.cls (IRIS 2025.1)',
        message: 'Invalid command',
        file: 'modules/demo/src/Demo/Broken.cls',
        startLine: 12,
      },
    ]);
    expect(plan.overflow).toEqual([]);
  });

  it('keeps the document name in the message when the file is unknown', () => {
    const plan = planAnnotations(
      [run({ verification: null, compileErrors: [{ file: null, document: 'Demo.X.mac', line: 3, message: 'bad' }] })],
      roots,
    );
    expect(plan.annotations[0]).toEqual({
      level: 'error',
      title: 'Compile error in Demo.X.mac (IRIS 2025.1)',
      message: 'Demo.X.mac line 3: bad',
    });
  });

  it('maps verification warnings to warnings and errors to errors', () => {
    const v = verification({
      errors: [{ code: 'checksum-mismatch', severity: 'error', message: 'IRIS.DAT checksum differs' }],
    });
    const plan = planAnnotations([run({ verification: v })], roots);
    expect(plan.annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'Package verification: checksum-mismatch (IRIS 2025.1)'],
      ['warning', 'Package verification: iris-dat-size (IRIS 2025.1)'],
    ]);
    expect(plan.annotations[1]?.message).toBe('IRIS.DAT: not a multiple of 8192 bytes');
  });

  it('keeps one annotation for an error IRIS printed twice', () => {
    const twice = [
      { file: 'src/A.cls', document: 'A.cls', line: 9, message: "Invalid command : 'x'" },
      { file: 'src/A.cls', document: 'A.cls', line: 9, message: ": Invalid command : 'x'" },
    ];
    expect(planAnnotations([run({ verification: null, compileErrors: twice })], roots).annotations).toHaveLength(1);
  });

  it('merges the same finding across IRIS versions', () => {
    const plan = planAnnotations([run(), run({ irisVersion: '2024.1' })], roots);
    expect(plan.annotations).toHaveLength(1);
    expect(plan.annotations[0]?.title).toBe('Package verification: iris-dat-size (IRIS 2025.1, IRIS 2024.1)');
  });

  it('annotates the first ten of each level and returns the rest as overflow', () => {
    const errors = Array.from({ length: 13 }, (_, i) => ({
      file: `src/C${i}.cls`,
      document: `C${i}.cls`,
      line: i + 1,
      message: `e${i}`,
    }));
    const plan = planAnnotations([run({ compileErrors: errors })], roots);
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(MAX_PER_LEVEL);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(1);
    expect(plan.overflow).toEqual([
      'error: modules/demo/src/C10.cls:11: e10 — Compile error in C10.cls (IRIS 2025.1)',
      'error: modules/demo/src/C11.cls:12: e11 — Compile error in C11.cls (IRIS 2025.1)',
      'error: modules/demo/src/C12.cls:13: e12 — Compile error in C12.cls (IRIS 2025.1)',
    ]);
  });

  it('refuses paths outside the workspace', () => {
    expect(repositoryPath(roots, '../../../etc/passwd')).toBeNull();
    expect(repositoryPath(roots, 'src/A.cls')).toBe('modules/demo/src/A.cls');
  });
});
