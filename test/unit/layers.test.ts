// The layer rule of eslint.config.js, run through ESLint's Node API with the project's own config
// on snippets placed (by file path) in the folders of src/.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layer order lint rule', () => {
  it('fails a lower layer importing a higher one, even for types only', async () => {
    const errors = await layerErrors(
      'src/ipm/violation.ts',
      "import type { RunReport } from '../pipeline/run-report.js';\nexport type R = RunReport;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/ipm may not import from .*src\/pipeline/);
  });

  it('fails imports from nested folders, between sibling top layers, and dynamic imports', async () => {
    expect(
      await layerErrors('src/pipeline/upgrade/violation.ts', "export { run } from '../../action/run.js';\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src/action/violation.ts', "export { main } from '../cli/main.js';\n")).toHaveLength(1);
    expect(
      await layerErrors(
        'src/oci/violation.ts',
        "export const load = async () => (await import('../pipeline/runner.js')).runPipeline;\n",
      ),
    ).toHaveLength(1);
  });

  it('lets a folder import itself and every layer below it', async () => {
    const code = [
      "import { IpmDbError } from '../util/errors.js';",
      "import { isDigest } from '../naming/grammar.js';",
      "import { verifyArchive } from '../archive/verify.js';",
      "import { validate } from '../iris/validate.js';",
      "import { readModuleIdentity } from '../ipm/manifest.js';",
      "import { pullPackage } from '../oci/pull.js';",
      "import { runPipeline } from './runner.js';",
      'export { IpmDbError, isDigest, verifyArchive, validate, readModuleIdentity, pullPackage, runPipeline };',
      '',
    ].join('\n');
    expect(await layerErrors('src/pipeline/allowed.ts', code)).toEqual([]);
  });

  it('places every folder of src/ in a layer', async () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const unruled = [];
    for (const folder of folders) {
      const config = (await eslint.calculateConfigForFile(join(root, 'src', folder, 'x.ts'))) as {
        rules?: Record<string, unknown>;
      };
      if (!config.rules?.['no-restricted-imports']) unruled.push(folder);
    }
    expect(folders.length).toBeGreaterThan(5);
    expect(unruled).toEqual([]);
  });
});

describe('test tree', () => {
  const folders = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);

  it('mirrors src/: every folder of test/unit is a folder of src/ (or the stand-in)', () => {
    const homes = new Set([...folders('src'), 'standin']);
    expect(folders('test/unit').filter((f) => !homes.has(f))).toEqual([]);
  });

  it('mirrors src/ below the top too: test/unit/<a>/<b>/ only where src/<a>/<b>/ exists', () => {
    const strays = folders('test/unit')
      .filter((f) => f !== 'standin')
      .flatMap((f) => folders(`test/unit/${f}`).map((sub) => `${f}/${sub}`))
      .filter((path) => !path.endsWith('/fixtures'))
      .filter((path) => !folders(`src/${path.split('/')[0]}`).includes(path.split('/')[1]!));
    expect(strays).toEqual([]);
  });
});
