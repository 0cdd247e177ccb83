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
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { UsageError } from '../util/errors.js';

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
  /** Path of the file read; null when the module has none. */
  file: string | null;
  values: ReadonlyMap<string, ModuleSettingValue>;
}

export const NO_MODULE_SETTINGS: ModuleSettings = { file: null, values: new Map() };

/** `ipm-db.yml:12 (seed-methods)`: how a message names a value that came from the file. */
export function settingLocation(settings: ModuleSettings, name: string): string | null {
  const v = settings.values.get(name);
  return settings.file && v ? `${MODULE_SETTINGS_FILE}:${v.line} (${name})` : null;
}

/** Reads `<moduleDir>/ipm-db.yml`; a module without one has no settings. */
export async function readModuleSettings(moduleDir: string): Promise<ModuleSettings> {
  const file = join(moduleDir, MODULE_SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return NO_MODULE_SETTINGS;
    throw new UsageError(`${file} cannot be read: ${(err as Error).message}`);
  }
  return { file, values: parseModuleSettings(text, file) };
}

const MAX_FILE_CHARS = 256 * 1024;

/** Parses the file's text; every problem is reported at once, each with its line and key. */
export function parseModuleSettings(text: string, file = MODULE_SETTINGS_FILE): Map<string, ModuleSettingValue> {
  if (text.length > MAX_FILE_CHARS)
    throw new UsageError(`${file} is ${text.length} characters long; a module settings file is at most 256 KiB.`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: string[] = [];
  const at = (node: Node | Pair | null | undefined): number => {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node)?.range : null;
    return range ? lines.linePos(range[0]).line : 1;
  };
  for (const e of doc.errors) problems.push(`line ${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  const values = new Map<string, ModuleSettingValue>();
  if (problems.length === 0 && doc.contents !== null) {
    if (!isMap(doc.contents)) problems.push(`line ${at(doc.contents)}: the file must be a mapping of settings`);
    else
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const line = at(pair.key as Node);
        const spec = MODULE_SETTINGS[key];
        if (!spec) {
          problems.push(
            `line ${line}: unknown setting "${key}"; the settings are ${Object.keys(MODULE_SETTINGS).join(', ')}`,
          );
          continue;
        }
        const converted = convert(spec.kind, pair.value as Node | null);
        if (typeof converted === 'string') values.set(key, { text: converted, line });
        else problems.push(`line ${line}: ${key}: ${converted.problem}`);
      }
  }
  if (problems.length > 0)
    throw new UsageError(
      `${file} is not valid:\n  ${problems.join('\n  ')}`,
      `Fix the file (its keys and forms are in docs/module-settings.md; docs/ipm-db.schema.json is its JSON Schema).`,
    );
  return values;
}

function convert(kind: Kind, node: Node | null): string | { problem: string } {
  if (kind === 'boolean') {
    if (isScalar(node) && typeof node.value === 'boolean') return String(node.value);
    return { problem: 'must be true or false' };
  }
  if (kind === 'list') {
    const items = stringList(node);
    return items ?? { problem: 'must be a list of names (one per line, each "- name")' };
  }
  // declared-changes: Package.Class:Method mapped to a list of globals.
  if (!isMap(node)) return { problem: 'must map each Package.Class:Method to a list of ^Globals' };
  const out: string[] = [];
  for (const pair of node.items) {
    const method = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : null;
    const globals = stringList(pair.value as Node | null);
    if (!method || globals === null || globals === '')
      return { problem: 'must map each Package.Class:Method to a non-empty list of ^Globals' };
    out.push(`${method}=${globals.split('\n').join(',')}`);
  }
  return out.join('\n');
}

/** A YAML list of plain strings as input text (one a line); null when it is anything else. */
function stringList(node: Node | null): string | null {
  if (!isSeq(node)) return null;
  const items: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || /[\r\n]/.test(item.value)) return null;
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
  const global = { type: 'string', pattern: '^\\^' };
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
