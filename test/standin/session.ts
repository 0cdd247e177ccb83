// The ObjectScript session: `iris session IRIS -U <NS>` reading one command line per stdin line,
// printing the "<NS>>" prompt as IRIS does in a piped session, surviving runtime errors (which it
// prints as <NAME> *detail) and ending on halt, end of input, or $system.Process.Terminate.
import { hostname } from 'node:os';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { type Cmd, type Expr, type Target, parseLine, Parser } from './parser.js';
import {
  type IrisObject,
  type Value,
  IrisError,
  IrisException,
  OK,
  SessionEnd,
  StatusError,
  bool,
  canon,
  isObject,
  isStatusError,
  statusText,
  str,
  toNum,
  truthy,
} from './values.js';
import { type Instance, irisVersion, zversion } from './instance.js';
import { LineReader, Terminal, sleepSync } from './io.js';
import { parseUdl } from './udl.js';
import { invokeDictionary, openDictionary } from './dictionary.js';
import { CODE_GLOBALS_OF_CLASSES, extendedPrefix, globalDatabase } from './global-routing.js';
import { type Ref, dataOf, formatRef, formatSubscript, globalNames, orderNext, queryNext } from './globals.js';
import { sqlQuery } from './sql.js';
import { bytesOf, listBuild } from './lists.js';
import type { IpmShell } from './ipm.js';
import { installerSetup, loadClassFile } from './ipm-source-install.js';

/** A local or global variable; a global carries the database it reaches (global-routing.ts). */
interface VarRef {
  global: boolean;
  ref: Ref;
  db?: string;
  /** Extended reference environment, e.g. "^^/usr/irissys/mgr/user/". */
  env?: string;
}
export interface Frame {
  locals: Map<string, Value>;
  /** The class whose method runs (for ..Method() calls). */
  cls?: string;
}

/** Signals `quit`/`return` out of a block or method. */
class Quit {
  constructor(readonly value: Value | undefined) {}
}

export interface AssertionLog {
  record(passed: boolean, action: string, description: string): void;
}

function newFrame(): Frame {
  return { locals: new Map() };
}

function dynamicArray(items: unknown[]): IrisObject & { items: unknown[] } {
  return { className: '%Library.DynamicArray', props: {}, items };
}

export class Session {
  namespace: string;
  readonly term: Terminal;
  readonly input: LineReader;
  ipm!: IpmShell;
  assertions: AssertionLog | undefined;
  private readonly top = newFrame();

  constructor(
    readonly instance: Instance,
    namespace: string,
    opts: { term?: Terminal; input?: LineReader } = {},
  ) {
    this.namespace = namespace;
    this.term = opts.term ?? new Terminal();
    this.input = opts.input ?? new LineReader();
  }

  get env(): NodeJS.ProcessEnv {
    return this.instance.env;
  }

  /** Reads and runs lines until halt/terminate/end of input; returns the exit status. */
  run(): number {
    const exitAfter = Number(this.env.STANDIN_FAULT_EXIT_AFTER_LINES ?? '0');
    const hangOn = this.env.STANDIN_FAULT_HANG_ON ?? '';
    this.term.write(`\nNode: ${hostname()}, Instance: IRIS\n\n`);
    for (;;) {
      this.term.freshLine();
      this.term.write(`${this.namespace}>`);
      const line = this.input.readLine();
      if (line === undefined) {
        this.term.freshLine();
        return 0;
      }
      if (this.breaks('piped-session-no-echo')) this.term.write(`${line}\n`);
      if (exitAfter > 0 && this.input.linesRead > exitAfter) {
        this.instance.log(`Session ${process.pid} killed (STANDIN_FAULT_EXIT_AFTER_LINES=${exitAfter})`);
        process.kill(process.pid, 'SIGKILL');
      }
      if (hangOn && line.includes(hangOn)) {
        for (;;) sleepSync(60_000);
      }
      try {
        this.runLine(line, this.top);
      } catch (e) {
        if (e instanceof SessionEnd) {
          this.term.freshLine();
          return e.exitCode;
        }
        throw e;
      }
    }
  }

  /** Runs one command line; an ObjectScript error is printed and the session goes on. */
  runLine(line: string, frame: Frame): void {
    try {
      this.execute(parseLine(line), frame);
    } catch (e) {
      if (e instanceof SessionEnd) throw e;
      if (e instanceof Quit) return;
      this.reportError(e);
    }
  }

  /** STANDIN_FAULT_ASSUMPTION=<name>: behave against that named assumption (docs/iris-surface.md). */
  breaks(assumption: string): boolean {
    return this.env.STANDIN_FAULT_ASSUMPTION === assumption;
  }

  reportError(e: unknown): void {
    if (e instanceof IrisError) {
      this.term.freshLine();
      if (this.breaks('direct-mode-error-format')) this.term.write(`ERROR: ${e.message.replace(/^<([^>]*)>/, '$1')}\n`);
      else this.term.write(`${e.message}\n`);
    } else if (e instanceof IrisException) {
      this.term.freshLine();
      this.term.write(`<THROW> *%Exception.StatusException ${statusText(e.status)}\n`);
    } else throw e;
  }

  /** Runs a method body (lines of a class method) in a fresh frame; returns what it quits with. */
  runBody(lines: string[], where: string, frame: Frame = newFrame()): Value {
    let cmds: Cmd[];
    try {
      cmds = new Parser(lines.join('\n')).parseCommands(false);
    } catch (e) {
      if (e instanceof IrisError) throw new IrisError(e.errorName, where);
      throw e;
    }
    try {
      this.execute(cmds, frame);
    } catch (e) {
      if (e instanceof Quit) return e.value ?? '';
      throw e;
    }
    return '';
  }

  execute(cmds: Cmd[], frame: Frame): void {
    for (const cmd of cmds) {
      if (cmd.post && !truthy(this.eval(cmd.post, frame))) continue;
      this.executeOne(cmd, frame);
    }
  }

  private executeOne(cmd: Cmd, frame: Frame): void {
    switch (cmd.c) {
      case 'write':
        for (const item of cmd.items) {
          if (item.k === 'newline') this.term.write('\n');
          else if (item.k === 'formfeed') this.term.write('\f');
          else if (item.k === 'tab') {
            const col = toNum(this.eval(item.col, frame));
            if (col > this.term.column) this.term.write(' '.repeat(col - this.term.column));
          } else this.term.write(str(this.eval(item.e, frame)));
        }
        return;
      case 'set':
        for (const { target, value } of cmd.pairs) this.assign(target, this.eval(value, frame), frame);
        return;
      case 'do':
        for (const call of cmd.calls) this.eval(call, frame);
        return;
      case 'if': {
        if (cmd.conds.every((c) => truthy(this.eval(c, frame)))) return this.execute(cmd.then, frame);
        for (const elif of cmd.elifs) {
          if (elif.conds.every((c) => truthy(this.eval(c, frame)))) return this.execute(elif.body, frame);
        }
        if (cmd.else) this.execute(cmd.else, frame);
        return;
      }
      case 'while':
        for (let guard = 0; truthy(this.eval(cmd.cond, frame)); guard++) {
          if (guard > 1_000_000) throw new IrisError('MAXLOOP');
          if (!this.loopBody(cmd.body, frame)) return;
        }
        return;
      case 'loop':
        for (let guard = 0; ; guard++) {
          if (guard > 1_000_000) throw new IrisError('MAXLOOP');
          if (!this.loopBody(cmd.body, frame)) return;
        }
      case 'for': {
        const step = toNum(this.eval(cmd.step, frame));
        const to = toNum(this.eval(cmd.to, frame));
        for (let i = toNum(this.eval(cmd.from, frame)); step >= 0 ? i <= to : i >= to; i += step) {
          frame.locals.set(cmd.v, canon(i));
          if (!this.loopBody(cmd.body, frame)) return;
        }
        return;
      }
      case 'halt':
        throw new SessionEnd(0);
      case 'hang':
        sleepSync(Math.min(toNum(this.eval(cmd.secs, frame)), 3600) * 1000);
        return;
      case 'quit':
        throw new Quit(cmd.value ? this.eval(cmd.value, frame) : undefined);
      case 'kill':
        for (const t of cmd.targets) this.kill(t, frame);
        return;
      case 'zpm': {
        if (!this.instance.ipm(this.namespace)) throw new IrisError('SYNTAX');
        const args = cmd.args.map((a) => this.eval(a, frame));
        this.ipmShellCall(str(args[0] ?? ''), truthy(args[1] ?? '0'), truthy(args[2] ?? '0'));
        return;
      }
      case 'throw': {
        const v = this.eval(cmd.value, frame);
        if (isObject(v) && isStatusError(v.props.__status ?? ''))
          throw new IrisException(v.props.__status as StatusError);
        throw new IrisException(isStatusError(v) ? v : StatusError.general(str(v)));
      }
      case 'try':
        try {
          this.execute(cmd.body, frame);
        } catch (e) {
          if (!(e instanceof IrisException) && !(e instanceof IrisError)) throw e;
          const status = e instanceof IrisException ? e.status : StatusError.general(e.message);
          if (cmd.exVar) frame.locals.set(cmd.exVar, exceptionObject(status));
          this.execute(cmd.handler, frame);
        }
        return;
    }
  }

  /** Runs a loop body; false when an argumentless quit ended the loop. */
  private loopBody(body: Cmd[], frame: Frame): boolean {
    try {
      this.execute(body, frame);
      return true;
    } catch (e) {
      if (e instanceof Quit && e.value === undefined) return false;
      throw e;
    }
  }

  /** %IPM.Main:Shell(cmd, terminateOnError, haltOnComplete) (contract section 5). */
  ipmShellCall(command: string, terminateOnError: boolean, haltOnComplete: boolean): Value {
    const status = this.ipm.shell(command);
    if (isStatusError(status) && terminateOnError) throw new SessionEnd(1);
    if (haltOnComplete) throw new SessionEnd(0);
    return status;
  }

  /** The variable a local/global/indirect expression names. */
  resolveRef(e: Expr | Target, frame: Frame): VarRef {
    if (e.k === 'indirect') {
      const text = str(this.eval(e.e, frame));
      let target: Target;
      try {
        target = new Parser(text).parseTarget();
      } catch {
        throw new IrisError('SYNTAX');
      }
      return this.resolveRef(target, frame);
    }
    if (e.k === 'local') return { global: false, ref: { name: e.name, subs: this.evalAll(e.subs, frame).map(str) } };
    if (e.k === 'global') {
      const env = e.env ? str(this.eval(e.env, frame)) : undefined;
      const name = `^${e.name}`;
      const db = globalDatabase(this.instance, this.namespace, name, env);
      const ref = { name, subs: this.evalAll(e.subs, frame).map(str) };
      return env === undefined ? { global: true, ref, db } : { global: true, ref, db, env };
    }
    throw new IrisError('SYNTAX');
  }

  private variableKeys(v: VarRef, frame: Frame): Iterable<string> {
    if (!v.global) return frame.locals.keys();
    const content = this.instance.read(v.db ?? this.globalsDb());
    const keys = Object.keys(content.globals);
    // ^oddDEF(<class>): one node per class defined in the database (the stand-in keeps classes as records).
    if (v.ref.name === '^oddDEF')
      keys.push(...Object.keys(content.classes).map((c) => formatRef({ name: '^oddDEF', subs: [c] })));
    return keys;
  }

  private readVar(v: VarRef, frame: Frame): Value | undefined {
    const key = formatRef(v.ref);
    return v.global ? this.instance.read(v.db ?? this.globalsDb()).globals[key] : frame.locals.get(key);
  }

  private writeVar(v: VarRef, value: Value, frame: Frame): void {
    const key = formatRef(v.ref);
    if (v.global) this.instance.update(v.db ?? this.globalsDb(), (c) => void (c.globals[key] = str(value)));
    else frame.locals.set(key, value);
  }

  private assign(target: Target, value: Value, frame: Frame): void {
    switch (target.k) {
      case 'local':
      case 'global':
      case 'indirect':
        this.writeVar(this.resolveRef(target, frame), value, frame);
        return;
      case 'special':
        this.switchNamespace(str(value));
        return;
      case 'prop': {
        const obj = this.eval(target.obj, frame);
        if (!isObject(obj)) throw new IrisError('INVALID OREF');
        obj.props[target.name] = value;
        return;
      }
    }
  }

  private kill(target: Target, frame: Frame): void {
    const v = this.resolveRef(target, frame);
    const key = formatRef(v.ref);
    const prefix = key.endsWith(')') ? key.slice(0, -1) + ',' : key + '(';
    const doomed = (k: string): boolean => k === key || k.startsWith(prefix);
    if (v.global) {
      this.instance.update(v.db ?? this.globalsDb(), (c) => {
        for (const k of Object.keys(c.globals)) if (doomed(k)) delete c.globals[k];
      });
    } else for (const k of [...frame.locals.keys()]) if (doomed(k)) frame.locals.delete(k);
  }

  switchNamespace(ns: string): void {
    const canonical = this.instance.canonicalNamespace(ns);
    if (!canonical) throw new IrisError('NAMESPACE', ns);
    this.namespace = canonical;
  }

  globalsDb(): string {
    return this.instance.namespace(this.namespace)!.globals;
  }

  routinesDb(): string {
    return this.instance.namespace(this.namespace)!.routines;
  }

  evalAll(exprs: Expr[], frame: Frame): Value[] {
    return exprs.map((e) => this.eval(e, frame));
  }

  eval(e: Expr, frame: Frame): Value {
    switch (e.k) {
      case 'str':
        return e.v;
      case 'num':
        return canon(Number(e.v));
      case 'local':
      case 'global':
      case 'indirect': {
        const ref = this.resolveRef(e, frame);
        const v = this.readVar(ref, frame);
        if (v === undefined) throw new IrisError('UNDEFINED', formatRef(ref.ref));
        return v;
      }
      case 'sysglobal':
        throw new IrisError('SYNTAX');
      case 'select': {
        for (const p of e.pairs) if (truthy(this.eval(p.cond, frame))) return this.eval(p.value, frame);
        throw new IrisError('SELECT');
      }
      case 'special':
        return this.special(e.name);
      case 'func':
        return this.func(e.name, e.args, frame);
      case 'system':
        return this.system(e.path, e.args, frame);
      case 'classcall':
        return this.classCall(e.cls, e.method, e.args, frame);
      case 'prop': {
        const obj = this.eval(e.obj, frame);
        if (!isObject(obj)) throw new IrisError('INVALID OREF');
        const v = obj.props[e.name];
        if (v === undefined) throw new IrisError('PROPERTY DOES NOT EXIST', `${e.name},${obj.className}`);
        return v;
      }
      case 'invoke':
        return this.invoke(this.eval(e.obj, frame), e.name, e.args, frame);
      case 'bin':
        return binary(e.op, this.eval(e.l, frame), this.eval(e.r, frame));
      case 'un': {
        const v = this.eval(e.e, frame);
        if (e.op === "'") return bool(!truthy(v));
        return canon(e.op === '-' ? -toNum(v) : toNum(v));
      }
      case 'byref':
        return frame.locals.get(e.name) ?? '';
      case 'macro':
        return this.macro(e.name, e.args, frame);
      case 'json':
        return Array.isArray(e.v) ? dynamicArray(e.v) : { className: '%Library.DynamicObject', props: {} };
      case 'omit':
        return '';
    }
  }

  private special(name: string): Value {
    switch (name) {
      case 'namespace':
        return this.namespace;
      case 'zversion':
      case 'zv':
        return zversion(this.env);
      case 'job':
      case 'j':
        return String(process.pid);
      case 'horolog':
      case 'h':
        return horolog(new Date());
      case 'username':
        return 'irisowner';
      case 'test':
      case 't':
        return '1';
      default:
        throw new IrisError('SYNTAX');
    }
  }

  private func(name: string, args: Expr[], frame: Frame): Value {
    const arg = (i: number): Value => this.eval(args[i] ?? { k: 'omit' }, frame);
    switch (name) {
      case 'get':
      case 'g':
        try {
          return this.eval(args[0]!, frame);
        } catch (e) {
          if (e instanceof IrisError && e.errorName === 'UNDEFINED') return args[1] ? arg(1) : '';
          throw e;
        }
      case 'data':
      case 'd': {
        const v = this.resolveRef(args[0] ?? { k: 'omit' }, frame);
        return String(dataOf(this.variableKeys(v, frame), v.ref));
      }
      case 'increment':
      case 'i': {
        const v = this.resolveRef(args[0] ?? { k: 'omit' }, frame);
        const next = canon(toNum(this.readVar(v, frame) ?? '0') + (args[1] ? toNum(arg(1)) : 1));
        this.writeVar(v, next, frame);
        return next;
      }
      case 'order':
      case 'o': {
        const dir = args[1] && toNum(arg(1)) === -1 ? -1 : 1;
        const target = args[0];
        if (target?.k === 'sysglobal') {
          if (this.breaks('global-directory')) return '';
          const from = str(this.eval(target.subs[0] ?? { k: 'str', v: '' }, frame));
          const db = target.env
            ? globalDatabase(this.instance, this.namespace, '^', str(this.eval(target.env, frame)))
            : this.globalsDb();
          const content = this.instance.read(db);
          const code = Object.keys(content.classes).length > 0 ? CODE_GLOBALS_OF_CLASSES : [];
          const names = [...new Set([...globalNames(Object.keys(content.globals)), ...code])].sort();
          if (dir === -1) names.reverse();
          return names.find((n) => (from === '' ? true : dir === 1 ? n > from : n < from)) ?? '';
        }
        const v = this.resolveRef(target ?? { k: 'omit' }, frame);
        return orderNext(this.variableKeys(v, frame), v.ref, dir);
      }
      case 'query':
      case 'q': {
        const v = this.resolveRef(args[0] ?? { k: 'omit' }, frame);
        const next = queryNext(this.variableKeys(v, frame), v.ref);
        // $QUERY of an extended reference returns extended references.
        return next === '' ? '' : `^${extendedPrefix(v.env).slice(1)}${next.slice(1)}`;
      }
      case 'fnumber':
      case 'fn': {
        const n = toNum(arg(0));
        const format = str(arg(1));
        const digits = args[2] ? toNum(arg(2)) : undefined;
        const fixed = digits === undefined ? canon(Math.abs(n)) : Math.abs(n).toFixed(digits);
        const [int, frac] = fixed.split('.');
        const grouped = format.includes(',') ? (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') : (int ?? '');
        return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? '.' + frac : ''}`;
      }
      case 'isobject':
        return bool(isObject(arg(0)));
      case 'classmethod':
        return this.classCall(str(arg(0)), str(arg(1)), args.slice(2), frame);
      case 'listbuild':
      case 'lb':
        return listBuild(args.map((_, i) => str(arg(i))));
      case 'length':
      case 'l':
        if (args[1]) return String(str(arg(0)).split(str(arg(1))).length);
        return String(str(arg(0)).length);
      case 'extract':
      case 'e': {
        const v = str(arg(0));
        const from = args[1] ? toNum(arg(1)) : 1;
        const to = args[2] ? toNum(arg(2)) : from;
        return v.slice(Math.max(from, 1) - 1, Math.max(to, 0));
      }
      case 'char':
      case 'c':
        return args.map((_, i) => String.fromCharCode(toNum(arg(i)))).join('');
      case 'piece':
      case 'p': {
        const parts = str(arg(0)).split(str(arg(1)));
        return parts[(args[2] ? toNum(arg(2)) : 1) - 1] ?? '';
      }
      case 'zconvert':
      case 'zcvt': {
        const mode = str(arg(1)).toUpperCase();
        if (mode === 'O' && /^UTF-?8$/i.test(str(arg(2)))) return Buffer.from(str(arg(0)), 'utf8').toString('latin1');
        if (mode === 'I' && /^UTF-?8$/i.test(str(arg(2)))) return Buffer.from(str(arg(0)), 'latin1').toString('utf8');
        return mode === 'U' ? str(arg(0)).toUpperCase() : mode === 'L' ? str(arg(0)).toLowerCase() : str(arg(0));
      }
      default:
        throw new IrisError('FUNCTION');
    }
  }

  private system(path: string[], args: Expr[], frame: Frame): Value {
    const [cls, method] = [path[0]!.toLowerCase(), path.slice(1).join('.').toLowerCase()];
    const arg = (i: number): Value => this.eval(args[i] ?? { k: 'omit' }, frame);
    const key = `${cls}.${method}`;
    switch (key) {
      case 'version.getmajor':
        return irisVersion(this.env).major;
      case 'version.getminor':
        return irisVersion(this.env).minor;
      case 'version.getnumber':
        return irisVersion(this.env).number;
      case 'util.getenviron':
        return this.env[str(arg(0))] ?? '';
      case 'cls.ismthd':
        return bool(this.isMethod(str(arg(0)), str(arg(1))));
      case 'process.terminate':
        this.term.freshLine();
        throw new SessionEnd(this.breaks('exit-status-terminate') ? 0 : args[1] ? toNum(arg(1)) : 0);
      case 'obj.displayerror': {
        const sc = arg(0);
        if (isStatusError(sc)) {
          this.term.freshLine();
          for (const err of sc.errors) this.term.write(`ERROR #${err.code}: ${err.text}\n`);
        }
        return OK;
      }
      case 'obj.getpackagelist': {
        // $system.OBJ.GetPackageList(.list, package): list(<class>)="" for the package's classes.
        const target = args[0];
        if (!target || target.k !== 'byref') throw new IrisError('PARAMETER');
        const pkg = str(arg(1));
        for (const cls of this.instance.classesInNamespace(this.namespace))
          if (cls.toLowerCase().startsWith(pkg.toLowerCase() + '.') && !cls.endsWith('.INC'))
            frame.locals.set(`${target.name}(${formatSubscript(cls)})`, '');
        return OK;
      }
      case 'obj.load':
        if (/\.cls$/i.test(str(arg(0)))) return loadClassFile(this, str(arg(0)));
        return this.ipm.loadExport(str(arg(0)), str(arg(1)));
      case 'encryption.sha1hash':
        return createHash('sha1')
          .update(bytesOf(str(arg(0))))
          .digest()
          .toString('latin1');
      case 'encryption.base64encode':
        return bytesOf(str(arg(0))).toString('base64');
      case 'status.isok':
        return bool(!isStatusError(arg(0)));
      case 'status.iserror':
        return bool(isStatusError(arg(0)));
      case 'status.geterrortext': {
        const sc = arg(0);
        return isStatusError(sc) ? sc.errors.map((x) => `ERROR #${x.code}: ${x.text}`).join(' ') : '';
      }
      default:
        throw new IrisError('CLASS DOES NOT EXIST', `%SYSTEM.${path[0]}`);
    }
  }

  classCall(clsName: string, method: string, args: Expr[], frame: Frame): Value {
    const cls = clsName || frame.cls || '';
    if (!cls) throw new IrisError('SYNTAX');
    const m = method.toLowerCase();
    const arg = (i: number): Value => this.eval(args[i] ?? { k: 'omit' }, frame);
    switch (cls) {
      case '%Dictionary.CompiledClass':
      case '%Dictionary.ClassDefinition':
      case '%Dictionary.XDataDefinition':
        if (m === '%existsid' && cls !== '%Dictionary.XDataDefinition')
          return bool(this.instance.classExists(this.namespace, str(arg(0))));
        if (m === '%openid' && cls !== '%Dictionary.CompiledClass')
          return openDictionary(this.instance, this.namespace, cls, str(arg(0)));
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%SYS.Namespace':
        if (m === 'exists') return bool(this.instance.canonicalNamespace(str(arg(0))) !== undefined);
        // "<system>^<directory>" (IPM's Utils/Build.cls reads the directory from the second ^-piece).
        if (m === 'getroutinedest' || m === 'getglobaldest') {
          const ns = args[0] && args[0].k !== 'omit' ? str(arg(0)) : this.namespace;
          const cfg = this.instance.namespace(ns);
          if (!cfg) throw new IrisError('NAMESPACE', ns);
          const name = args[1] && args[1].k !== 'omit' ? str(arg(1)) : '';
          const db =
            m === 'getroutinedest'
              ? cfg.routines
              : globalDatabase(this.instance, ns, name.startsWith('^') ? name : `^${name}`);
          return `^${this.instance.databaseDir(db)}`;
        }
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%Exception.SQL':
        if (m === 'createfromsqlcode') {
          return exceptionObject(
            new StatusError([{ code: 5540, text: `SQLCODE: ${str(arg(0))} Message: ${str(arg(1))}` }]),
          );
        }
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%Exception.General':
        if (m === '%new') return exceptionObject(StatusError.general(str(arg(0))));
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%Library.RoutineMgr':
        if (m === 'exists') return bool(this.instance.classExists(this.namespace, str(arg(0))));
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%Library.File':
        if (m === 'exists') return bool(existsSync(str(arg(0))));
        // CreateDirectory/RemoveDirectory: 1 on success, 0 otherwise, as the process's own user.
        if (m === 'createdirectory' || m === 'removedirectory') {
          try {
            if (m === 'createdirectory') mkdirSync(str(arg(0)));
            else rmdirSync(str(arg(0)));
            return '1';
          } catch {
            return '0';
          }
        }
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%SQL.Statement':
        if (m === '%execdirect') return sqlQuery(this, str(arg(1)));
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
      case '%Library.DynamicArray':
      case '%DynamicArray':
        if (m === '%new') return dynamicArray([]);
        throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
    }
    if (cls.startsWith('%IPM.')) {
      if (!this.instance.classExists(this.namespace, cls)) throw new IrisError('CLASS DOES NOT EXIST', cls);
      return this.ipm.classMethod(cls, method, args, frame);
    }
    if (cls === 'IPM.Installer' && m === 'setup') return installerSetup(this, this.evalAll(args, frame));
    return this.userClassMethod(cls, method, this.evalAll(args, frame));
  }

  /** Runs a class method of a class compiled into this namespace (fixtures' own classes). */
  userClassMethod(cls: string, method: string, args: Value[] = []): Value {
    const found = this.instance.findClass(this.namespace, cls);
    if (!found) throw new IrisError('CLASS DOES NOT EXIST', cls);
    const udl = parseUdl(found.source, `${cls}.cls`);
    const def = udl.methods.get(method.toLowerCase());
    // GetOrderedMethods/GetOrderedMethodsPrimaryOnly are [Abstract] in %IPM.General.Update.VersionBase:
    // a step class that does not override one has no runnable method of that name.
    if (!def) throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
    const frame: Frame = { locals: new Map(), cls };
    def.params.forEach((p, i) => {
      if (i < args.length) frame.locals.set(p, args[i]!);
    });
    return this.runBody(this.expandMacros(def.body, udl.includes), `z${def.name}+1^${cls}.1`, frame);
  }

  /**
   * $system.CLS.IsMthd(class, method): 1 when the class has a runnable method of that name (its own
   * body; an abstract method inherited without an override is not one, Storage/Module.cls relies on it).
   */
  isMethod(cls: string, method: string): boolean {
    const found = this.instance.findClass(this.namespace, cls);
    if (!found) return false;
    return parseUdl(found.source, `${cls}.cls`).methods.has(method.toLowerCase());
  }

  /** Replaces $$$Name of the class's include files' argumentless #define lines (the preprocessor's job). */
  expandMacros(lines: string[], includes: string[]): string[] {
    const defs = new Map<string, string>();
    for (const inc of includes) {
      const found = this.instance.findClass(this.namespace, `${inc}.INC`);
      if (!found) throw new IrisError('SYNTAX', `include file ${inc} not found`);
      for (const line of found.source.split(/\r?\n/)) {
        const m = /^#define\s+([%A-Za-z][A-Za-z0-9]*)\s+(.*?)\s*$/.exec(line);
        if (m) defs.set(m[1]!, m[2]!);
      }
    }
    if (defs.size === 0) return lines;
    return lines.map((l) => l.replace(/\$\$\$([%A-Za-z][A-Za-z0-9]*)/g, (all, name: string) => defs.get(name) ?? all));
  }

  private invoke(obj: Value, name: string, _args: Expr[], _frame: Frame): Value {
    if (!isObject(obj)) throw new IrisError('INVALID OREF');
    const m = name.toLowerCase();
    if ('items' in obj && Array.isArray((obj as { items: unknown }).items)) {
      const items = (obj as unknown as { items: unknown[] }).items;
      if (m === '%size') return String(items.length);
      if (m === '%get') return String(items[toNum(this.eval(_args[0]!, _frame))] ?? '');
      if (m === '%tojson') return JSON.stringify(items);
    }
    if ('elements' in obj && Array.isArray((obj as { elements: unknown }).elements)) {
      // A relationship or list collection (%RelationshipObject, %ListOfObjects): Count(), GetAt(1-based).
      const elements = (obj as unknown as { elements: Value[] }).elements;
      if (m === 'count') return String(elements.length);
      if (m === 'getat') return elements[toNum(this.eval(_args[0]!, _frame)) - 1] ?? '';
    }
    if ('rows' in obj) {
      const rs = obj as unknown as { rows: Record<string, Value>[]; at: number };
      if (m === '%next') return bool(++rs.at < rs.rows.length);
      if (m === '%get') {
        const col = str(this.eval(_args[0]!, _frame));
        const row = rs.rows[rs.at];
        if (!row) return '';
        const key = Object.keys(row).find((k) => k.toLowerCase() === col.toLowerCase());
        return key === undefined ? '' : row[key]!;
      }
    }
    const dictionary = invokeDictionary(this.instance, obj, m, this.evalAll(_args, _frame));
    if (dictionary !== undefined) return dictionary;
    if (m === 'asstatus' && obj.className.startsWith('%Exception')) return obj.props.__status ?? OK;
    if (m === 'displaystring' && obj.className.startsWith('%Exception')) return str(obj.props.Name ?? '');
    throw new IrisError('METHOD DOES NOT EXIST', `${name},${obj.className}`);
  }

  private macro(name: string, args: Expr[], frame: Frame): Value {
    const arg = (i: number): Value => this.eval(args[i] ?? { k: 'omit' }, frame);
    switch (name) {
      case 'OK':
        return OK;
      case 'GeneralError':
        return '5001';
      case 'ERROR':
        return new StatusError([{ code: toNum(arg(0)), text: str(arg(1)) }]);
      case 'ISERR':
        return bool(isStatusError(arg(0)));
      case 'ISOK':
        return bool(!isStatusError(arg(0)));
      case 'ThrowOnError':
      case 'ThrowStatus': {
        const sc = arg(0);
        if (isStatusError(sc)) throw new IrisException(sc);
        return OK;
      }
      case 'AssertEquals':
      case 'AssertNotEquals':
      case 'AssertTrue':
      case 'AssertNotTrue':
      case 'AssertStatusOK': {
        let passed: boolean;
        let desc: string;
        if (name === 'AssertEquals' || name === 'AssertNotEquals') {
          const [a, b] = [str(arg(0)), str(arg(1))];
          passed = (a === b) === (name === 'AssertEquals');
          desc = args[2] ? str(arg(2)) : `${name}:${a}${name === 'AssertEquals' ? '==' : '!='}${b}`;
        } else if (name === 'AssertStatusOK') {
          passed = !isStatusError(arg(0));
          desc = args[1] ? str(arg(1)) : 'AssertStatusOK';
        } else {
          passed = truthy(arg(0)) === (name === 'AssertTrue');
          desc = args[1] ? str(arg(1)) : name;
        }
        this.assertions?.record(passed, name, desc);
        return bool(passed);
      }
      default:
        throw new IrisError('SYNTAX');
    }
  }
}

function exceptionObject(status: StatusError): IrisObject {
  return { className: '%Exception.StatusException', props: { __status: status, Name: statusText(status) } };
}

function binary(op: string, l: Value, r: Value): Value {
  switch (op) {
    case '_':
      return str(l) + str(r);
    case '+':
      return canon(toNum(l) + toNum(r));
    case '-':
      return canon(toNum(l) - toNum(r));
    case '*':
      return canon(toNum(l) * toNum(r));
    case '/':
      if (toNum(r) === 0) throw new IrisError('DIVIDE');
      return canon(toNum(l) / toNum(r));
    case '\\':
      if (toNum(r) === 0) throw new IrisError('DIVIDE');
      return canon(Math.trunc(toNum(l) / toNum(r)));
    case '#':
      return canon(((toNum(l) % toNum(r)) + toNum(r)) % toNum(r));
    case '=':
      return bool(str(l) === str(r));
    case "'=":
      return bool(str(l) !== str(r));
    case '<':
      return bool(toNum(l) < toNum(r));
    case '>':
      return bool(toNum(l) > toNum(r));
    case '<=':
    case "'>":
      return bool(toNum(l) <= toNum(r));
    case '>=':
    case "'<":
      return bool(toNum(l) >= toNum(r));
    case '&':
    case '&&':
      return bool(truthy(l) && truthy(r));
    case '!':
    case '||':
      return bool(truthy(l) || truthy(r));
    case '[':
      return bool(str(l).includes(str(r)));
    case "'[":
      return bool(!str(l).includes(str(r)));
    default:
      throw new IrisError('SYNTAX');
  }
}

export function horolog(d: Date): string {
  const days = Math.floor(d.getTime() / 86_400_000) + 47_117;
  const secs = Math.floor((d.getTime() % 86_400_000) / 1000);
  return `${days},${secs}`;
}
