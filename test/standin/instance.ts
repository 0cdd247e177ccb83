// The stand-in instance: where its manager directory is (Durable %SYS: $ISC_DATA_DIRECTORY/mgr),
// its namespaces (routines + globals database, package mappings), databases and readiness.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DatabaseContent, emptyContent, readDatabase, writeDatabase } from './database.js';

export const INSTALL_DIR = '/usr/irissys';

export interface NamespaceConfig {
  routines: string;
  globals: string;
  /** Package name -> database it is mapped from (e.g. "%IPM" -> "USER"). */
  packageMappings: Record<string, string>;
  /** Global mappings (Config.MapGlobals): global name without "^", or Prefix*, -> database (global-routing.ts). */
  globalMappings?: Record<string, string>;
  interoperability?: boolean;
}

export interface InstanceConfig {
  namespaces: Record<string, NamespaceConfig>;
  /** Database name -> directory (with trailing "/"). */
  databases: Record<string, string>;
}

/** The install directory's manager directory (STANDIN_INSTALL_MGR moves it, for unit tests off a container). */
export function installManagerDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.STANDIN_INSTALL_MGR || `${INSTALL_DIR}/mgr/`;
}

export function managerDir(env: NodeJS.ProcessEnv = process.env): string {
  const data = env.ISC_DATA_DIRECTORY;
  return data ? join(data, 'mgr') + '/' : installManagerDir(env);
}

export function irisVersion(env: NodeJS.ProcessEnv = process.env): { major: string; minor: string; number: string } {
  const v = env.STANDIN_IRIS_VERSION || '2026.1';
  const m = /^(\d{4})\.(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
  if (!m) throw new Error(`STANDIN_IRIS_VERSION must look like 2026.1, got ${v}`);
  return { major: m[1]!, minor: m[2]!, number: `${m[1]}.${m[2]}.${m[3] ?? '0'}.${m[4] ?? '223'}.0` };
}

export function zversion(env: NodeJS.ProcessEnv = process.env): string {
  const v = irisVersion(env);
  const build = v.number.split('.')[3];
  return `IRIS for UNIX (Ubuntu Server LTS for x86-64 Containers) ${v.major}.${v.minor} (Build ${build}U) Thu Mar 12 2026 18:23:39 EDT`;
}

export class Instance {
  readonly mgr: string;
  private readonly configPath: string;

  constructor(readonly env: NodeJS.ProcessEnv = process.env) {
    this.mgr = managerDir(env);
    this.configPath = join(this.mgr, 'standin-instance.json');
  }

  get messagesLog(): string {
    return join(this.mgr, 'messages.log');
  }
  /** Container-local (never on the durable volume): a replaced container starts not ready. */
  get readyFile(): string {
    return this.env.STANDIN_READY_FILE || `${INSTALL_DIR}/mgr/standin-running`;
  }

  log(line: string): void {
    mkdirSync(this.mgr, { recursive: true });
    const d = new Date();
    const stamp = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCFullYear()).slice(2)}-${d.toISOString().slice(11, 23)}`;
    appendFileSync(this.messagesLog, `${stamp} (${process.pid}) 0 [Generic.Event] ${line}\n`);
  }

  /**
   * Creates USER and %SYS on first start; an existing (durable) configuration is kept. A first start
   * with Durable %SYS clones the instance in the image (its configuration and every database under
   * the install directory) when the image holds one, as IRIS does (ADOCK_iris_durable_contents).
   */
  ensureCreated(): void {
    if (existsSync(this.configPath)) return;
    mkdirSync(this.mgr, { recursive: true });
    const installMgr = installManagerDir(this.env);
    if (this.mgr !== installMgr && existsSync(join(installMgr, 'standin-instance.json'))) {
      this.cloneInstance(installMgr);
      return;
    }
    const config: InstanceConfig = {
      namespaces: {
        '%SYS': { routines: 'IRISSYS', globals: 'IRISSYS', packageMappings: {} },
        USER: { routines: 'USER', globals: 'USER', packageMappings: {} },
      },
      databases: { IRISSYS: this.mgr, USER: join(this.mgr, 'user') + '/' },
    };
    for (const dir of Object.values(config.databases)) writeDatabase(join(dir, 'IRIS.DAT'), emptyContent());
    this.saveConfig(config);
  }

  /** Durable %SYS's first start: the image's databases copied to the same places under this manager directory. */
  private cloneInstance(installMgr: string): void {
    const config = JSON.parse(readFileSync(join(installMgr, 'standin-instance.json'), 'utf8')) as InstanceConfig;
    for (const [name, dir] of Object.entries(config.databases)) {
      // The stand-in creates every database under mgr/ (IRIS would copy others to <durable>/db/).
      if (!dir.startsWith(installMgr)) continue;
      const target = join(this.mgr, dir.slice(installMgr.length)) + '/';
      mkdirSync(target, { recursive: true });
      copyFileSync(join(dir, 'IRIS.DAT'), join(target, 'IRIS.DAT'));
      config.databases[name] = target.replace(/\/+$/, '/');
    }
    this.saveConfig(config);
  }

  config(): InstanceConfig {
    return JSON.parse(readFileSync(this.configPath, 'utf8')) as InstanceConfig;
  }

  saveConfig(config: InstanceConfig): void {
    const tmp = `${this.configPath}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(config, null, 2));
    renameSync(tmp, this.configPath);
  }

  namespace(ns: string): NamespaceConfig | undefined {
    const config = this.config();
    const key = Object.keys(config.namespaces).find((k) => k.toUpperCase() === ns.toUpperCase());
    return key === undefined ? undefined : config.namespaces[key];
  }

  canonicalNamespace(ns: string): string | undefined {
    return Object.keys(this.config().namespaces).find((k) => k.toUpperCase() === ns.toUpperCase());
  }

  databaseDir(db: string): string {
    const dir = this.config().databases[db];
    if (!dir) throw new Error(`database ${db} does not exist`);
    return dir;
  }

  datFile(db: string): string {
    return join(this.databaseDir(db), 'IRIS.DAT');
  }

  read(db: string): DatabaseContent {
    return readDatabase(this.datFile(db));
  }

  write(db: string, content: DatabaseContent): void {
    writeDatabase(this.datFile(db), content);
  }

  update<T>(db: string, fn: (content: DatabaseContent) => T): T {
    const content = this.read(db);
    const result = fn(content);
    this.write(db, content);
    return result;
  }

  createDatabase(name: string): void {
    const config = this.config();
    const dir = join(this.mgr, name) + '/';
    config.databases[name] = dir;
    writeDatabase(join(dir, 'IRIS.DAT'), emptyContent());
    this.saveConfig(config);
  }

  /** The database a class lives in for `ns`: a package mapping (longest match) or the routines DB. */
  classDatabase(ns: string, className: string): string {
    const nsConfig = this.namespace(ns);
    if (!nsConfig) throw new Error(`namespace ${ns} does not exist`);
    let best = '';
    for (const pkg of Object.keys(nsConfig.packageMappings)) {
      if ((className === pkg || className.startsWith(pkg + '.')) && pkg.length > best.length) best = pkg;
    }
    return best ? nsConfig.packageMappings[best]! : nsConfig.routines;
  }

  /** Every class name visible in `ns` (routines database and package mappings). */
  classesInNamespace(ns: string): string[] {
    const nsConfig = this.namespace(ns);
    if (!nsConfig) throw new Error(`namespace ${ns} does not exist`);
    const names = new Set<string>();
    for (const db of new Set([nsConfig.routines, ...Object.values(nsConfig.packageMappings)]))
      for (const cls of Object.keys(this.read(db).classes)) if (this.classDatabase(ns, cls) === db) names.add(cls);
    return [...names].sort();
  }

  classExists(ns: string, className: string): boolean {
    return this.findClass(ns, className) !== undefined;
  }

  findClass(ns: string, className: string): { db: string; source: string } | undefined {
    const db = this.classDatabase(ns, className);
    const rec = this.read(db).classes[className];
    return rec ? { db, source: rec.source } : undefined;
  }

  /** IPM visible in `ns`: the database %IPM.Main resolves to, and its IPM version. */
  ipm(ns: string): { db: string; version: string; databasePackaging: boolean } | undefined {
    const db = this.classDatabase(ns, '%IPM.Main');
    const content = this.read(db);
    if (!content.classes['%IPM.Main']) return undefined;
    return {
      db,
      version: content.ipmVersion ?? '',
      databasePackaging: content.classes['%IPM.Lifecycle.Database'] !== undefined,
    };
  }
}
