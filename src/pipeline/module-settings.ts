/**
 * `ipm-db.yml`, the optional file beside module.xml that describes a module across its releases:
 * what its namespaces need, how it is packaged and tested, how its upgrades are judged. Its keys are
 * the action's input names (one vocabulary); an input or flag that is given wins over the file.
 *
 * Reading turns each value into the text the matching input would hold (lists one item a line,
 * booleans "true"/"false"), so the action's and the CLI's one parser of each setting checks it; every
 * value keeps its line, so a problem names `ipm-db.yml:<line>` and the key.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { UsageError } from '../util/errors.js';
import { UPGRADE_FIELDS } from './upgrade/settings.js';

export const MODULE_SETTINGS_FILE = 'ipm-db.yml';

type Kind = 'boolean' | 'list' | 'changes';

/** Every key the file may hold, with the form of its value. */
export const MODULE_SETTINGS: Readonly<Record<string, { kind: Kind; description: string }>> = {
  interoperability: {
    kind: 'boolean',
    description: 'Create the packaging and install namespaces Interoperability-enabled.',
  },
  dev: { kind: 'boolean', description: 'Load and package with -dev (test resources included in the package).' },
  'run-tests': { kind: 'boolean', description: "Run the module's unit tests after the fresh install." },
  'export-python-deps': {
    kind: 'boolean',
    description: "Package the module's Python dependencies as wheels (false passes -no-export-python-deps).",
  },
  'upgrade-scenarios': {
    kind: 'list',
    description: 'Upgrade scenarios to run: fresh, database, source, container-replacement, or all.',
  },
  'seed-methods': {
    kind: 'list',
    description: 'Class methods (Package.Class:Method) that write data after the previous release is installed.',
  },
  'check-methods': {
    kind: 'list',
    description: 'Class methods (Package.Class:Method) that must return 1 after each upgrade scenario.',
  },
  'declared-changes': {
    kind: 'changes',
    description: 'Globals each update step changes on purpose: Package.Class:Method mapped to a list of ^Globals.',
  },
  'upgrade-globals': {
    kind: 'list',
    description: 'Globals to fingerprint before and after each upgrade (default: every global of the data database).',
  },
  'upgrade-exclude-globals': {
    kind: 'list',
    description: "Globals left out of the fingerprint (default: IPM's own bookkeeping globals).",
  },
};

export type ModuleSettingName = keyof typeof MODULE_SETTINGS;

export interface ModuleSettingValue {
  /** The value as the matching action input would hold it. */
  text: string;
  /** 1-based line of the key in the file. */
  line: number;
}

export interface ModuleSettings {
  /** The file as messages and annotations name it (e.g. `mod/ipm-db.yml`); null when the module has none. */
  file: string | null;
  values: ReadonlyMap<string, ModuleSettingValue>;
}

export const NO_MODULE_SETTINGS: ModuleSettings = { file: null, values: new Map() };

/** One thing wrong in the file, at its line, under its key (null: the file as a whole). */
export interface SettingsProblem {
  file: string;
  line: number;
  key: string | null;
  message: string;
}

/** `mod/ipm-db.yml:3: run-tests: must be true or false ...` */
export function formatSettingsProblem(p: SettingsProblem): string {
  return `${p.file}:${p.line}: ${p.key === null ? '' : `${p.key}: `}${p.message}`;
}

const SETTINGS_HINT = `Fix ${MODULE_SETTINGS_FILE}: its keys and forms are in docs/module-settings.md (docs/ipm-db.schema.json is its JSON Schema).`;

/** A usage error some of whose problems are in the module's settings file, each at its line (for annotations). */
export class ModuleSettingsError extends UsageError {
  readonly problems: readonly SettingsProblem[];
  constructor(message: string, problems: readonly SettingsProblem[], hint = SETTINGS_HINT) {
    super(message, hint);
    this.name = 'ModuleSettingsError';
    this.problems = problems;
  }
}

/** The file's name for messages: its path from `base` with "/" separators (absolute when outside it). */
export function settingsFileLabel(base: string, moduleDir: string): string {
  const path = join(moduleDir, MODULE_SETTINGS_FILE);
  const rel = relative(base, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/** Reads `<moduleDir>/ipm-db.yml`, named `label` in messages; a module without one has no settings. */
export async function readModuleSettings(moduleDir: string, label = MODULE_SETTINGS_FILE): Promise<ModuleSettings> {
  let text: string;
  try {
    text = await readFile(join(moduleDir, MODULE_SETTINGS_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return NO_MODULE_SETTINGS;
    throw new UsageError(`${label} cannot be read: ${(err as Error).message}`);
  }
  return { file: label, values: parseModuleSettings(text, label) };
}

const MAX_FILE_CHARS = 256 * 1024;

/** Parses the file's text; every problem is reported at once, each as `<file>:<line>: <key>: ...`. */
export function parseModuleSettings(text: string, file = MODULE_SETTINGS_FILE): Map<string, ModuleSettingValue> {
  if (text.length > MAX_FILE_CHARS)
    throw new UsageError(`${file} is ${text.length} characters long; a module settings file is at most 256 KiB.`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: SettingsProblem[] = [];
  const problem = (line: number, key: string | null, message: string) => problems.push({ file, line, key, message });
  const at = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  for (const e of doc.errors)
    problem(lines.linePos(e.pos[0]).line, null, `${e.message.split('\n')[0]}; fix the YAML there.`);
  const values = new Map<string, ModuleSettingValue>();
  if (problems.length === 0 && doc.contents !== null) {
    if (!isMap(doc.contents))
      problem(at(doc.contents), null, 'the file must be a mapping of settings, one "key: value" a line.');
    else
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const line = at(pair.key as Node);
        const spec = MODULE_SETTINGS[key];
        if (!spec) {
          problem(line, key, `is not a setting; use one of ${Object.keys(MODULE_SETTINGS).join(', ')}.`);
          continue;
        }
        const converted = convert(spec.kind, pair.value as Node | null);
        if (typeof converted === 'string') values.set(key, { text: converted, line });
        else problem(line, key, converted.problem);
      }
  }
  if (problems.length > 0)
    throw new ModuleSettingsError(
      `${file} is not valid:\n  ${problems.map(formatSettingsProblem).join('\n  ')}`,
      problems,
    );
  return values;
}

/** Why a setting of the file was not used. */
export type UnusedReason = 'no upgrade runs' | 'not used here';

/** Which of the file's settings a run took, which an input or flag replaced, which it left unused: for reports. */
export interface SettingsUse {
  file: string;
  fromFile: { name: string; line: number }[];
  overridden: { name: string; line: number }[];
  unused: { name: string; line: number; reason: UnusedReason }[];
}

/** The settings of one run: what inputs or flags gave, else what the file holds. */
export interface MergedSettings {
  /** The value of a setting or input as text: the one given, else the file's (when it applies); undefined: neither. */
  text(name: string): string | undefined;
  /** Where a value taken from the file is, for messages; null when it was given or is not the file's. */
  located(name: string): { file: string; line: number } | null;
  /** What was taken from the file; null when the module has no file. */
  use: SettingsUse | null;
}

/**
 * What a run took from the file, as lines for a log or summary: the settings it took, those the
 * run's inputs or flags (`givenAs`) overrode, those it left unused and why.
 */
export function describeSettingsUse(use: SettingsUse, givenAs: 'inputs' | 'flags'): string[] {
  const names = (list: { name: string; line: number; reason?: string }[]) =>
    list.map((s) => `${s.name} (line ${s.line}${s.reason ? `; ${s.reason}` : ''})`).join(', ');
  const lines = [`${use.file}: ${use.fromFile.length ? `used ${names(use.fromFile)}` : 'no setting used'}`];
  if (use.overridden.length) lines.push(`overridden by ${givenAs}: ${names(use.overridden)}`);
  if (use.unused.length) lines.push(`not used: ${names(use.unused)}`);
  return lines;
}

/** Any of these, given as an input or flag, makes an upgrade run (the file never does). */
const UPGRADE_TRIGGERS: readonly string[] = ['upgrade-from', 'upgrade-source', 'upgrade-scenarios'];

/**
 * Merges the file under the values the run was given (`given` answers undefined for what was not
 * given): a given value always wins. The file's upgrade settings describe how upgrades are judged,
 * so they apply only when the run asks for an upgrade; `uses` names the settings the caller reads.
 */
export function mergeModuleSettings(
  settings: ModuleSettings,
  given: (name: string) => string | undefined,
  uses: readonly string[] = Object.keys(MODULE_SETTINGS),
): MergedSettings {
  const upgradeRuns = UPGRADE_TRIGGERS.some((name) => given(name) !== undefined);
  const taken = new Map<string, ModuleSettingValue>();
  const use: SettingsUse | null = settings.file
    ? { file: settings.file, fromFile: [], overridden: [], unused: [] }
    : null;
  for (const [name, value] of settings.values) {
    const entry = { name, line: value.line };
    if (!uses.includes(name)) use?.unused.push({ ...entry, reason: 'not used here' });
    else if (given(name) !== undefined) use?.overridden.push(entry);
    else if ((UPGRADE_FIELDS as readonly string[]).includes(name) && !upgradeRuns)
      use?.unused.push({ ...entry, reason: 'no upgrade runs' });
    else {
      taken.set(name, value);
      use?.fromFile.push(entry);
    }
  }
  return {
    text: (name) => given(name) ?? taken.get(name)?.text,
    located: (name) => {
      const value = taken.get(name);
      return value && settings.file ? { file: settings.file, line: value.line } : null;
    },
    use,
  };
}

/**
 * One usage error for the problems of a run's settings: a value taken from the file is named by its
 * file, line and key (and the error carries those for annotations); any other by `name` (the input
 * or flag). Null when there are none.
 */
export function settingsError(
  problems: readonly { field: string; message: string }[],
  merged: MergedSettings,
  options: { name: (field: string) => string; header?: string; hint?: string },
): UsageError | null {
  if (problems.length === 0) return null;
  const inFile: SettingsProblem[] = [];
  const lines = problems.map(({ field, message }) => {
    const where = merged.located(field);
    if (!where) return `${options.name(field)}: ${message}`;
    const p = { ...where, key: field, message };
    inFile.push(p);
    return formatSettingsProblem(p);
  });
  const message = options.header ? `${options.header}\n  - ${lines.join('\n  - ')}` : lines.join('\n');
  if (inFile.length === 0) return new UsageError(message, options.hint);
  return new ModuleSettingsError(message, inFile, options.hint ? `${options.hint} ${SETTINGS_HINT}` : SETTINGS_HINT);
}

function convert(kind: Kind, node: Node | null): string | { problem: string } {
  if (kind === 'boolean') {
    if (isScalar(node) && typeof node.value === 'boolean') return String(node.value);
    return { problem: 'must be true or false (YAML booleans, unquoted).' };
  }
  if (kind === 'list') {
    const items = stringList(node);
    return (
      items ?? {
        problem: 'must be a YAML list of names, each without spaces or commas: one "- name" a line, or [name1, name2].',
      }
    );
  }
  // declared-changes: Package.Class:Method mapped to a list of globals.
  if (!isMap(node))
    return {
      problem:
        'must map each update step Package.Class:Method to a list of ^Globals, e.g. "  Pkg.Update.V2:Step: [^Pkg.Data]".',
    };
  const out: string[] = [];
  for (const pair of node.items) {
    const method = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : null;
    const globals = stringList(pair.value as Node | null);
    if (!method || globals === null || globals === '')
      return {
        problem:
          'must map each update step Package.Class:Method to a non-empty list of ^Globals, e.g. "  Pkg.Update.V2:Step: [^Pkg.Data]".',
      };
    out.push(`${method}=${globals.split('\n').join(',')}`);
  }
  return out.join('\n');
}

/**
 * A YAML list of plain strings as input text (one a line); null when it is anything else, or when an
 * item holds a space, comma or semicolon (the inputs' list separators: one item would become several).
 */
function stringList(node: Node | null): string | null {
  if (!isSeq(node)) return null;
  const items: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || /[\s,;]/.test(item.value.trim())) return null;
    items.push(item.value.trim());
  }
  return items.join('\n');
}

/** The JSON Schema of the file (docs/ipm-db.schema.json), for editors' completion and checks. */
export function moduleSettingsSchema(): Record<string, unknown> {
  const method = {
    type: 'string',
    pattern: '^%?[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)+:[%A-Za-z][A-Za-z0-9]*$',
  };
  const global = { type: 'string', pattern: '^\\^[^\\s,;]+$' };
  const properties: Record<string, unknown> = {};
  for (const [name, { kind, description }] of Object.entries(MODULE_SETTINGS)) {
    if (kind === 'boolean') properties[name] = { description, type: 'boolean' };
    else if (kind === 'changes')
      properties[name] = {
        description,
        type: 'object',
        propertyNames: method,
        additionalProperties: { type: 'array', items: global, minItems: 1 },
      };
    else {
      const items =
        name === 'seed-methods' || name === 'check-methods'
          ? method
          : name === 'upgrade-scenarios'
            ? { type: 'string', enum: ['fresh', 'database', 'source', 'container-replacement', 'all'] }
            : global;
      properties[name] = { description, type: 'array', items };
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/OWNER/ipm-database-action/blob/main/docs/ipm-db.schema.json',
    title: 'ipm-db.yml: module settings for ipm-db and the ipm-database action',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
