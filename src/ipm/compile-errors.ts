/**
 * Compile errors from IRIS output, located in the module's source tree for annotations.
 *
 * Forms IRIS prints (seen in published IRIS output, e.g. the InterSystems Developer Community
 * article on GitLab CI/CD with IRIS, 2018, whose job log shows exactly these lines):
 *   ERROR: MyApp.Info.cls(version+2) #1003: Expected space : '}' : Offset:14 [zversion+1^MyApp.Info.1]
 *    TEXT: 	quit, "1.0" }
 *   ERROR #5475: Error compiling routine: MyApp.Info.1. Errors: ERROR: MyApp.Info.cls(version+2) #1003: ...
 *    > ERROR #5030: An error occurred while compiling class 'MyApp.Info'
 * and class-level errors naming the class in quotes (ERROR #5373 "Class 'A', used by 'B:property:x',
 * does not exist"; ERROR #5559 "The class definition for class 'A' could not be parsed correctly").
 * "(method+n)" counts lines from the method's opening brace, as in the routine IRIS generates.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** An ObjectScript compile error, located in the module's source tree for annotations. */
export interface CompileError {
  /** Path relative to the module directory (e.g. "src/MyApp/Foo.cls"), when it could be found. */
  file: string | null;
  /** Class or routine name as IRIS reported it (e.g. "MyApp.Foo.cls"). */
  document: string;
  line: number | null;
  message: string;
}

export interface RawCompileError {
  document: string;
  /** "version" in "(version+2)"; null for "(+12)" or class-level errors. */
  label: string | null;
  offset: number | null;
  message: string;
  /** The source line IRIS quoted after " TEXT:", when it did. */
  text: string | null;
}

const LOCATED =
  /^(?:ERROR!\s+)?(?:>\s*)?ERROR:\s+(%?[A-Za-z][\w.%]*\.(?:cls|mac|inc|int))\((?:([%\w]+))?(?:\+(\d+))?\)\s*(?:#\d+)?\s*:?\s*(.*)$/;
const STATUS = /^(?:ERROR!\s+)?(?:>\s*)?ERROR #(\d+):\s*(.*)$/;
const TEXT = /^\s*TEXT:\s?(.*)$/;
/** Status errors that only repeat a located error or say "compilation failed". */
const SUMMARY_CODES = new Set(['5475', '5030']);

export function parseCompileErrors(output: string): RawCompileError[] {
  const lines = output.split('\n');
  const found: RawCompileError[] = [];
  const seen = new Set<string>();
  const add = (e: RawCompileError) => {
    const key = `${e.document}|${e.label}|${e.offset}|${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(e);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const located = LOCATED.exec(line);
    if (located) {
      const next = TEXT.exec(lines[i + 1] ?? '');
      add({
        document: located[1]!,
        label: located[2] ?? null,
        offset: located[3] === undefined ? null : Number(located[3]),
        message: cleanMessage(located[4] ?? ''),
        text: next ? next[1]!.trim() : null,
      });
      continue;
    }
    const status = STATUS.exec(line);
    if (status) {
      const [, code, message] = status as unknown as [string, string, string];
      if (SUMMARY_CODES.has(code)) {
        // "... Errors: ERROR: X.cls(m+1) ..." repeats a located error; keep the class only when nothing else names it.
        const inner = /Errors:\s*(ERROR:.*)$/.exec(message);
        const innerLocated = inner ? LOCATED.exec(inner[1]!) : null;
        if (innerLocated)
          add({
            document: innerLocated[1]!,
            label: innerLocated[2] ?? null,
            offset: innerLocated[3] === undefined ? null : Number(innerLocated[3]),
            message: cleanMessage(innerLocated[4] ?? ''),
            text: null,
          });
        else {
          const cls = /class '([^']+)'/.exec(message);
          if (cls && !found.some((f) => f.document === `${cls[1]}.cls`))
            add({
              document: `${cls[1]}.cls`,
              label: null,
              offset: null,
              message: `ERROR #${code}: ${message}`,
              text: null,
            });
        }
        continue;
      }
      const document = documentOf(message);
      if (document) {
        const lineNo = /\bline (\d+)\b/i.exec(message);
        add({
          document,
          label: null,
          offset: lineNo ? Number(lineNo[1]) : null,
          message: `ERROR #${code}: ${message}`,
          text: null,
        });
      }
    }
  }
  // A located error makes the summary for the same class redundant.
  return found.filter(
    (e) =>
      !(
        e.label === null &&
        e.offset === null &&
        e.message.startsWith('ERROR #5030') &&
        found.some((f) => f !== e && f.document === e.document)
      ),
  );
}

function cleanMessage(message: string): string {
  return message.replace(/\s*\[[^\]]*\^[^\]]*\]\s*$/, '').trim();
}

/** The class a status message is about: "used by 'B:..." first, else the first "class 'X'" / "'X'". */
function documentOf(message: string): string | null {
  const usedBy = /used by '([%\w.]+?)(?::[^']*)?'/.exec(message);
  if (usedBy) return `${usedBy[1]}.cls`;
  const cls = /class (?:definition )?'([%\w.]+)'/i.exec(message);
  if (cls) return `${cls[1]}.cls`;
  const doc = /'([%\w.]+\.(?:cls|mac|inc|int))'/i.exec(message);
  if (doc) return doc[1]!;
  return null;
}

/** Source files of a module, keyed by path relative to the module directory ("/" separators). */
export type SourceTree = Map<string, string>;

/** Finds the file holding a document: "A.B.C.cls" as ".../A/B/C.cls" (UDL folders) or ".../A.B.C.cls". */
export function findDocument(document: string, files: Iterable<string>): string | null {
  const dot = document.lastIndexOf('.');
  const ext = document.slice(dot + 1).toLowerCase();
  const name = document.slice(0, dot);
  const nested = `${name.replace(/^%/, '_').split('.').join('/')}.${ext}`.toLowerCase();
  const nestedPercent = `${name.split('.').join('/')}.${ext}`.toLowerCase();
  const flat = `${name}.${ext}`.toLowerCase();
  const matches: string[] = [];
  for (const f of files) {
    const lower = f.toLowerCase();
    if (
      lower === nested ||
      lower.endsWith(`/${nested}`) ||
      lower === nestedPercent ||
      lower.endsWith(`/${nestedPercent}`) ||
      lower === flat ||
      lower.endsWith(`/${flat}`)
    )
      matches.push(f);
  }
  matches.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return matches[0] ?? null;
}

/** The 1-based file line of "(label+offset)" in a UDL class or routine, or null. */
export function locateLine(
  source: string,
  document: string,
  label: string | null,
  offset: number | null,
  text: string | null,
): number | null {
  const lines = source.split(/\r?\n/);
  const isClass = document.toLowerCase().endsWith('.cls');
  let line: number | null = null;
  let searchFrom = 0;
  if (label !== null) {
    const name = label.replace(/^z/, '');
    const header = isClass
      ? new RegExp(`^\\s*(?:Class)?Method\\s+(?:${escape(label)}|${escape(name)})\\s*\\(`, 'i')
      : new RegExp(`^${escape(label)}(?![\\w%])`);
    const at = lines.findIndex((l) => header.test(l));
    if (at >= 0) {
      searchFrom = at;
      let anchor = at;
      if (isClass) {
        const brace = lines.findIndex((l, i) => i >= at && l.includes('{'));
        anchor = brace >= 0 ? brace : at;
      }
      line = anchor + 1 + (offset ?? 0);
    }
  } else if (offset !== null) {
    line = offset;
  }
  if (text) {
    const wanted = text.trim();
    if (line === null || lines[line - 1]?.trim() !== wanted) {
      const idx = lines.findIndex((l, i) => i >= searchFrom && l.trim() === wanted);
      if (idx >= 0) line = idx + 1;
    }
  }
  if (line !== null && (line < 1 || line > lines.length)) return null;
  return line;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

/** Raw errors located in the source tree (pure). */
export function resolveCompileErrors(raw: RawCompileError[], tree: SourceTree): CompileError[] {
  return raw.map((e) => {
    const file = findDocument(e.document, tree.keys());
    const source = file ? tree.get(file) : undefined;
    const line = source !== undefined ? locateLine(source, e.document, e.label, e.offset, e.text) : null;
    return { file, document: e.document, line, message: e.message };
  });
}

const SOURCE_EXT = /\.(cls|mac|inc|int)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode']);

/** Reads a module's ObjectScript sources (bounded: at most `limit` files of at most 2 MB). */
export async function readSourceTree(moduleDir: string, limit = 5_000): Promise<SourceTree> {
  const tree: SourceTree = new Map();
  const walk = async (dir: string): Promise<void> => {
    if (tree.size >= limit) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info = await stat(full);
        if (info.size <= 2_000_000)
          tree.set(relative(moduleDir, full).split(sep).join('/'), await readFile(full, 'utf8'));
      }
    }
  };
  await walk(moduleDir);
  return tree;
}
