/**
 * Generates src/action/input-names.ts from action.yml: every input's name and default, and the
 * deprecated names with the input that replaced them (read from `deprecationMessage: ... use X.`).
 * The action compares its INPUT_* variables with this list at run time (an unknown input is an
 * error), without reading action.yml from a path that may not exist. `npm run docs:inputs`
 * rewrites it; a unit test checks that it matches action.yml.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

export const INPUT_NAMES_FILE = 'src/action/input-names.ts';

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});

export function renderInputNames(actionText: string): string {
  const inputs = dict(dict(parse(actionText)).inputs);
  const defaults: [string, string | null][] = [];
  const deprecated: [string, string][] = [];
  for (const [name, raw] of Object.entries(inputs)) {
    const spec = dict(raw);
    defaults.push([name, spec.default === undefined ? null : String(spec.default)]);
    if (spec.deprecationMessage !== undefined) {
      const replacement = /\buse ([a-z0-9-]+)\.?$/.exec(String(spec.deprecationMessage))?.[1];
      if (!replacement || !(replacement in inputs))
        throw new Error(`action.yml: the deprecationMessage of ${name} must end with "use <input>."`);
      if (spec.default !== undefined)
        throw new Error(`action.yml: deprecated input ${name} must have no default (it would shadow ${replacement})`);
      deprecated.push([name, replacement]);
    }
  }
  const line = (k: string, v: string | null) => `  ${JSON.stringify(k)}: ${v === null ? 'null' : JSON.stringify(v)},`;
  return [
    '// Generated from action.yml by "npm run docs:inputs" (scripts/action-inputs.ts); do not edit.',
    '',
    '/** Every input of action.yml and its default (null: none). */',
    'export const ACTION_INPUT_DEFAULTS: Readonly<Record<string, string | null>> = {',
    ...defaults.map(([k, v]) => line(k, v)),
    '};',
    '',
    '/** Deprecated input names and the input that replaced each. */',
    'export const DEPRECATED_INPUTS: Readonly<Record<string, string>> = {',
    ...deprecated.map(([k, v]) => line(k, v)),
    '};',
    '',
  ].join('\n');
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Whether the generated file was stale (rewriting it unless `check`). */
export async function syncInputNames(check: boolean, base = root): Promise<boolean> {
  const file = join(base, INPUT_NAMES_FILE);
  const fresh = await format(renderInputNames(await readFile(join(base, 'action.yml'), 'utf8')), {
    ...(await resolveConfig(file)),
    filepath: file,
  });
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === fresh) return false;
  if (!check) await writeFile(file, fresh);
  return true;
}
