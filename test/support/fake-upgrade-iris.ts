// An in-memory IRIS for unit tests of the upgrade scenarios: it answers the lines of
// src/pipeline/upgrade/objectscript.ts by matching their documented forms (as the stand-in
// does) and keeps per-namespace globals, module state and IPM's update-step table. IPM's
// update-step behaviour follows %IPM.Storage.Module:HandleAllUpdateSteps; faults can be injected.
import { createHash } from 'node:crypto';
import { parseSessionOutput } from '../../src/iris/output.js';
import type {
  LinesOutput,
  ReplaceableIris,
  SwapInfo,
  UpgradeEnvironment,
  UpgradeIris,
} from '../../src/pipeline/upgrade/ports.js';
import { IpmDbError } from '../../src/util/errors.js';
import type { Limiter } from '../../src/util/limiter.js';

type Globals = Map<string, Map<string, string>>;

export interface FakeRelease {
  version: string;
  /** step class -> ordered method names */
  steps: Record<string, string[]>;
  /** "Class:Method" -> what the step does to the globals */
  bodies: Record<string, (g: GlobalsApi) => void>;
  /** "Class:Method" -> what a seed or check method does / returns */
  methods: Record<string, (g: GlobalsApi) => string | void>;
  /** IRIS major.minor the package was built on */
  irisVersion: string;
}

export interface GlobalsApi {
  get(global: string, ref: string): string | undefined;
  set(global: string, ref: string, value: string): void;
  kill(global: string, ref?: string): void;
}

interface StepRow {
  start: string;
  end: string;
  ok: boolean;
}

interface Namespace {
  globals: Globals;
  module: { version: string; packaging: string } | null;
  release: FakeRelease | null;
  steps: Map<string, StepRow>;
  backups: number;
}

export interface Faults {
  /** Re-run every step already done on update (a migration run twice). */
  rerunDoneSteps?: boolean;
  /** Seed new steps on update instead of running them (a migration never run). */
  seedOnUpdate?: boolean;
  /** Drop this global during the update swap (a package that silently loses data). */
  dropGlobal?: string;
  /** Print no Backup: line. */
  noBackup?: boolean;
}

export class FakeIris implements UpgradeIris {
  readonly namespaces = new Map<string, Namespace>();
  readonly files = new Set<string>();
  readonly calls: string[] = [];
  /** Every call of this IRIS and of the others sharing the same timeline, in the order they happened. */
  timeline: string[] = [];
  /** How this IRIS names itself in the timeline. */
  label = 'iris';
  private clock = Date.UTC(2026, 0, 1, 10, 0, 0);
  private nsCounter = 0;

  protected record(call: string): void {
    this.calls.push(call);
    this.timeline.push(`${this.label}: ${call}`);
  }

  constructor(
    readonly irisVersion: string,
    /** host path -> release it installs */
    readonly packages: Record<string, FakeRelease>,
    readonly faults: Faults = {},
  ) {}

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('T', ' ').slice(0, 19);
  }

  private ns(name: string): Namespace {
    const ns = this.namespaces.get(name);
    if (!ns) throw new Error(`fake IRIS: no namespace ${name}`);
    return ns;
  }

  async createNamespace(): Promise<string> {
    const name = `USER-UPG${++this.nsCounter}`;
    this.namespaces.set(name, { globals: new Map(), module: null, release: null, steps: new Map(), backups: 0 });
    this.record(`create ${name}`);
    return name;
  }

  private api(ns: Namespace): GlobalsApi {
    return {
      get: (g, ref) => ns.globals.get(g)?.get(ref),
      set: (g, ref, value) => {
        if (!ns.globals.has(g)) ns.globals.set(g, new Map());
        ns.globals.get(g)!.set(ref, value);
      },
      kill: (g, ref) => {
        if (ref === undefined) ns.globals.delete(g);
        else {
          const nodes = ns.globals.get(g);
          for (const key of [...(nodes?.keys() ?? [])])
            if (key === ref || key.startsWith(ref.slice(0, -1) + ',')) nodes!.delete(key);
          if (nodes && nodes.size === 0) ns.globals.delete(g);
        }
      },
    };
  }

  private release(hostPath: string): FakeRelease {
    const release = this.packages[hostPath];
    if (!release) throw new IpmDbError('install-failed', `fake IRIS: no package at ${hostPath}`);
    if (release.irisVersion !== this.irisVersion) {
      throw new IpmDbError(
        'install-failed',
        `The module cannot be installed on the current version (${this.irisVersion}) of the system, version "${release.irisVersion}" is required`,
      );
    }
    return release;
  }

  private swap(ns: Namespace, name: string): SwapInfo {
    ns.backups++;
    const path = `/usr/irissys/mgr/${name.toLowerCase()}-code/IRIS_${name}-CODE_2026010110000${ns.backups}.DAT`;
    this.files.add(path);
    return { backupPath: this.faults.noBackup ? null : path, output: `Database swap complete for namespace ${name}` };
  }

  private allSteps(release: FakeRelease): string[] {
    return Object.entries(release.steps).flatMap(([cls, methods]) => methods.map((m) => `${cls}:${m}`));
  }

  private seedAll(ns: Namespace, release: FakeRelease): void {
    for (const step of this.allSteps(release)) {
      const row = ns.steps.get(step);
      if (!row || !row.end || !row.ok) ns.steps.set(step, { start: '', end: this.tick(), ok: true });
    }
  }

  private install(namespace: string, release: FakeRelease, packaging: string): void {
    const ns = this.ns(namespace);
    ns.module = { version: release.version, packaging };
    ns.release = release;
    this.seedAll(ns, release);
  }

  async loadModule(namespace: string, hostDir: string): Promise<void> {
    this.record(`load ${hostDir} in ${namespace}`);
    this.install(namespace, this.release(hostDir), 'module');
  }

  async loadPackage(namespace: string, hostTgz: string): Promise<SwapInfo> {
    this.record(`load ${hostTgz} -swap-db in ${namespace}`);
    const release = this.release(hostTgz);
    this.install(namespace, release, 'database');
    return this.swap(this.ns(namespace), namespace);
  }

  async updateModule(namespace: string, moduleName: string, hostTgz: string): Promise<SwapInfo> {
    this.record(`update ${moduleName} -path ${hostTgz} -swap-db in ${namespace}`);
    const release = this.release(hostTgz);
    const ns = this.ns(namespace);
    if (!ns.module) throw new IpmDbError('update-failed', `Module ${moduleName} is not installed`);
    const info = this.swap(ns, namespace);
    if (this.faults.dropGlobal) ns.globals.delete(this.faults.dropGlobal);
    ns.module = { version: release.version, packaging: 'database' };
    ns.release = release;
    for (const methods of Object.entries(release.steps).map(([cls, ms]) => ms.map((m) => `${cls}:${m}`))) {
      let newStep = false;
      for (const step of methods) {
        const row = ns.steps.get(step);
        if (!newStep && (!row || !row.end || !row.ok || this.faults.rerunDoneSteps)) newStep = true;
        if (!newStep) continue;
        if (this.faults.seedOnUpdate && !row) {
          ns.steps.set(step, { start: '', end: this.tick(), ok: true });
          continue;
        }
        const start = this.tick();
        release.bodies[step]?.(this.api(ns));
        ns.steps.set(step, { start, end: this.tick(), ok: true });
      }
    }
    return info;
  }

  async run(namespace: string, lines: string[], doing: string): Promise<LinesOutput> {
    this.record(`run ${doing} in ${namespace}`);
    const ns = this.ns(namespace);
    // Read by the driver's own session-output reader, as the session runner reads real output.
    const raw = lines.map((line) => this.answer(ns, line)).join('');
    return { results: parseSessionOutput(raw).results, raw };
  }

  private answer(ns: Namespace, line: string): string {
    const out: string[] = [];
    const emit = (key: string, value: string) => out.push(`${out.length === 0 ? 'NS>' : ''}##IPMDB ${key}=${value}\n`);
    let m: RegExpExecArray | null;
    if (line.includes('$order(^$GLOBAL(g))')) {
      for (const name of [...ns.globals.keys(), '^IPM.Storage.ModuleD'].sort()) emit('gname', name);
    } else if ((m = /^try \{ set g="(\^[^"]+)",n=0,h="",r=g,.* write:n'>(\d+) /.exec(line))) {
      const [, name, limit] = m;
      const nodes = [...(ns.globals.get(name!)?.entries() ?? [])].sort(
        ([a], [b]) => a.length - b.length || (a < b ? -1 : 1),
      );
      let h = Buffer.alloc(0);
      nodes.forEach(([ref, value], i) => {
        h = createHash('sha1')
          .update(Buffer.concat([h, Buffer.from(`${ref}\u0000${value}`)]))
          .digest();
        if (i + 1 <= Number(limit)) emit('node', `${ref}|${createHash('sha1').update(value).digest('base64')}`);
      });
      emit('global', `${name}|${nodes.length}|${nodes.length ? h.toString('base64') : ''}`);
    } else if (line.includes('$order(^$|d|GLOBAL(g))')) {
      // The fake's routines databases hold code only.
      emit('rdb', '/fake/mgr/CODE/');
      for (const name of ['^oddCOM', '^oddDEF', '^rINDEXCLASS', '^rOBJ']) emit('rglobal', name);
    } else if (line.includes('$order(^|d|oddDEF(c))')) {
      // The fake's classes never change after install.
      for (const cls of Object.keys(ns.release?.steps ?? {}).sort()) emit('classdef', `${cls}|66000,1.000|`);
    } else if (line.includes('.NameOpen(')) {
      emit('module', ns.module ? `${ns.module.version}|${ns.module.packaging}` : '');
    } else if (line.includes('%IPM_Storage_UpdateStep.AnyMember")')) {
      for (const [step, row] of ns.steps)
        emit('step', `any|${step.replace(':', '|')}|${row.start}|${row.end}|${row.ok ? 1 : 0}`);
    } else if (line.includes('%IPM_Storage_UpdateStep.PrimaryOnly")')) {
      // no primary-only steps in the fake
    } else if ((m = /GetUpdatePackageClassList\("([^"]+)",\.l\)/.exec(line))) {
      for (const [cls, methods] of Object.entries(ns.release?.steps ?? {}).sort()) {
        if (cls.startsWith(`${m[1]}.V`)) emit('expected', `${cls}|${JSON.stringify(methods)}|[]`);
      }
    } else if ((m = /^try \{ (?:do |set r=)##class\(([\w.]+)\)\.(\w+)\(\)/.exec(line))) {
      const name = `${m[1]}:${m[2]}`;
      const method = ns.release?.methods[name];
      if (!method) emit('error', `${name}|<CLASS DOES NOT EXIST> *${m[1]}`);
      else {
        const value = method(this.api(ns));
        emit(
          line.startsWith('try { do') ? 'seeded' : 'check',
          line.startsWith('try { do') ? name : `${name}|${value ?? ''}`,
        );
      }
    } else if ((m = /^write "##IPMDB exists=","([^"]+)"/.exec(line))) {
      emit('exists', `${m[1]}|${this.files.has(m[1]!) ? 1 : 0}`);
    } else {
      throw new Error(`fake IRIS: line not in the documented surface: ${line}`);
    }
    return out.join('');
  }
}

/** A durable container pair: both "containers" share one FakeIris state (the volume). */
export class FakeDurable extends FakeIris implements ReplaceableIris {
  replaced = 0;
  disposed = false;
  async replace(): Promise<void> {
    this.replaced++;
    this.record('replace container');
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

/**
 * The environment over a fake IRIS; durable containers share its timeline. With `slots`, a
 * scenario with its own container takes one when free (none: it never runs beside the others).
 */
export function fakeEnvironment(
  iris: FakeIris,
  durable: () => FakeDurable,
  registry: Record<string, string>,
  slots: Limiter | null = null,
): UpgradeEnvironment & { pulls: string[]; removedDirs: string[] } {
  const pulls: string[] = [];
  const removedDirs: string[] = [];
  return {
    iris,
    pulls,
    removedDirs,
    startDurable: async () => {
      const d = durable();
      d.timeline = iris.timeline;
      d.label = 'durable';
      return d;
    },
    reserveContainer: () => (slots?.tryAcquire() ? () => slots.release() : null),
    tempDir: async () => '/tmp/fake-pull',
    removeTempDir: async (dir) => {
      removedDirs.push(dir);
    },
    pull: async (reference) => {
      pulls.push(reference);
      const file = registry[reference];
      if (!file) throw new IpmDbError('not-found', `${reference} does not exist`);
      return file;
    },
  };
}
