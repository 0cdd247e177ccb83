// Just enough of a UDL (.cls) reader for the stand-in: class name, superclasses, methods with
// their body lines, and the fixture marker that declares a compile error.
//
// A fixture declares a compile error with a comment on the line that should fail:
//     // STANDIN-COMPILE-ERROR: Invalid command : 'frobnicate'
// Real IRIS compiles the comment happily; the stand-in reports an error there.

export interface UdlMethod {
  name: string;
  classMethod: boolean;
  /** Formal parameter names, in order. */
  params: string[];
  /** Body lines between "{" and "}" (exclusive). */
  body: string[];
  /** 1-based line in the file of the first body line. */
  firstBodyLine: number;
}

export interface UdlClass {
  name: string;
  /** Include files named before the class declaration (`Include A` / `Include (A, B)`). */
  includes: string[];
  superclasses: string[];
  methods: Map<string, UdlMethod>;
}

export interface CompileError {
  className: string;
  method: string;
  /** Offset from the method label: the first body line is +1, as IRIS counts. */
  offset: number;
  line: number;
  message: string;
  text: string;
}

const MARKER = /\/\/\s*STANDIN-COMPILE-ERROR:\s*(.*)$/;

export function parseUdl(source: string, where: string): UdlClass {
  const lines = source.split(/\r?\n/);
  const head = lines.findIndex((l) => /^Class\s/.test(l));
  if (head < 0) throw new Error(`${where}: no "Class" declaration`);
  const m = /^Class\s+([%A-Za-z][A-Za-z0-9.]*)(?:\s+Extends\s+(\(([^)]*)\)|[%A-Za-z][A-Za-z0-9.]*))?/.exec(
    lines[head]!,
  );
  if (!m) throw new Error(`${where}: cannot read the class declaration`);
  const superclasses = (m[3] ?? m[2] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const methods = new Map<string, UdlMethod>();
  for (let i = head + 1; i < lines.length; i++) {
    const mm = /^(ClassMethod|Method)\s+([%A-Za-z][A-Za-z0-9]*)\s*\(/.exec(lines[i]!);
    if (!mm) continue;
    let header = lines[i]!;
    for (let j = i + 1; !/\)/.test(header) && j < lines.length; j++) header += ' ' + lines[j]!;
    const paramText = /\(([^)]*)\)/.exec(header)?.[1] ?? '';
    const params = paramText
      .split(',')
      .map((p) => /^\s*(?:(?:ByRef|Output)\s+)?([%A-Za-z][A-Za-z0-9]*)/.exec(p)?.[1] ?? '')
      .filter(Boolean);
    let open = i;
    while (open < lines.length && lines[open]!.trim() !== '{') open++;
    let close = open + 1;
    while (close < lines.length && lines[close] !== '}') close++;
    if (open >= lines.length || close >= lines.length) throw new Error(`${where}: method ${mm[2]} has no body`);
    methods.set(mm[2]!.toLowerCase(), {
      name: mm[2]!,
      classMethod: mm[1] === 'ClassMethod',
      params,
      body: lines.slice(open + 1, close),
      firstBodyLine: open + 2,
    });
    i = close;
  }
  const includes = lines
    .slice(0, head)
    .map((l) => /^Include\s+\(?([^)]*)\)?/.exec(l)?.[1] ?? '')
    .flatMap((l) => l.split(','))
    .map((l) => l.trim())
    .filter(Boolean);
  return { name: m[1]!, includes, superclasses, methods };
}

/** Compile errors the fixture declared with STANDIN-COMPILE-ERROR markers. */
export function declaredCompileErrors(cls: UdlClass): CompileError[] {
  const out: CompileError[] = [];
  for (const method of cls.methods.values()) {
    method.body.forEach((text, i) => {
      const marker = MARKER.exec(text);
      if (marker) {
        out.push({
          className: cls.name,
          method: method.name,
          offset: i + 1,
          line: method.firstBodyLine + i,
          message: marker[1]!.trim(),
          text: text.replace(MARKER, '').trimEnd(),
        });
      }
    });
  }
  return out;
}
