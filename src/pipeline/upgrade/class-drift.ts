/**
 * Code changed at run time (pure): a class edited after install, such as a production whose settings
 * were changed in the Management Portal (saved into its XData ProductionDefinition), lives in the
 * routines database and is replaced by the package's definition when -swap-db swaps it. The line
 * lists every class of the routines database (`^|"^^<dir>"|oddDEF`) with its TimeChanged and, for a
 * production, its ProductionDefinition; snapshots right after install and just before the swap are
 * compared, and every production setting that differs is named.
 */
import { ipmdbLines } from './parse.js';
import type { LinesOutput } from './ports.js';

export interface ClassState {
  /** %Dictionary.ClassDefinition TimeChanged. */
  timeChanged: string;
  /** The XData ProductionDefinition text, or null when the class is no production. */
  production: string | null;
}

export interface ChangedClass {
  className: string;
  timeChangedAtInstall: string;
  timeChangedBeforeSwap: string;
  /** For productions: each setting that differs, "<item> <target> <name>: <install> -> <now>". */
  settings: string[];
}

/** `##IPMDB classdef=<class>|<TimeChanged>|<base64 UTF-8 ProductionDefinition or "">` per class of the routines database. */
export function routinesClassesLine(): string {
  const xdata = '##class(%Dictionary.XDataDefinition).%OpenId(c_"||ProductionDefinition")';
  return (
    'try { set d="^"_##class(%SYS.Namespace).GetRoutineDest(),c="" ' +
    'for { set c=$order(^|d|oddDEF(c)) quit:c=""  ' +
    `set k=##class(%Dictionary.ClassDefinition).%OpenId(c),x=${xdata} ` +
    'write "##IPMDB classdef=",c,"|",$select($isobject(k):k.TimeChanged,1:""),"|",' +
    '$select($isobject(x):$system.Encryption.Base64Encode($zconvert(x.Data.Read(3000000),"O","UTF8"),1),1:""),! } } ' +
    'catch e { write "##IPMDB error=routines database classes|",e.DisplayString(),! }'
  );
}

export function parseClassStates(output: LinesOutput): Map<string, ClassState> {
  const states = new Map<string, ClassState>();
  for (const { key, value } of ipmdbLines(output)) {
    if (key !== 'classdef') continue;
    const [className, timeChanged, production] = value.split('|');
    if (!className || className.startsWith('%')) continue;
    states.set(className, {
      timeChanged: timeChanged ?? '',
      production: production ? Buffer.from(production, 'base64').toString('utf8') : null,
    });
  }
  return states;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

/**
 * A production's settings as "<scope> <name>" -> value: the production's own attributes and
 * settings (scope "production"), each item's attributes ("<item> @<attribute>") and settings
 * ("<item> <target> <name>").
 */
export function productionSettings(xml: string): Map<string, string> {
  const settings = new Map<string, string>();
  const setting = (scope: string, body: string) => {
    for (const m of body.matchAll(/<Setting\b([^>]*)>([\s\S]*?)<\/Setting>/g)) {
      const a = attributes(m[1]!);
      settings.set(`${scope} ${a.Target ?? ''} ${a.Name ?? ''}`.replace(/\s+/g, ' '), decode(m[2]!));
    }
  };
  const production = /<Production\b([^>]*)>/.exec(xml);
  for (const [k, v] of Object.entries(attributes(production?.[1] ?? ''))) settings.set(`production @${k}`, v);
  const items = [...xml.matchAll(/<Item\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Item>)/g)];
  let outside = xml;
  for (const item of items) {
    outside = outside.replace(item[0], '');
    const a = attributes(item[1]!);
    const name = a.Name ?? '?';
    for (const [k, v] of Object.entries(a)) if (k !== 'Name') settings.set(`${name} @${k}`, v);
    setting(name, item[2] ?? '');
  }
  setting('production', outside);
  for (const m of outside.matchAll(/<(ActorPoolSize|Description)>([\s\S]*?)<\/\1>/g))
    settings.set(`production ${m[1]}`, decode(m[2]!));
  return settings;
}

function settingDifferences(atInstall: string, now: string): string[] {
  const before = productionSettings(atInstall);
  const after = productionSettings(now);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const show = (v: string | undefined) => (v === undefined ? '(none)' : JSON.stringify(v));
  return keys
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => `${k}: ${show(before.get(k))} -> ${show(after.get(k))}`);
}

/** Classes whose definition changed between install and the swap, with the production settings that differ. */
export function changedClasses(
  atInstall: Map<string, ClassState>,
  beforeSwap: Map<string, ClassState>,
): ChangedClass[] {
  const changed: ChangedClass[] = [];
  for (const [className, now] of [...beforeSwap].sort(([a], [b]) => a.localeCompare(b))) {
    const then = atInstall.get(className);
    if (!then || (then.timeChanged === now.timeChanged && then.production === now.production)) continue;
    changed.push({
      className,
      timeChangedAtInstall: then.timeChanged,
      timeChangedBeforeSwap: now.timeChanged,
      settings:
        then.production !== null && now.production !== null ? settingDifferences(then.production, now.production) : [],
    });
  }
  return changed;
}

export const CLASS_DRIFT_HINT =
  'Settings a site changes belong in the data database: move them to interoperability System Default Settings ' +
  '(Ens.Config.DefaultSettings; a production setting left empty in the class takes its default from there).';

export function changedClassProblems(changed: readonly ChangedClass[]): string[] {
  return changed.map((c) =>
    c.settings.length > 0
      ? `production ${c.className} was changed after install (${c.settings.join('; ')}); the swap replaces it with the ` +
        `package's definition and these settings are lost. ${CLASS_DRIFT_HINT}`
      : `class ${c.className} was changed after install (TimeChanged ${c.timeChangedAtInstall} -> ${c.timeChangedBeforeSwap}); ` +
        `the swap replaces it with the package's definition and the change is lost. ${CLASS_DRIFT_HINT}`,
  );
}
