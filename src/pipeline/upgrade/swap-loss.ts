/**
 * Data a database swap destroys (pure): `-swap-db` replaces the namespace's routines database
 * whole, so every global stored there that is not code (or IPM's own) is gone afterwards. These
 * lines list the routines database's globals through an extended reference to its directory
 * (`^$|"^^<dir>"|GLOBAL`, `##class(%SYS.Namespace).GetRoutineDest()`), count each candidate's nodes
 * and print a sample; the judgement says what is lost and what to do. docs/upgrade-testing.md
 * ("Data a swap destroys") lists the code globals and links their documentation.
 */
import { assertGlobalName, quote } from './objectscript.js';
import { matchesGlobal } from './fingerprint.js';
import { ipmdbLines } from './parse.js';
import type { LinesOutput } from './ports.js';

/** Globals a routines database holds for code: routine sources and object code, the class dictionary, indexes. */
export const CODE_GLOBALS = ['^odd*', '^rINDEX*', '^rOBJ', '^rMAC', '^rINC', '^rMAP', '^ROUTINE'] as const;
/** IPM's own records and system globals: never the module's data (IPM keeps its records in the globals database). */
export const BOOKKEEPING_GLOBALS = ['^IPM.*', '^%*', '^IRIS.*', '^ISC.*', '^CacheTemp*'] as const;

/** Nodes printed per global as a sample. */
export const SWAP_LOSS_SAMPLE = 5;

export interface LostGlobal {
  /** "^Name" */
  name: string;
  nodes: number;
  /** The first nodes in $query order, as "^Name(subs)". */
  sample: string[];
}

/** `d` = the routines database as an implied namespace ("^^<directory>"). */
const ROUTINES_ENV = 'set d="^"_##class(%SYS.Namespace).GetRoutineDest()';

/** `##IPMDB rdb=<directory>` and `##IPMDB rglobal=^Name` for every global of the namespace's routines database. */
export function routinesGlobalsLine(): string {
  return (
    `try { ${ROUTINES_ENV},g="" write "##IPMDB rdb=",$piece(d,"^",3),! ` +
    `for { set g=$order(^$|d|GLOBAL(g)) quit:g=""  write "##IPMDB rglobal=",g,! } } ` +
    `catch e { write "##IPMDB error=routines database globals|",e.DisplayString(),! }`
  );
}

/** `##IPMDB rnode=^Name|<extended ref>` for the first `sample` nodes, then `##IPMDB rcount=^Name|<nodes>`. */
export function routinesGlobalNodesLine(name: string, sample = SWAP_LOSS_SAMPLE): string {
  assertGlobalName(name);
  const bare = name.slice(1);
  return (
    `try { ${ROUTINES_ENV},r=${quote('^|"')}_d_${quote(`"|${bare}`)},n=0,t=$data(@r)#2 ` +
    `for { if 't { set r=$query(@r) quit:r="" } set t=0,n=n+1 write:n'>${sample} "##IPMDB rnode=",${quote(name)},"|",r,! } ` +
    `write "##IPMDB rcount=",${quote(name)},"|",n,! } ` +
    `catch e { write "##IPMDB error=",${quote(`routines database ${name}`)},"|",e.DisplayString(),! }`
  );
}

/** The routines database's directory and its globals that are neither code nor bookkeeping. */
export function parseRoutinesGlobals(output: LinesOutput): { directory: string; candidates: string[] } {
  const lines = ipmdbLines(output);
  const directory = lines.find((l) => l.key === 'rdb')?.value ?? '';
  const names = lines
    .filter((l) => l.key === 'rglobal')
    .map((l) => (l.value.startsWith('^') ? l.value : `^${l.value}`));
  const ignored = [...CODE_GLOBALS, ...BOOKKEEPING_GLOBALS];
  const candidates = [...new Set(names)].filter((n) => !ignored.some((p) => matchesGlobal(p, n))).sort();
  return { directory, candidates };
}

/** "^|"^^/dir/"|Name(1)" -> "^Name(1)". */
function withoutEnvironment(ref: string): string {
  return ref.replace(/^\^\|"(?:[^"]|"")*"\|/, '^');
}

/** The globals with data, their node counts and samples. */
export function parseLostGlobals(output: LinesOutput): LostGlobal[] {
  const byName = new Map<string, LostGlobal>();
  const entry = (name: string) => {
    let g = byName.get(name);
    if (!g) byName.set(name, (g = { name, nodes: 0, sample: [] }));
    return g;
  };
  for (const { key, value } of ipmdbLines(output)) {
    const bar = value.indexOf('|');
    if (bar < 0) continue;
    const name = value.slice(0, bar);
    if (key === 'rnode') entry(name).sample.push(withoutEnvironment(value.slice(bar + 1)));
    else if (key === 'rcount') entry(name).nodes = Number(value.slice(bar + 1)) || 0;
  }
  return [...byName.values()].filter((g) => g.nodes > 0).sort((a, b) => a.name.localeCompare(b.name));
}

export const SWAP_LOSS_HINT =
  'Keep data out of the routines database: map the global to the data database (a global mapping of the ' +
  'namespace, e.g. %IPM.Utils.Module:AddGlobalMapping(<namespace>, "<global>", "<namespace>-DATA")), or keep ' +
  'settings as interoperability System Default Settings (Ens.Config.DefaultSettings), which live in the data database.';

/** One problem per lost global, naming its nodes and a sample. */
export function lostGlobalProblems(lost: readonly LostGlobal[], directory: string): string[] {
  return lost.map(
    (g) =>
      `${g.name} (${g.nodes} node${g.nodes === 1 ? '' : 's'}, e.g. ${g.sample.slice(0, 3).join(', ')}) lives in the ` +
      `routines database${directory ? ` ${directory}` : ''} and is destroyed when -swap-db replaces it. ${SWAP_LOSS_HINT}`,
  );
}
