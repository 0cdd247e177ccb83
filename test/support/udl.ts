// Reading UDL class sources (.cls) in tests: the bodies of class methods, and a checker for the
// ObjectScript subset that examples/example-module/README.md promises the pipeline-called methods use.

export interface UdlMethod {
  name: string;
  /** Body lines between the method's braces, trimmed, blank lines dropped. */
  body: string[];
}

export interface UdlClass {
  name: string;
  superclasses: string[];
  methods: UdlMethod[];
}

/** Parses class name, superclasses and class-method bodies of one UDL class file. */
export function parseUdlClass(source: string): UdlClass {
  const lines = source.split(/\r?\n/);
  const header = lines
    .map((line) => /^Class\s+([%\w.]+)(?:\s+Extends\s+\(?([%\w.,\s]+?)\)?)?(?:\s*\[.*\])?\s*$/.exec(line))
    .find(Boolean);
  if (!header) throw new Error('no "Class <name>" line');
  const methods: UdlMethod[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^ClassMethod\s+(\w+)\(/.exec(lines[i]!);
    if (!start) continue;
    let open = i;
    while (open < lines.length && lines[open]!.trim() !== '{') open++;
    let close = open + 1;
    while (close < lines.length && lines[close] !== '}') close++;
    if (close >= lines.length) throw new Error(`method ${start[1]}: no closing "}" at the start of a line`);
    const body = lines
      .slice(open + 1, close)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    methods.push({ name: start[1]!, body });
    i = close;
  }
  return {
    name: header[1]!,
    superclasses: header[2] ? header[2].split(',').map((s) => s.trim()) : [],
    methods,
  };
}

const GLOBAL_NAME = /^\^[A-Za-z][A-Za-z0-9.]*/;

/**
 * Returns null when `line` is a statement of the documented subset, else why not.
 * Grammar: README of examples/example-module ("The subset").
 */
export function checkSubsetStatement(line: string): string | null {
  if (line.startsWith('//')) return null;
  const parser = new SubsetParser(line);
  try {
    parser.statement();
    parser.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

class SubsetParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  statement(): void {
    const keyword = this.word();
    this.spaces(1);
    if (keyword === 'set') {
      this.target();
      this.token(' = ');
      this.expr();
    } else if (keyword === 'kill') {
      this.globalRef();
    } else if (keyword === 'quit') {
      this.expr();
    } else if (keyword === 'return') {
      this.jsonStringArray();
    } else {
      this.fail(`statement "${keyword}" is outside the subset`);
    }
  }

  end(): void {
    if (this.pos !== this.text.length) this.fail('unexpected text');
  }

  private target(): void {
    if (this.peek() === '^') this.globalRef();
    else this.word();
  }

  private globalRef(): void {
    const name = GLOBAL_NAME.exec(this.rest());
    if (!name) this.fail('expected ^Global');
    this.pos += name[0].length;
    if (this.peek() === '(') this.list(() => this.subscript());
  }

  private subscript(): void {
    if (this.peek() === '"') this.string();
    else if (/[0-9.-]/.test(this.peek())) this.number();
    else this.word();
  }

  private expr(): void {
    this.operand();
    for (;;) {
      const op = /^ ('=|'<|'>|=|<|>|&) /.exec(this.rest());
      if (!op) return;
      this.pos += op[0].length;
      this.operand();
    }
  }

  private operand(): void {
    const c = this.peek();
    if (c === '"') return this.string();
    if (/[0-9.-]/.test(c)) return this.number();
    if (c === '(') {
      this.pos++;
      this.expr();
      return this.token(')');
    }
    if (c === '$') {
      const fn = /^\$(get|increment|data|listbuild)\(/.exec(this.rest());
      if (!fn) this.fail('function outside the subset');
      this.pos += fn[0].length - 1;
      if (fn[1] === 'listbuild') return this.list(() => this.expr());
      let first = true;
      return this.list(() => {
        if (first) {
          first = false;
          this.globalRef();
        } else if (fn[1] === 'get') this.expr();
        else this.fail(`$${fn[1]} takes one argument here`);
      });
    }
    this.word();
  }

  private jsonStringArray(): void {
    this.token('[');
    if (this.peek() === ']') return void this.pos++;
    for (;;) {
      this.string();
      if (this.peek() === ']') return void this.pos++;
      this.token(',');
      if (this.peek() === ' ') this.pos++;
    }
  }

  private list(item: () => void): void {
    this.token('(');
    for (;;) {
      item();
      if (this.peek() === ')') return void this.pos++;
      this.token(',');
      if (this.peek() === ' ') this.pos++;
    }
  }

  private string(): void {
    const literal = /^"(?:[^"]|"")*"/.exec(this.rest());
    if (!literal) this.fail('expected a string literal');
    this.pos += literal[0].length;
  }

  private number(): void {
    const literal = /^-?(?:\d+(?:\.\d+)?|\.\d+)/.exec(this.rest());
    if (!literal) this.fail('expected a number');
    this.pos += literal[0].length;
  }

  private word(): string {
    const name = /^[A-Za-z][A-Za-z0-9]*/.exec(this.rest());
    if (!name) this.fail('expected a name');
    this.pos += name[0].length;
    return name[0];
  }

  private spaces(count: number): void {
    this.token(' '.repeat(count));
  }

  private token(expected: string): void {
    if (!this.rest().startsWith(expected)) this.fail(`expected "${expected}"`);
    this.pos += expected.length;
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private rest(): string {
    return this.text.slice(this.pos);
  }

  private fail(message: string): never {
    throw new Error(`${message} at column ${this.pos + 1}`);
  }
}
