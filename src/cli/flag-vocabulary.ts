/**
 * The CLI's flag names follow the action's input names. Former flag names keep working: they are
 * renamed before parsing, with one warning each on stderr; a former and a current name given
 * together is a usage error. Boolean flags also take the action's forms as a value
 * (`--run-tests=false`), and values are read with the action's parsers (src/util/setting-values.ts).
 */
import { UsageError } from '../util/errors.js';
import { DURATION_FORMS, parseBoolean, parseDuration } from '../util/setting-values.js';
import type { CliIo } from './command.js';

/** Former flag name -> current flag name, without the leading "--". */
export type FlagRenames = Readonly<Record<string, string>>;

export function warnCli(io: CliIo, message: string): void {
  io.stderr.write(io.env.GITHUB_ACTIONS === 'true' ? `::warning::${message}\n` : `warning: ${message}\n`);
}

function flagName(arg: string): string | null {
  const m = /^--([^=]+)/.exec(arg);
  return m ? m[1]! : null;
}

/**
 * `argv` with every former flag name replaced by its current one (`--old v`, `--old=v`), each former
 * name warned about once; arguments after "--" are left alone.
 */
export function withCurrentFlagNames(argv: readonly string[], renames: FlagRenames, io: CliIo): string[] {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  const used = new Set(flags.map(flagName).filter((n): n is string => n !== null));
  const out: string[] = [];
  const warned = new Set<string>();
  for (const arg of flags) {
    const name = flagName(arg);
    const current = name === null ? undefined : renames[name];
    if (name === null || current === undefined) {
      out.push(arg);
      continue;
    }
    if (used.has(current))
      throw new UsageError(`--${name} and --${current} are the same option; give only --${current}.`);
    if (!warned.has(name)) {
      warned.add(name);
      warnCli(io, `--${name} is deprecated; use --${current}.`);
    }
    out.push(`--${current}${arg.slice(2 + name.length)}`);
  }
  return end < 0 ? out : [...out, ...argv.slice(end)];
}

/**
 * `--flag=<boolean>` for the given boolean flags, in the action's forms: true gives `--flag`,
 * false `--no-flag` (for a command parsed with allowNegative; otherwise the flag is dropped). With
 * `separate`, for a command without positional arguments, `--flag true|false` is read the same way.
 */
export function withBooleanValues(
  argv: readonly string[],
  booleans: readonly string[],
  opts: { negatable?: boolean; separate?: boolean } = {},
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const next = argv[i + 1];
    const separateValue = opts.separate && next !== undefined && parseBoolean(next) !== null ? next : undefined;
    if (!m || !booleans.includes(m[1]!) || (m[2] === undefined && separateValue === undefined)) {
      out.push(arg);
      continue;
    }
    const raw = m[2] ?? separateValue!;
    if (m[2] === undefined) i++;
    const value = parseBoolean(raw);
    if (value === null) throw new UsageError(`--${m[1]}: "${raw}" is not a boolean; write true or false.`);
    if (value) out.push(`--${m[1]}`);
    else if (opts.negatable) out.push(`--no-${m[1]}`);
  }
  return out;
}

/**
 * `--no-<flag>` for the given boolean flags, as parseArgs' allowNegative does (that needs Node
 * 20.16): taken out of the arguments, and returned in `off` when the flag's last mention turns it off.
 */
export function withoutNegations(
  argv: readonly string[],
  booleans: readonly string[],
): { args: string[]; off: Set<string> } {
  const args: string[] = [];
  const last = new Map<string, boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const m = /^--(no-)?(.+)$/s.exec(arg);
    if (m && booleans.includes(m[2]!)) {
      last.set(m[2]!, m[1] === undefined);
      if (m[1] !== undefined) continue;
    }
    args.push(arg);
  }
  return { args, off: new Set([...last].filter(([, on]) => !on).map(([flag]) => flag)) };
}

/** A duration flag in the action's forms (90s, 5m, 1h30m, bare seconds); undefined when not given. */
export function durationFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseDuration(raw);
  if (ms === null)
    throw new UsageError(`--${name}: "${raw}" is not a duration of at most 596h; write ${DURATION_FORMS}.`);
  return ms;
}
