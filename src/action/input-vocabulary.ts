/**
 * The action's input names: deprecated former names resolved to the input that replaced them, and
 * INPUT_* variables that name no input of action.yml found. The list of names and defaults is
 * generated from action.yml (./input-names.ts), so nothing reads action.yml at run time.
 */
import { closestName } from '../util/setting-values.js';
import { ACTION_INPUT_DEFAULTS, DEPRECATED_INPUTS } from './input-names.js';

export interface InputVocabulary {
  /** The raw value of an input, taken from its former name when only that one was given. */
  get(name: string): string;
  /** One warning per deprecated name that was given (with a value), in the order they were read. */
  warnings(): string[];
  /** INPUT_* variables that are no input of action.yml, each with the closest valid name. */
  unknown(): { name: string; message: string }[];
}

const FORMER_NAMES = new Map<string, string[]>();
for (const [former, current] of Object.entries(DEPRECATED_INPUTS))
  FORMER_NAMES.set(current, [...(FORMER_NAMES.get(current) ?? []), former]);

const CURRENT_NAMES = Object.keys(ACTION_INPUT_DEFAULTS).filter((name) => !(name in DEPRECATED_INPUTS));

/**
 * Whether `value` is what the runner put in for the input's default. A `${{ github.* }}` default
 * is compared with the runner's GITHUB_* variable; the job token is not visible to the action
 * except through the default, so an installation token (ghs_..., the form of github.token) counts
 * as the default of registry-token.
 */
export function isDefaultValue(name: string, value: string, env: Record<string, string | undefined>): boolean {
  const fallback = ACTION_INPUT_DEFAULTS[name];
  if (fallback === undefined || fallback === null) return false;
  switch (fallback) {
    case '${{ github.repository_owner }}':
      return value === (env.GITHUB_REPOSITORY_OWNER ?? '');
    case '${{ github.actor }}':
      return value === (env.GITHUB_ACTOR ?? '');
    case '${{ github.token }}':
      return /^ghs_[A-Za-z0-9_]+$/.test(value);
    default:
      return value === fallback;
  }
}

export function inputVocabulary(
  source: { get(name: string): string; env: Record<string, string | undefined> },
  problem: (input: string, text: string) => void,
): InputVocabulary {
  const warned = new Set<string>();
  const conflicts = new Set<string>();
  return {
    get(name) {
      const value = source.get(name);
      for (const former of FORMER_NAMES.get(name) ?? []) {
        const old = source.get(former);
        if (old.trim() === '') continue;
        if (!warned.has(former)) warned.add(former);
        const current = value.trim();
        if (current === '' || current === old.trim() || isDefaultValue(name, current, source.env)) return old;
        if (!conflicts.has(former)) {
          conflicts.add(former);
          problem(name, `and its former name "${former}" are both given, with different values; keep only ${name}.`);
        }
      }
      return value;
    },
    warnings: () =>
      [...warned].map(
        (former) => `Input "${former}" is deprecated; rename it to "${DEPRECATED_INPUTS[former]}" (same value).`,
      ),
    unknown() {
      const known = new Set(Object.keys(ACTION_INPUT_DEFAULTS).map((n) => n.toUpperCase()));
      const out: { name: string; message: string }[] = [];
      for (const key of Object.keys(source.env).sort()) {
        if (!key.startsWith('INPUT_')) continue;
        const upper = key.slice('INPUT_'.length);
        if (known.has(upper)) continue;
        const name = upper.toLowerCase();
        const closest = closestName(name.replace(/_/g, '-'), CURRENT_NAMES);
        out.push({
          name,
          message: `is not an input of this action (set as ${key})${closest ? `; did you mean "${closest}"?` : '.'} Every input is listed in action.yml.`,
        });
      }
      return out;
    },
  };
}
