// Parser for the ObjectScript subset the stand-in runs (docs/iris-surface.md, plus what the
// fixtures' method bodies use). Produces a small AST; anything outside the subset raises
// IrisError('SYNTAX'), which a session prints and survives, as IRIS does.
import { IrisError } from './values.js';

export type Expr =
  | { k: 'str'; v: string }
  | { k: 'num'; v: string }
  | { k: 'local'; name: string; subs: Expr[] }
  | { k: 'global'; name: string; subs: Expr[]; env?: Expr }
  | { k: 'special'; name: string }
  | { k: 'func'; name: string; args: Expr[] }
  | { k: 'system'; path: string[]; args: Expr[] }
  | { k: 'classcall'; cls: string; method: string; args: Expr[] }
  | { k: 'prop'; obj: Expr; name: string }
  | { k: 'invoke'; obj: Expr; name: string; args: Expr[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'byref'; name: string }
  | { k: 'macro'; name: string; args: Expr[] }
  | { k: 'json'; v: unknown }
  | { k: 'sysglobal'; subs: Expr[]; env?: Expr }
  | { k: 'indirect'; e: Expr }
  | { k: 'select'; pairs: { cond: Expr; value: Expr }[] }
  | { k: 'omit' };

export type Target =
  | { k: 'indirect'; e: Expr }
  | { k: 'local'; name: string; subs: Expr[] }
  | { k: 'global'; name: string; subs: Expr[]; env?: Expr }
  | { k: 'special'; name: string }
  | { k: 'prop'; obj: Expr; name: string };

export type WriteItem = { k: 'newline' } | { k: 'formfeed' } | { k: 'tab'; col: Expr } | { k: 'expr'; e: Expr };

export type Cmd = { post?: Expr } & (
  | { c: 'write'; items: WriteItem[] }
  | { c: 'set'; pairs: { target: Target; value: Expr }[] }
  | { c: 'do'; calls: Expr[] }
  | { c: 'if'; conds: Expr[]; then: Cmd[]; elifs: { conds: Expr[]; body: Cmd[] }[]; else?: Cmd[] }
  | { c: 'while'; cond: Expr; body: Cmd[] }
  | { c: 'for'; v: string; from: Expr; step: Expr; to: Expr; body: Cmd[] }
  | { c: 'loop'; body: Cmd[] }
  | { c: 'halt' }
  | { c: 'hang'; secs: Expr }
  | { c: 'quit'; value?: Expr }
  | { c: 'kill'; targets: Target[] }
  | { c: 'zpm'; args: Expr[] }
  | { c: 'throw'; value: Expr }
  | { c: 'try'; body: Cmd[]; exVar: string; handler: Cmd[] }
);

const COMMANDS: Record<string, string> = {
  w: 'write',
  write: 'write',
  s: 'set',
  set: 'set',
  d: 'do',
  do: 'do',
  i: 'if',
  if: 'if',
  h: 'halt',
  halt: 'halt',
  hang: 'hang',
  q: 'quit',
  quit: 'quit',
  ret: 'quit',
  return: 'quit',
  k: 'kill',
  kill: 'kill',
  zpm: 'zpm',
  throw: 'throw',
  while: 'while',
  f: 'for',
  for: 'for',
  try: 'try',
};

const BINARY = ['_', '+', '-', '*', '/', '\\', '#', '=', '<', '>', '&', '!', '[', ']', '<=', '>=', '&&', '||'];

export class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }
  private eof(): boolean {
    return this.pos >= this.src.length;
  }
  private fail(): never {
    throw new IrisError('SYNTAX');
  }
  private expect(ch: string): void {
    if (this.src.startsWith(ch, this.pos)) this.pos += ch.length;
    else this.fail();
  }

  /** Skips blanks, newlines and comments (// ; #;) between commands. */
  private skipSpaceAndComments(): void {
    for (;;) {
      while (/[ \t\r\n]/.test(this.peek())) this.pos++;
      if (this.src.startsWith('//', this.pos) || this.peek() === ';' || this.src.startsWith('#;', this.pos)) {
        while (!this.eof() && this.peek() !== '\n') this.pos++;
        continue;
      }
      if (this.src.startsWith('/*', this.pos)) {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.src.length : end + 2;
        continue;
      }
      return;
    }
  }

  private skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  /** A command line or a block body: commands until end of input or an unmatched "}". */
  parseCommands(inBlock = false): Cmd[] {
    const out: Cmd[] = [];
    for (;;) {
      this.skipSpaceAndComments();
      if (this.eof()) {
        if (inBlock) this.fail();
        return out;
      }
      if (this.peek() === '}') {
        if (!inBlock) this.fail();
        return out;
      }
      out.push(this.parseCommand());
    }
  }

  private parseBlock(): Cmd[] {
    this.skipSpaceAndComments();
    this.expect('{');
    const body = this.parseCommands(true);
    this.expect('}');
    return body;
  }

  /** Whether the argument list is absent (argumentless command): end, "}" or two blanks. */
  private argumentless(): boolean {
    if (this.eof() || this.peek() === '}' || /[\r\n]/.test(this.peek())) return true;
    if (this.peek() === ' ' && (this.peek(1) === ' ' || this.peek(1) === '' || /[\r\n}]/.test(this.peek(1))))
      return true;
    return false;
  }

  private parseCommand(): Cmd {
    const m = /^[A-Za-z]+/.exec(this.src.slice(this.pos));
    if (!m) this.fail();
    const word = m[0].toLowerCase();
    const name = COMMANDS[word];
    if (!name) this.fail();
    this.pos += m[0].length;
    let post: Expr | undefined;
    if (this.peek() === ':') {
      this.pos++;
      post = this.parseExpr();
    }
    const cmd = this.parseCommandBody(name);
    if (post) cmd.post = post;
    if (!this.eof() && !/[ \t\r\n}]/.test(this.peek())) this.fail();
    return cmd;
  }

  private parseCommandBody(name: string): Cmd {
    if (name === 'halt' || name === 'quit' || name === 'try') {
      if (name === 'try') return this.parseTry();
      if (this.argumentless()) return name === 'halt' ? { c: 'halt' } : { c: 'quit' };
      this.expect(' ');
      if (name === 'halt') return { c: 'hang', secs: this.parseExpr() };
      return { c: 'quit', value: this.parseExpr() };
    }
    if (name === 'hang') {
      this.expect(' ');
      return { c: 'hang', secs: this.parseExpr() };
    }
    this.expect(' ');
    switch (name) {
      case 'write':
        return { c: 'write', items: this.list(() => this.parseWriteItem()) };
      case 'set':
        return { c: 'set', pairs: this.list(() => this.parseSetPair()) };
      case 'do':
        return { c: 'do', calls: this.list(() => this.parseDoArg()) };
      case 'kill':
        return { c: 'kill', targets: this.list(() => this.parseTarget()) };
      case 'zpm':
        return { c: 'zpm', args: this.sepList(':', () => this.parseExpr()) };
      case 'throw':
        return { c: 'throw', value: this.parseExpr() };
      case 'while': {
        const cond = this.parseExpr();
        return { c: 'while', cond, body: this.parseBlock() };
      }
      case 'for':
        return this.parseFor();
      case 'if':
        return this.parseIf();
      default:
        this.fail();
    }
  }

  private parseTry(): Cmd {
    const body = this.parseBlock();
    this.skipSpaceAndComments();
    const m = /^catch\s*(\(\s*)?([A-Za-z%][A-Za-z0-9]*)?\s*\)?/i.exec(this.src.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return { c: 'try', body, exVar: m[2] ?? '', handler: this.parseBlock() };
  }

  private parseFor(): Cmd {
    if (this.peek() === '{' || (this.peek() === ' ' && this.peek(1) === '{'))
      return { c: 'loop', body: this.parseBlock() };
    const m = /^([A-Za-z%][A-Za-z0-9]*)=/.exec(this.src.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    const from = this.parseExpr();
    this.expect(':');
    const step = this.parseExpr();
    this.expect(':');
    const to = this.parseExpr();
    return { c: 'for', v: m[1]!, from, step, to, body: this.parseBlock() };
  }

  private parseIf(): Cmd {
    const conds = this.list(() => this.parseExpr());
    const then = this.parseBlock();
    const elifs: { conds: Expr[]; body: Cmd[] }[] = [];
    let elseBody: Cmd[] | undefined;
    for (;;) {
      const save = this.pos;
      this.skipSpaceAndComments();
      const m = /^(elseif|else)\b/i.exec(this.src.slice(this.pos));
      if (!m) {
        this.pos = save;
        break;
      }
      this.pos += m[0].length;
      if (m[1]!.toLowerCase() === 'elseif') {
        this.skipBlanks();
        const c = this.list(() => this.parseExpr());
        elifs.push({ conds: c, body: this.parseBlock() });
      } else {
        elseBody = this.parseBlock();
        break;
      }
    }
    return { c: 'if', conds, then, elifs, ...(elseBody ? { else: elseBody } : {}) };
  }

  private list<T>(item: () => T): T[] {
    return this.sepList(',', item);
  }

  private sepList<T>(sep: string, item: () => T): T[] {
    const out = [item()];
    while (this.peek() === sep) {
      this.pos++;
      out.push(item());
    }
    return out;
  }

  private parseWriteItem(): WriteItem {
    if (this.peek() === '!') {
      this.pos++;
      return { k: 'newline' };
    }
    if (this.peek() === '#' && this.peek(1) !== '#') {
      this.pos++;
      return { k: 'formfeed' };
    }
    if (this.peek() === '?') {
      this.pos++;
      return { k: 'tab', col: this.parseAtom() };
    }
    return { k: 'expr', e: this.parseExpr() };
  }

  private parseSetPair(): { target: Target; value: Expr } {
    const target = this.parseTarget();
    this.skipBlanks();
    this.expect('=');
    this.skipBlanks();
    return { target, value: this.parseExpr() };
  }

  private parseDoArg(): Expr {
    const e = this.parseAtom();
    if (!['classcall', 'system', 'invoke', 'macro'].includes(e.k)) this.fail();
    return e;
  }

  parseTarget(): Target {
    const e = this.parseAtom();
    if (e.k === 'local' || e.k === 'global' || e.k === 'prop' || e.k === 'indirect') return e;
    if (e.k === 'special' && e.name === 'namespace') return e;
    this.fail();
  }

  /** ObjectScript evaluates binary operators strictly left to right. */
  parseExpr(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const before = this.pos;
      this.skipBlanks();
      const spaced = this.pos > before;
      const op = this.peekBinary();
      // Blanks may surround an operator (a _ b); after blanks, "//", "#;" and "!" start no operator.
      if (
        !op ||
        (spaced && (this.src.startsWith('//', this.pos) || this.src.startsWith('#;', this.pos) || op === '!'))
      ) {
        this.pos = before;
        return left;
      }
      this.pos += op.length;
      this.skipBlanks();
      const right = this.parseUnary();
      left = { k: 'bin', op, l: left, r: right };
    }
  }

  private peekBinary(): string | undefined {
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === "'=" || two === "'<" || two === "'>" || two === "'[" || two === "']") return two;
    if (['<=', '>=', '&&', '||', ']]'].includes(two)) return two;
    const one = this.peek();
    if (BINARY.includes(one)) return one;
    return undefined;
  }

  private parseUnary(): Expr {
    const ch = this.peek();
    if (ch === "'" || ch === '-' || ch === '+') {
      this.pos++;
      return { k: 'un', op: ch, e: this.parseUnary() };
    }
    return this.parseAtom();
  }

  private parseArgs(): Expr[] {
    this.expect('(');
    const args: Expr[] = [];
    this.skipBlanks();
    if (this.peek() === ')') {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipBlanks();
      if (this.peek() === ',' || this.peek() === ')') args.push({ k: 'omit' });
      else if (this.peek() === '.' && /[A-Za-z%]/.test(this.peek(1))) {
        this.pos++;
        args.push({ k: 'byref', name: this.name() });
      } else args.push(this.parseExpr());
      this.skipBlanks();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      this.expect(')');
      return args;
    }
  }

  private name(): string {
    const m = /^[A-Za-z%][A-Za-z0-9]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  /** `|<env>|` of an extended reference (^|"^^/dir/"|Name, ^$|env|GLOBAL); process-private ^|| is not supported. */
  private extendedEnvironment(): Expr | undefined {
    if (this.peek() !== '|') return undefined;
    if (this.src[this.pos + 1] === '|') this.fail();
    this.pos++;
    const env = this.parsePrimary();
    this.expect('|');
    return env;
  }

  private dottedName(): string {
    const m = /^[A-Za-z%][A-Za-z0-9.]*[A-Za-z0-9]|^[A-Za-z%]/.exec(this.src.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  private parseSubs(): Expr[] {
    return this.peek() === '(' ? this.parseArgs() : [];
  }

  private parseAtom(): Expr {
    const e = this.parsePrimary();
    return this.parseMembers(e);
  }

  /** obj.Prop, obj.Method(args), chained. */
  private parseMembers(e: Expr): Expr {
    let cur = e;
    while (this.peek() === '.' && /[A-Za-z%]/.test(this.peek(1))) {
      this.pos++;
      const member = this.name();
      if (this.peek() === '(') cur = { k: 'invoke', obj: cur, name: member, args: this.parseArgs() };
      else cur = { k: 'prop', obj: cur, name: member };
    }
    return cur;
  }

  private parsePrimary(): Expr {
    const ch = this.peek();
    if (ch === '"') return { k: 'str', v: this.stringLiteral() };
    if (/[0-9.]/.test(ch) && /[0-9]/.test(ch === '.' ? this.peek(1) : ch)) {
      const m = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      return { k: 'num', v: m[0] };
    }
    if (ch === '(') {
      this.pos++;
      const e = this.parseExpr();
      this.expect(')');
      return e;
    }
    if (ch === '[' || ch === '{') return { k: 'json', v: this.jsonLiteral() };
    if (this.src.startsWith('^$', this.pos)) {
      this.pos += 2;
      const env = this.extendedEnvironment();
      const m = /^(GLOBAL|G)\b/i.exec(this.src.slice(this.pos));
      if (!m) this.fail();
      this.pos += m[0].length;
      return { k: 'sysglobal', subs: this.parseSubs(), ...(env ? { env } : {}) };
    }
    if (ch === '@') {
      this.pos++;
      return { k: 'indirect', e: this.parsePrimary() };
    }
    if (ch === '^') {
      this.pos++;
      const env = this.extendedEnvironment();
      const name = this.dottedName();
      return { k: 'global', name, subs: this.parseSubs(), ...(env ? { env } : {}) };
    }
    if (this.src.startsWith('##class(', this.pos)) {
      this.pos += 8;
      const cls = this.dottedName();
      this.expect(').');
      const method = this.name();
      return { k: 'classcall', cls, method, args: this.peek() === '(' ? this.parseArgs() : [] };
    }
    if (this.src.startsWith('..', this.pos) && /[A-Za-z%]/.test(this.peek(2))) {
      this.pos += 2;
      const method = this.name();
      if (this.peek() !== '(') this.fail();
      return { k: 'classcall', cls: '', method, args: this.parseArgs() };
    }
    if (this.src.startsWith('$$$', this.pos)) {
      this.pos += 3;
      const name = this.name();
      return { k: 'macro', name, args: this.peek() === '(' ? this.parseArgs() : [] };
    }
    if (ch === '$') {
      this.pos++;
      const name = this.name().toLowerCase();
      if (name === 'system') {
        const path: string[] = [];
        while (this.peek() === '.') {
          this.pos++;
          path.push(this.name());
        }
        if (path.length < 2) this.fail();
        return { k: 'system', path, args: this.peek() === '(' ? this.parseArgs() : [] };
      }
      if ((name === 'select' || name === 's') && this.peek() === '(') return this.parseSelect();
      if (this.peek() === '(') return { k: 'func', name, args: this.parseArgs() };
      return { k: 'special', name };
    }
    if (/[A-Za-z%]/.test(ch)) {
      const name = this.name();
      return { k: 'local', name, subs: this.parseSubs() };
    }
    this.fail();
  }

  private parseSelect(): Expr {
    this.expect('(');
    const pairs: { cond: Expr; value: Expr }[] = [];
    for (;;) {
      this.skipBlanks();
      const cond = this.parseExpr();
      this.expect(':');
      const value = this.parseExpr();
      pairs.push({ cond, value });
      this.skipBlanks();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      this.expect(')');
      return { k: 'select', pairs };
    }
  }

  private stringLiteral(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      if (this.eof()) this.fail();
      const c = this.src[this.pos++]!;
      if (c === '"') {
        if (this.peek() === '"') {
          out += '"';
          this.pos++;
          continue;
        }
        return out;
      }
      out += c;
    }
  }

  /** A JSON array/object literal ([...] / {...}) with JSON string syntax, as in GetOrderedMethods. */
  private jsonLiteral(): unknown {
    const start = this.pos;
    let depth = 0;
    let inStr = false;
    for (; !this.eof(); this.pos++) {
      const c = this.peek();
      if (inStr) {
        if (c === '\\') this.pos++;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === '"') inStr = true;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          this.pos++;
          try {
            return JSON.parse(this.src.slice(start, this.pos));
          } catch {
            this.fail();
          }
        }
      }
    }
    this.fail();
  }
}

export function parseLine(src: string): Cmd[] {
  return new Parser(src).parseCommands(false);
}
