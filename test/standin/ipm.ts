// The IPM the stand-in provides: %IPM.Main:Shell commands (load, package-database, update,
// install, uninstall, list, test, config, repo), $system.OBJ.Load of an IPM installer or an
// IRIS export, %IPM.Utils.Build:InitializeNamespace. Behaviour and messages follow
// ../shared/ipm-contract.md sections 2-7 and IPM's db-packaging branch (see README.md).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { networkInterfaces, tmpdir } from 'node:os';
import { type ArchiveEntry, ipmTarBufferSync, orderLikeIpm } from '../support/ipm-tar.js';
import { gzipSync } from 'node:zlib';
import { type Expr } from './parser.js';
import {
  type Value,
  IrisError,
  IrisException,
  OK,
  StatusError,
  isObject,
  isStatusError,
  statusText,
  str,
  truthy,
  type IrisObject,
} from './values.js';
import type { Frame, Session } from './session.js';
import { irisVersion } from './instance.js';
import { type ClassRecord, type DatabaseContent, type ModuleRecord, encodeDatabase, readDatabase } from './database.js';
import {
  type Manifest,
  child,
  elements,
  enrichManifest,
  exportModuleDocument,
  isTestScoped,
  parseXml,
  readManifest,
  serialize,
  text,
} from './manifest.js';
import { timeStamp } from './dictionary.js';
import { declaredCompileErrors, parseUdl } from './udl.js';
import { extractTgz } from './tar-read.js';
import { type OrasRepo, OrasError, listTags, pickTag, pullDatabasePackage } from './oras.js';
import { compareVersions, satisfiesSystemVersion } from './versions.js';
import { runUnitTests } from './unit-tests.js';
import { handleUpdateSteps, updateStepClasses } from './update-steps.js';
import { DEPENDENCY_CODE_MARKER } from './ipm-installer.js';
import { operationOfCommand, pauseFor } from './latency.js';

/**
 * Class packages an interoperability-enabled namespace maps from the ENSLIB database
 * (https://docs.intersystems.com/irislatest/csp/docbook/DocBook.UI.Page.cls?KEY=GSA_config_namespace).
 */
const ENSLIB_PACKAGES = ['Ens', 'EnsLib', 'EnsPortal'];

/** An IPM command failure: shown as `ERROR! <text>`, returned as the Shell status. */
export class IpmFailure extends Error {
  constructor(readonly status: StatusError) {
    super(statusText(status));
  }
  static general(text: string): IpmFailure {
    return new IpmFailure(StatusError.general(text));
  }
}

interface Modifiers {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

const VALUE_MODIFIERS = new Set([
  'path',
  'output-file',
  'name',
  'url',
  'r',
  'repo',
  'username',
  'password',
  'token',
  'publish',
  'namespace',
  'ns',
  'password-env',
  'token-env',
]);

/** IPM command line: words, "quoted words", -flag, -name value, -DName=value. */
export function parseCommandLine(line: string): { command: string; mods: Modifiers } {
  const words = [...line.matchAll(/"((?:[^"]|"")*)"|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!,
  );
  const command = (words.shift() ?? '').toLowerCase();
  const mods: Modifiers = { flags: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-') && w.length > 1) {
      const name = w.slice(1).toLowerCase();
      if (VALUE_MODIFIERS.has(name) && i + 1 < words.length) mods.values.set(name, words[++i]!);
      else mods.flags.add(name);
    } else mods.positional.push(w);
  }
  return { command, mods };
}

function timestamp(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function zdatetime3(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
    else if (name.toLowerCase().endsWith(ext)) out.push(p);
  }
  return out.sort();
}

export class IpmShell {
  constructor(private readonly s: Session) {}

  private get inst() {
    return this.s.instance;
  }
  private out(line: string): void {
    this.s.term.line(line);
  }

  /** %IPM.Main:Shell(cmd): runs one command, prints `ERROR! <text>` on failure, returns a %Status. */
  shell(commandLine: string): Value {
    try {
      this.dispatch(commandLine.trim());
      return OK;
    } catch (e) {
      let status: StatusError;
      if (e instanceof IpmFailure) status = e.status;
      else if (e instanceof IrisException) status = e.status;
      else if (e instanceof IrisError)
        status = new StatusError([{ code: 5002, text: `ObjectScript error: ${e.message}` }]);
      else throw e;
      this.out(`ERROR! ${status.errors[0]!.text}`);
      return status;
    }
  }

  private dispatch(line: string): void {
    const { command, mods } = parseCommandLine(line);
    const ipm = this.inst.ipm(this.s.namespace)!;
    const operation = operationOfCommand(command, mods.positional[0]);
    if (operation) pauseFor(operation, this.inst.env);
    switch (command) {
      case 'config':
        return this.config(mods);
      case 'repo':
        return this.repo(mods);
      case 'version':
        this.out(`${this.s.namespace}> zpm ${ipm.version}`);
        return;
      case 'load':
        return this.load(mods);
      case 'install':
        return this.install(mods);
      case 'update':
        return this.update(mods);
      case 'uninstall':
        return this.uninstall(mods);
      case 'list':
      case 'list-installed':
        return this.list();
      case 'test':
        return this.test(mods);
      case 'package-database':
        if (!ipm.databasePackaging) throw IpmFailure.general(`Unknown command: ${command}`);
        return this.packageDatabase(mods);
      default:
        throw IpmFailure.general(`Unknown command: ${command}`);
    }
  }

  private config(mods: Modifiers): void {
    const [verb, key, value] = mods.positional;
    if (verb !== 'set' || !key || value === undefined) throw IpmFailure.general('Usage: config set <key> <value>');
    this.inst.update(this.s.globalsDb(), (c) => void (c.globals[`^IPM.settings("${key}")`] = value));
  }

  /** `repo -o -name <n> -url <u> [-namespace <ns>] [-username <u>] [-password-env V] [-token-env V] [-publish 0]`. */
  private repo(mods: Modifiers): void {
    if (mods.flags.has('list')) {
      for (const r of this.orasRepos())
        this.out(`${r.name}\n\tSource: ${r.url}${r.namespace ? `\n\tNamespace: ${r.namespace}` : ''}`);
      return;
    }
    const name = mods.values.get('name');
    if (!name) throw IpmFailure.general('Repository name is required (-name)');
    if (!mods.flags.has('o') && !mods.flags.has('oras'))
      throw IpmFailure.general('The stand-in supports ORAS repositories only (repo -o)');
    const url = mods.values.get('url') ?? '';
    if (!/^https?:\/\/[^/]+/.test(url)) throw IpmFailure.general(`Invalid repository URL: ${url}`);
    const repo: OrasRepo = {
      name,
      url,
      namespace: mods.values.get('namespace') ?? mods.values.get('ns') ?? '',
      username: mods.values.get('username') ?? '',
      passwordEnv: mods.values.get('password-env') ?? '',
      tokenEnv: mods.values.get('token-env') ?? '',
    };
    this.inst.update(
      this.s.globalsDb(),
      (c) => void (c.globals[`^IPM.Repo(${JSON.stringify(name)})`] = JSON.stringify(repo)),
    );
    this.out(`${name}\n\tSource: ${url}${repo.namespace ? `\n\tNamespace: ${repo.namespace}` : ''}`);
  }

  private orasRepos(): OrasRepo[] {
    return Object.entries(this.inst.read(this.s.globalsDb()).globals)
      .filter(([k]) => k.startsWith('^IPM.Repo('))
      .map(([, v]) => JSON.parse(v) as OrasRepo)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---------------------------------------------------------------- loading source modules

  private phase(module: string, phase: string, result: 'START' | 'SUCCESS' | 'FAILURE'): void {
    this.out(`[${this.s.namespace}|${module}]\t${phase} ${result}`);
  }

  private load(mods: Modifiers): void {
    const path = mods.positional[0];
    if (!path) throw IpmFailure.general('load requires a path');
    if (/\.(tgz|tar\.gz)$/i.test(path)) return this.loadPackage(path, mods, 'load');
    this.loadSource(resolve(path), mods, 'load');
  }

  private installedModules(): Record<string, ModuleRecord> {
    return this.inst.read(this.s.globalsDb()).modules;
  }

  /** The version checks of IPM's LoadModuleFromDirectory (downgrade; `update` needed). */
  private checkVersionChange(m: Manifest, cmd: string, mods: Modifiers): void {
    const current = this.installedModules()[m.name.toLowerCase()];
    if (!current) return;
    if (compareVersions(current.version, m.version) > 0) {
      throw IpmFailure.general(
        `Cannot downgrade ${m.name} from version ${current.version} to ${m.version}. To downgrade a module, you must first run the uninstall command. Then, run the install or load command with the desired module version.`,
      );
    }
    if (
      (cmd === 'install' || cmd === 'load') &&
      !mods.flags.has('force') &&
      !mods.flags.has('dev') &&
      compareVersions(m.version, current.version) > 0 &&
      m.updatePackage !== ''
    ) {
      throw IpmFailure.general(
        `Cannot perform an update of ${m.name} from version ${current.version} to ${m.version} using the 'install' or 'load' commands. Please use the 'update' command instead. If you are intentionally trying to bypass running update steps, please use the -force flag for 'install' or 'load'.`,
      );
    }
  }

  private checkSystemRequirements(m: Manifest): void {
    if (!m.systemRequirementsVersion) return;
    const v = irisVersion(this.s.env);
    const system = `${Number(v.major)}.${Number(v.minor)}`;
    if (!satisfiesSystemVersion(m.systemRequirementsVersion, system)) {
      throw IpmFailure.general(
        `The module cannot be installed on the current version (${system}) of the system, version "${m.systemRequirementsVersion}" is required`,
      );
    }
  }

  /**
   * Dependencies: installed ones are kept; others come from `<module dir>/.modules/`, which IPM's
   * `load <dir>` treats as a temporary local repository (Main.cls): any module.xml below it whose
   * <Name> matches. Loaded (with their own dependencies) before the module.
   */
  private resolveDependencies(m: Manifest, root: string, mods: Modifiers): void {
    for (const dep of m.dependencies) {
      if (this.installedModules()[dep.name.toLowerCase()]) continue;
      const dotModules = join(root, '.modules');
      const found = listFiles(dotModules, 'module.xml')
        .map((f) => dirname(f))
        .find((dir) => {
          try {
            return (
              readManifest(readFileSync(join(dir, 'module.xml'), 'utf8')).name.toLowerCase() === dep.name.toLowerCase()
            );
          } catch {
            return false;
          }
        });
      if (!found) {
        throw IpmFailure.general(
          `Could not find satisfying version of dependency ${dep.name}${dep.version ? ` ${dep.version}` : ''} in any repository (nor in ${dotModules}/)`,
        );
      }
      this.loadSource(found, { ...mods, positional: [found] }, 'install');
    }
  }

  private classSources(
    m: Manifest,
    root: string,
  ): { name: string; source: string; file: string; testScoped: boolean }[] {
    const srcRoot = join(root, m.sourcesRoot);
    const out: { name: string; source: string; file: string; testScoped: boolean }[] = [];
    const candidates = (dotted: string): string[] => {
      const rel = dotted.split('.').join('/');
      return [join(srcRoot, 'cls', rel), join(srcRoot, rel)];
    };
    for (const r of m.resources) {
      if (r.kind !== 'Resource') continue;
      const upper = r.name.toUpperCase();
      const testScoped = isTestScoped(r.scope);
      if (upper.endsWith('.CLS')) {
        const cls = r.name.slice(0, -4);
        const file = candidates(cls)
          .map((c) => `${c}.cls`)
          .find((f) => existsSync(f));
        if (!file)
          throw IpmFailure.general(
            `Resource ${r.name}: no source file ${cls.split('.').join('/')}.cls under ${srcRoot}`,
          );
        out.push({ name: cls, source: readFileSync(file, 'utf8'), file, testScoped });
      } else if (upper.endsWith('.INC')) {
        const inc = r.name.slice(0, -4);
        const file = [join(srcRoot, 'inc', `${inc}.inc`), join(srcRoot, `${inc}.inc`)].find((f) => existsSync(f));
        if (!file) throw IpmFailure.general(`Resource ${r.name}: no include file ${inc}.inc under ${srcRoot}`);
        out.push({ name: r.name.slice(0, -4) + '.INC', source: readFileSync(file, 'utf8'), file, testScoped });
      } else if (upper.endsWith('.PKG')) {
        const pkg = r.name.slice(0, -4);
        const dir = candidates(pkg).find((d) => existsSync(d));
        if (!dir)
          throw IpmFailure.general(`Resource ${r.name}: no directory ${pkg.split('.').join('/')} under ${srcRoot}`);
        for (const file of listFiles(dir, '.cls')) {
          const source = readFileSync(file, 'utf8');
          out.push({ name: parseUdl(source, file).name, source, file, testScoped });
        }
      }
    }
    return out;
  }

  /** Prints IRIS's compile log for declared errors and fails with the #5475 status. */
  private compile(classes: { name: string; source: string; file: string }[]): void {
    const errors = classes
      .filter((c) => !c.name.endsWith('.INC'))
      .flatMap((c) => declaredCompileErrors(parseUdl(c.source, c.file)));
    if (errors.length === 0) return;
    const t = this.s.term;
    t.line(`Compilation started on ${new Date().toLocaleString('en-US')} with qualifiers 'ck'`);
    for (const e of errors) {
      t.line(`Compiling class ${e.className}`);
      t.line(`Compiling routine ${e.className}.1`);
      t.line(
        `ERROR: ${e.className}.cls(${e.method}+${e.offset}) #1026: ${e.message} : Offset:5 [z${e.method}+${e.offset}^${e.className}.1]`,
      );
      t.line(` TEXT: ${e.text}`);
    }
    t.line(`Detected ${errors.length} errors during compilation in 0.012s.`);
    throw new IpmFailure(
      new StatusError(
        errors.map((e) => ({
          code: 5475,
          text: `Error compiling routine: ${e.className}.1.  Errors: ERROR: ${e.className}.cls(${e.method}+${e.offset}) : ${e.message} : Offset:5 [z${e.method}+${e.offset}^${e.className}.1]`,
        })),
      ),
    );
  }

  private storeClasses(classes: { name: string; source: string; testScoped: boolean }[], module: string): void {
    const byDb = new Map<string, { name: string; rec: ClassRecord }[]>();
    for (const c of classes) {
      const db = this.inst.classDatabase(this.s.namespace, c.name);
      const list = byDb.get(db) ?? [];
      const rec: ClassRecord = { source: c.source, module, timeChanged: timeStamp() };
      if (c.testScoped) rec.testScoped = true;
      list.push({ name: c.name, rec });
      byDb.set(db, list);
    }
    for (const [db, list] of byDb)
      this.inst.update(db, (content) => list.forEach((c) => (content.classes[c.name] = c.rec)));
  }

  registerModule(m: Manifest, root: string, packaging: 'module' | 'database', manifestXml: string, dev: boolean): void {
    this.inst.update(this.s.globalsDb(), (c) => {
      c.modules[m.name.toLowerCase()] = {
        name: m.name.toLowerCase(),
        externalName: m.externalName,
        version: m.version,
        packaging,
        root: root.endsWith('/') ? root : root + '/',
        developerMode: dev,
        manifest: manifestXml,
        dependencies: m.dependencies,
        updatePackage: m.updatePackage,
        lastUpdated: zdatetime3(),
      };
    });
  }

  private loadSource(root: string, mods: Modifiers, cmd: string, update = false): void {
    const manifestFile = join(root, 'module.xml');
    if (!existsSync(manifestFile)) throw IpmFailure.general(`No module.xml found in directory ${root}/`);
    const xml = readFileSync(manifestFile, 'utf8');
    let m: Manifest;
    try {
      m = readManifest(xml);
    } catch (e) {
      throw IpmFailure.general(`Error parsing ${manifestFile}: ${(e as Error).message}`);
    }
    const name = m.name.toLowerCase();
    this.checkVersionChange(m, cmd, mods);
    this.checkSystemRequirements(m);
    this.resolveDependencies(m, root, mods);
    this.phase(name, 'Reload', 'START');
    this.out(`[${this.s.namespace}|${name}]\tReload SUCCESS`);
    this.phase(name, 'Compile', 'START');
    const classes = this.classSources(m, root);
    try {
      this.compile(classes);
    } catch (e) {
      this.out(`[${name}]\tCompile FAILURE`);
      throw e;
    }
    this.storeClasses(classes, name);
    this.phase(name, 'Compile', 'SUCCESS');
    this.phase(name, 'Activate', 'START');
    this.registerModule(m, root, 'module', xml, mods.flags.has('dev'));
    if (!update) handleUpdateSteps(this.s, name, m.updatePackage, true, mods.flags.has('v'));
    this.phase(name, 'Activate', 'SUCCESS');
    if (update) this.applyUpdateSteps(name, m.updatePackage, mods);
  }

  private applyUpdateSteps(name: string, updatePackage: string, mods: Modifiers): void {
    this.phase(name, 'ApplyUpdateSteps', 'START');
    handleUpdateSteps(this.s, name, updatePackage, false, mods.flags.has('v'));
    this.phase(name, 'ApplyUpdateSteps', 'SUCCESS');
  }

  // ---------------------------------------------------------------- database packages

  private packageDatabase(mods: Modifiers): void {
    this.validateIpmNotInRoutinesDb();
    const name = (mods.positional[0] ?? '').toLowerCase();
    if (!name) throw IpmFailure.general('package-database requires a module name');
    const mod = this.installedModules()[name];
    if (!mod) throw IpmFailure.general(`Module '${name}' is not installed in namespace ${this.s.namespace}`);
    const dev = mods.flags.has('dev');
    const verbose = mods.flags.has('v');
    const m = readManifest(mod.manifest);
    if (verbose) this.out(`Starting database packaging: ${mod.name} v${mod.version}`);
    if (verbose) this.out('Validating IPM mapping...');

    // Database.cls %Package: RemapRoutinesDB points the namespace at a fresh temporary routines
    // database and LoadResourcesIntoDatabase loads only this module's resources into it, so the
    // dependencies' code never enters IRIS.DAT and their classes are not visible while compiling.
    // (ipm-installer.ts DEPENDENCY_CODE_MARKER: a hypothetical build that packages them too.)
    const withDependencies = this.inst.classExists(this.s.namespace, DEPENDENCY_CODE_MARKER);
    const owners = new Set([name, ...(withDependencies ? this.transitiveDependencies(m) : [])]);
    const routines = this.inst.read(this.s.routinesDb());
    this.compileInTempDatabase(
      Object.entries(routines.classes)
        .filter(([, rec]) => owners.has(rec.module) && (dev || !rec.testScoped))
        .map(([cls, rec]) => ({ name: cls, source: rec.source })),
    );
    const packaged: DatabaseContent = {
      classes: {},
      globals: {},
      modules: {},
      updateSteps: {},
      salt: randomBytes(16).toString('hex'),
      createdAt: new Date().toISOString(),
    };
    for (const [cls, rec] of Object.entries(routines.classes)) {
      if (!owners.has(rec.module)) continue;
      if (rec.testScoped && !dev) continue;
      packaged.classes[cls] = rec;
    }
    if (verbose) this.out('Creating temporary database...');
    if (verbose) this.out('Loading resources into temp database...');
    const datBytes = encodeDatabase(packaged);
    const checksum = createHash('sha256').update(datBytes).digest('hex');
    if (verbose) this.out('Computing SHA-256 checksum...');
    this.out(`  Checksum: ${checksum}`);

    if (this.s.env.STANDIN_FAULT_CORRUPT_IRIS_DAT === '1') datBytes[datBytes.length - 1]! ^= 0xff;
    const wheels = mods.flags.has('no-export-python-deps') ? [] : this.exportPythonDependencies(mod, verbose);
    const entries: ArchiveEntry[] = [
      { path: 'IRIS.DAT', data: datBytes },
      { path: 'deps/', type: 'dir' },
    ];
    for (const r of m.resources) {
      if (r.kind !== 'FileCopy' || (isTestScoped(r.scope) && !dev)) continue;
      const src = resolve(mod.root, r.name);
      if (!existsSync(src)) continue;
      const files = statSync(src).isDirectory() ? listFiles(src, '') : [src];
      for (const f of files) entries.push({ path: relative(mod.root, f).split('\\').join('/'), data: readFileSync(f) });
    }
    for (const wheel of wheels) entries.push({ path: `wheels/${basename(wheel)}`, data: readFileSync(wheel) });
    const v = irisVersion(this.s.env);
    const existing = m.systemRequirementsVersion;
    const current = `${v.major}.${v.minor}`;
    if (existing && existing !== current)
      this.out(`WARNING: Overwriting existing SystemRequirements Version '${existing}' with '${current}'`);
    entries.push({ path: 'module.xml', data: enrichManifest(mod.manifest, checksum, current) });
    const all = this.installedModules();
    for (const dep of this.transitiveDependencies(m)) {
      const rec = all[dep.toLowerCase()];
      if (rec) entries.push({ path: `deps/${rec.name}.xml`, data: exportModuleDocument(rec.manifest) });
    }
    const outDir = resolve(
      mods.values.get('path') ?? join(tmpdir(), `ipm-db-standin-out-${randomBytes(4).toString('hex')}`),
    );
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      throw IpmFailure.general(`Cannot create output directory ${outDir}/: ${(e as Error).message}`);
    }
    const packageFile = join(outDir, `${name}-${mod.version}-database.tgz`);
    writeIpmArchiveSync(packageFile, entries);
    this.out('Database package generated:');
    this.out(`\t${packageFile}`);
  }

  /**
   * Lifecycle/Base.cls ExportPythonDependencies via InstallOrDownloadPythonRequirements: with a
   * requirements.txt in the module root, `pip download -r requirements.txt -d <root>wheels` runs in
   * the root as the IRIS user, so it needs network and a root that user can write. The wheels are
   * placeholders named after each requirement (no pip in the stand-in).
   */
  private exportPythonDependencies(mod: ModuleRecord, verbose: boolean): string[] {
    const requirements = join(mod.root, 'requirements.txt');
    if (!existsSync(requirements)) return [];
    const wheels = join(mod.root, 'wheels');
    const command = `${PIP_CALLER} download -r requirements.txt -d ${wheels} --python-version 3.12.3 --only-binary=:all:`;
    this.out(`[${this.s.namespace}|${mod.name}]\tDownload Python wheels START`);
    const fail = (pipOutput: string): never => {
      this.out(pipOutput);
      this.out(`[${this.s.namespace}|${mod.name}]\tDownload Python wheels FAILURE`);
      throw IpmFailure.general(`Running os command '${command}' failed with return code: 1`);
    };
    const lines = readFileSync(requirements, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    if (!hasNetwork())
      fail(
        `ERROR: Could not find a version that satisfies the requirement ${lines[0] ?? ''} (from versions: none)\nERROR: No matching distribution found for ${lines[0] ?? ''}`,
      );
    try {
      mkdirSync(wheels, { recursive: true });
    } catch (e) {
      fail(
        `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${wheels}'\n${(e as Error).message}`,
      );
    }
    if (verbose) this.out(`Running ${command}`);
    const files = lines.map((req) => {
      const [pkg, version] = req.split('==');
      const file = join(wheels, `${(pkg ?? req).replace(/[^A-Za-z0-9.]/g, '_')}-${version ?? '0'}-py3-none-any.whl`);
      writeFileSync(file, `placeholder wheel for ${req}\n`);
      return file;
    });
    this.out(`[${this.s.namespace}|${mod.name}]\tDownload Python wheels SUCCESS`);
    return files;
  }

  /**
   * Compiling in the temporary database: a superclass must be one of the module's own classes, a
   * system (%) class mapped in, or (in an interoperability-enabled namespace) a class of the packages
   * IRIS maps from ENSLIB, which RemapRoutinesDB leaves mapped; anything else fails as the class
   * compiler reports it.
   */
  private compileInTempDatabase(classes: { name: string; source: string }[]): void {
    const own = new Set(classes.map((c) => c.name));
    const interop = this.inst.config().namespaces[this.s.namespace]?.interoperability === true;
    const mappedIn = (sup: string): boolean =>
      sup.startsWith('%') || (interop && ENSLIB_PACKAGES.includes(sup.split('.')[0]!));
    const missing = classes
      .filter((c) => !c.name.endsWith('.INC'))
      .flatMap((c) =>
        parseUdl(c.source, `${c.name}.cls`)
          .superclasses.filter((sup) => !mappedIn(sup) && !own.has(sup))
          .map((sup) => ({ cls: c.name, sup })),
      );
    if (missing.length === 0) return;
    const t = this.s.term;
    t.line(`Compilation started on ${new Date().toLocaleString('en-US')} with qualifiers 'ck'`);
    for (const { cls, sup } of missing) {
      t.line(`Compiling class ${cls}`);
      t.line(`ERROR #5373: Class '${sup}', used by '${cls}:super', does not exist`);
      t.line(`  > ERROR #5030: An error occurred while compiling class '${cls}'`);
    }
    t.line(`Detected ${missing.length} errors during compilation in 0.012s.`);
    throw new IpmFailure(
      new StatusError(
        missing.map(({ cls, sup }) => ({ code: 5373, text: `Class '${sup}', used by '${cls}:super', does not exist` })),
      ),
    );
  }

  private transitiveDependencies(m: Manifest): string[] {
    const seen = new Set<string>();
    const all = this.installedModules();
    const visit = (deps: { name: string }[]): void => {
      for (const d of deps) {
        const key = d.name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const rec = all[key];
        if (rec) visit(rec.dependencies);
      }
    };
    visit(m.dependencies);
    return [...seen].sort();
  }

  private validateIpmNotInRoutinesDb(): void {
    const ipm = this.inst.ipm(this.s.namespace);
    if (ipm && ipm.db === this.s.routinesDb()) {
      throw IpmFailure.general(
        'IPM must be mapped from another namespace. %IPM classes were found in the current routines database. Map IPM from a non-system code namespace before packaging.',
      );
    }
  }

  /** `install <m> -swap-db` from ORAS repositories (Main.cls Install; Repo/Oras/PackageService.cls). */
  private install(mods: Modifiers): void {
    const name = (mods.positional[0] ?? '').toLowerCase();
    if (!name) throw IpmFailure.general('install requires a module name');
    const repos = this.orasRepos();
    if (repos.length === 0) throw IpmFailure.general('No repositories are configured and enabled in this namespace.');
    const tmp = join(this.inst.mgr, 'Temp');
    mkdirSync(tmp, { recursive: true });
    for (const repo of repos) {
      let picked;
      try {
        picked = pickTag(listTags(repo, this.s.env, name, join(tmp, `tags-${randomBytes(4).toString('hex')}.json`)));
      } catch (e) {
        if (e instanceof OrasError) throw IpmFailure.general(e.message);
        throw e;
      }
      if (!picked) continue;
      if (!mods.flags.has('swap-db')) {
        throw IpmFailure.general(
          `Module '${name}' is only available as a database package. Re-run with -swap-db to install it.`,
        );
      }
      const file = join(tmp, `${name}-${picked.tag}-${randomBytes(4).toString('hex')}.tgz`);
      try {
        pullDatabasePackage(repo, this.s.env, name, picked.tag, file);
      } catch (e) {
        if (e instanceof OrasError) throw IpmFailure.general(e.message);
        throw e;
      }
      if (mods.flags.has('v')) this.out(`Pulled ${name}:${picked.tag} from ${repo.name}`);
      return this.loadPackage(file, mods, 'install');
    }
    throw IpmFailure.general(`'${name}' not found in any repository.`);
  }

  private update(mods: Modifiers): void {
    const name = (mods.positional[0] ?? '').toLowerCase();
    const path = mods.values.get('path');
    if (!name || !path) throw IpmFailure.general('update requires a module name and -path');
    if (!this.installedModules()[name])
      throw IpmFailure.general(`Module ${name} is not installed in namespace ${this.s.namespace}.`);
    if (/\.(tgz|tar\.gz)$/i.test(path)) return this.loadPackage(path, mods, 'update', name);
    this.loadSource(resolve(path), mods, 'update', true);
  }

  private loadPackage(
    archive: string,
    mods: Modifiers,
    cmd: 'load' | 'update' | 'install',
    expectedName?: string,
  ): void {
    const archivePath = resolve(archive);
    if (!existsSync(archivePath)) throw IpmFailure.general(`File does not exist: ${archivePath}`);
    // IRIS's temp directory is <mgr>/Temp: on the same volume as the databases, so the swap renames.
    const dir = join(this.inst.mgr, 'Temp', `dbpkg-${randomBytes(6).toString('hex')}`) + '/';
    try {
      extractTgz(readFileSync(archivePath), dir);
    } catch (e) {
      throw IpmFailure.general(`Failed to extract ${archivePath}: ${(e as Error).message}`);
    }
    const manifestFile = join(dir, 'module.xml');
    const datFile = join(dir, 'IRIS.DAT');
    let m: Manifest | undefined;
    let xml = '';
    if (existsSync(manifestFile)) {
      xml = readFileSync(manifestFile, 'utf8');
      try {
        m = readManifest(xml);
      } catch (e) {
        throw IpmFailure.general(`Error parsing ${manifestFile}: ${(e as Error).message}`);
      }
      if (expectedName && m.name.toLowerCase() !== expectedName) {
        throw IpmFailure.general(`Module name mismatch: ${archivePath} holds ${m.name}, not ${expectedName}`);
      }
      this.checkVersionChange(m, cmd, mods);
      this.checkSystemRequirements(m);
    }
    const name = m?.name.toLowerCase() ?? basename(archivePath);
    this.phase(name, 'Activate', 'START');
    try {
      if (mods.flags.has('dev')) throw IpmFailure.general('Database packages cannot be installed in developer mode.');
      this.validateBeforeSwap(dir, datFile, manifestFile, m);
      if (!mods.flags.has('swap-db')) this.promptForSwap();
      const backup = this.swap(datFile);
      this.registerDependencies(dir);
      this.registerModule(m!, dir, 'database', xml, false);
      if (cmd !== 'update') handleUpdateSteps(this.s, name, m!.updatePackage, true, mods.flags.has('v'));
      if (this.s.env.STANDIN_FAULT_POST_SWAP_FAILURE === '1') this.postSwapFailure(backup);
      this.out(`Database swap complete for namespace ${this.s.namespace}`);
      this.out(`  Backup: ${backup}`);
    } catch (e) {
      this.out(`[${name}]\tActivate FAILURE`);
      throw e;
    }
    this.phase(name, 'Activate', 'SUCCESS');
    if (cmd === 'update') this.applyUpdateSteps(name, m!.updatePackage, mods);
  }

  /** ValidateBeforeSwap, in IPM's order. */
  private validateBeforeSwap(dir: string, datFile: string, manifestFile: string, m: Manifest | undefined): void {
    if (!existsSync(datFile)) throw IpmFailure.general(`Database package is missing IRIS.DAT in: ${dir}`);
    if (!m || !existsSync(manifestFile)) throw IpmFailure.general(`Database package is missing module.xml in: ${dir}`);
    if (m.packaging !== 'database') {
      throw IpmFailure.general(`module.xml does not declare <Packaging>database</Packaging>. Got: ${m.packaging}`);
    }
    if (!existsSync(join(dir, 'deps')) || !statSync(join(dir, 'deps')).isDirectory()) {
      throw IpmFailure.general(`Database package is missing deps/ directory in: ${dir}`);
    }
    if (m.checksum === undefined) throw IpmFailure.general('module.xml is missing <Checksum> element.');
    const actual = sha256File(datFile);
    if (actual.toLowerCase() !== m.checksum.toLowerCase()) {
      throw IpmFailure.general(`IRIS.DAT SHA-256 mismatch. Expected: ${m.checksum} Actual: ${actual}`);
    }
    const other = Object.values(this.installedModules()).find(
      (r) => r.packaging === 'database' && r.name !== m.name.toLowerCase(),
    );
    if (other) {
      throw IpmFailure.general(
        `A database package ('${other.name}') is already installed in this namespace. Only one database package per namespace is allowed.`,
      );
    }
    this.validateIpmNotInRoutinesDb();
  }

  private promptForSwap(): void {
    const dbDir = this.inst.databaseDir(this.s.routinesDb());
    this.out(`WARNING: This will replace the routines database for namespace ${this.s.namespace}`);
    this.out(`  Current database: ${dbDir}IRIS.DAT`);
    this.out('  The current IRIS.DAT will be renamed to a timestamped backup before the swap.');
    this.out('');
    this.out('Proceed with database swap? [y/N] ');
    const answer = this.s.input.readLine();
    this.s.term.write('\n');
    if (answer === undefined || !/^(y|yes)$/i.test(answer.trim())) {
      throw IpmFailure.general('Database swap cancelled by user.');
    }
  }

  /**
   * The later pull-request messages (contract 10, ReportPostSwapFailure): an error after the swap,
   * then the rollback, which puts the old routines database back.
   */
  private postSwapFailure(backup: string): never {
    const text = 'Post-swap step failed (STANDIN_FAULT_POST_SWAP_FAILURE)';
    this.out(`ERROR: encountered an error: ${text}`);
    this.out('Attempting to roll back system state...');
    const dbDir = this.inst.databaseDir(this.s.routinesDb());
    renameSync(backup, `${dbDir}IRIS.DAT`);
    throw IpmFailure.general(text);
  }

  /** Renames the routines IRIS.DAT to IRIS_<db>_<yyyymmddhhmmss>[_n].DAT and moves the packaged one in. */
  private swap(packagedDat: string): string {
    const db = this.s.routinesDb();
    const dbDir = this.inst.databaseDir(db);
    const base = `${dbDir}IRIS_${db}_${timestamp()}`;
    let backup = `${base}.DAT`;
    for (let n = 1; existsSync(backup); n++) backup = `${base}_${n}.DAT`;
    renameSync(`${dbDir}IRIS.DAT`, backup);
    try {
      readDatabase(packagedDat);
      renameSync(packagedDat, `${dbDir}IRIS.DAT`);
    } catch (e) {
      this.out('ERROR — attempting rollback...');
      if (existsSync(`${dbDir}IRIS.DAT`)) renameSync(`${dbDir}IRIS.DAT`, `${packagedDat}.rejected`);
      renameSync(backup, `${dbDir}IRIS.DAT`);
      this.out('Rollback complete. Namespace restored.');
      throw IpmFailure.general(`Failed to mount the packaged IRIS.DAT: ${(e as Error).message}`);
    }
    return backup;
  }

  private registerDependencies(dir: string): void {
    for (const file of listFiles(join(dir, 'deps'), '.xml')) {
      const sc = this.loadExport(file, 'ck');
      if (isStatusError(sc)) throw new IpmFailure(sc);
    }
  }

  private uninstall(mods: Modifiers): void {
    const name = (mods.positional[0] ?? '').toLowerCase();
    const rec = this.installedModules()[name];
    if (!rec) throw IpmFailure.general(`Module ${name} is not installed in namespace ${this.s.namespace}.`);
    this.phase(name, 'Clean', 'START');
    const db = this.s.routinesDb();
    this.inst.update(db, (c) => {
      for (const [cls, r] of Object.entries(c.classes)) if (r.module === name) delete c.classes[cls];
    });
    this.inst.update(this.s.globalsDb(), (c) => {
      delete c.modules[name];
      for (const [k, step] of Object.entries(c.updateSteps)) {
        if (rec.updatePackage && step.ClassName.startsWith(rec.updatePackage + '.')) delete c.updateSteps[k];
      }
    });
    this.phase(name, 'Clean', 'SUCCESS');
  }

  private list(): void {
    const ipm = this.inst.ipm(this.s.namespace);
    const mods = Object.values(this.installedModules()).sort((a, b) => a.name.localeCompare(b.name));
    // Main.cls ListInstalled: a module with an ExternalName is shown as "ExternalName (name)".
    const rows = mods.map((r) => ({
      key: r.name,
      name: r.externalName ? `${r.externalName} (${r.name})` : r.name,
      version: r.version,
      dev: r.developerMode,
    }));
    const ipmRow = rows.findIndex((r) => r.key === 'zpm');
    if (ipmRow > 0) rows.unshift(...rows.splice(ipmRow, 1));
    if (ipm && ipmRow < 0 && rows.length === 0) {
      this.out('');
      return;
    }
    const width = Math.max(0, ...rows.map((r) => r.name.length)) + 1;
    this.s.term.write('\n');
    this.s.term.write(
      rows.map((r) => `${r.name.padEnd(width)}${r.version}${r.dev ? ' (DeveloperMode)' : ''}`).join('\n'),
    );
  }

  private test(mods: Modifiers): void {
    const name = (mods.positional[0] ?? '').toLowerCase();
    const rec = this.installedModules()[name];
    if (!rec) throw IpmFailure.general(`Module ${name} is not installed in namespace ${this.s.namespace}.`);
    runUnitTests(this.s, rec, mods.values.get('output-file'));
  }

  // ---------------------------------------------------------------- $system.OBJ.Load

  /** $system.OBJ.Load(file,"ck") of an IRIS export: the IPM installer, or module documents (deps/). */
  loadExport(file: string, _flags: string): Value {
    if (!existsSync(file)) return new StatusError([{ code: 5012, text: `File '${file}' does not exist` }]);
    const t = this.s.term;
    t.freshLine();
    t.write(`\nLoad started on ${new Date().toLocaleString('en-US')}\nLoading file ${file} as xml\n`);
    let root;
    try {
      root = parseXml(readFileSync(file, 'utf8'));
    } catch (e) {
      const st = new StatusError([{ code: 6301, text: `SAX XML Parser Error: ${(e as Error).message}` }]);
      t.write(`ERROR #6301: SAX XML Parser Error: ${(e as Error).message}\nDetected 1 errors during load.\n`);
      return st;
    }
    if (root.name !== 'Export') {
      t.write('ERROR #5840: Unable to import file ' + file + ' as this is not a supported type.\n');
      return new StatusError([{ code: 5840, text: `Unable to import file ${file} as this is not a supported type.` }]);
    }
    const classNames = elements(root, 'Class').map((c) => c.attrs.name ?? '');
    const documents = elements(root, 'Document');
    const ipmDoc = documents.find((d) => /^zpm\.zpm$/i.test(d.attrs.name ?? ''));
    if (ipmDoc) pauseFor('ipm-install', this.inst.env);
    if (classNames.length) {
      const records: Record<string, ClassRecord> = {};
      for (const cls of classNames) {
        records[cls] = { source: '', module: ipmDoc ? 'zpm' : '' };
        t.write(`Imported class: ${cls}\n`);
      }
      for (const cls of classNames) {
        const db = this.inst.classDatabase(this.s.namespace, cls);
        this.inst.update(db, (c) => {
          c.classes[cls] = records[cls]!;
          if (ipmDoc && cls === '%IPM.Main') c.ipmVersion = text(child(child(ipmDoc, 'Module')!, 'Version')).trim();
        });
      }
      t.write(`Compiling ${classNames.length} classes\n`);
    }
    for (const doc of documents) {
      const module = child(doc, 'Module');
      if (!module) continue;
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Export generator="IRIS" version="26">\n<Document name="${doc.attrs.name}">\n${serialize(module)}\n</Document>\n</Export>\n`;
      const m = readManifest(xml);
      this.registerModule(m, '', m.packaging === 'database' ? 'database' : 'module', xml, false);
      t.write(`Imported document: ${doc.attrs.name}\n`);
    }
    t.write('Load finished successfully.\n');
    return OK;
  }

  // ---------------------------------------------------------------- class methods

  classMethod(cls: string, method: string, args: Expr[], frame: Frame): Value {
    const m = method.toLowerCase();
    const arg = (i: number): Value => this.s.eval(args[i] ?? { k: 'omit' }, frame);
    if (cls === '%IPM.Main' && m === 'shell') return this.s.ipmShellCall(str(arg(0)), truthy(arg(1)), truthy(arg(2)));
    if (cls === '%IPM.Main' && m === 'getversionmodule') {
      const name = str(arg(0)).toLowerCase();
      if (name === 'zpm') return this.inst.ipm(this.s.namespace)?.version ?? '';
      return this.installedModules()[name]?.version ?? '';
    }
    if (cls === '%IPM.Storage.Module' && m === 'nameopen') {
      const rec = this.installedModules()[str(arg(0)).toLowerCase()];
      if (!rec) return '';
      return {
        className: cls,
        props: {
          Name: rec.name,
          ExternalName: rec.externalName ?? '',
          VersionString: rec.version,
          Packaging: rec.packaging,
          Root: rec.root,
          SystemRequirements: {
            className: '%IPM.Storage.SystemRequirements',
            props: { VersionString: readManifest(rec.manifest).systemRequirementsVersion },
          },
          // relationship Resources As %IPM.Storage.ResourceReference (Count(), GetAt(i), .Name)
          Resources: {
            className: '%RelationshipObject',
            props: {},
            elements: readManifest(rec.manifest)
              .resources.filter((r) => r.kind === 'Resource')
              .map((r) => ({ className: '%IPM.Storage.ResourceReference', props: { Name: r.name } })),
          } as IrisObject,
        },
      };
    }
    if (cls === '%IPM.General.Update.VersionBase' && m === 'getupdatepackageclasslist') {
      const target = args[1];
      if (!target || target.k !== 'byref') throw new IrisError('PARAMETER');
      for (const k of [...frame.locals.keys()])
        if (k === target.name || k.startsWith(target.name + '(')) frame.locals.delete(k);
      for (const c of updateStepClasses(this.s, str(arg(0)))) {
        frame.locals.set(`${target.name}(${Number(c.split('.').pop()!.replace(/\D/g, '') || '0')})`, c);
      }
      return '';
    }
    // Utils/Module.cls AddGlobalMapping(pNamespace, pMapping, pFrom): Config.MapGlobals.Create, then activated.
    if (cls === '%IPM.Utils.Module' && m === 'addglobalmapping') {
      const ns = this.inst.canonicalNamespace(str(arg(0)));
      const mapping = str(arg(1));
      const from = str(arg(2));
      if (!ns) return StatusError.general(`Namespace ${str(arg(0))} does not exist`);
      if (!(from in this.inst.config().databases)) return StatusError.general(`Database ${from} does not exist`);
      const config = this.inst.config();
      const target = config.namespaces[ns]!;
      target.globalMappings = { ...(target.globalMappings ?? {}), [mapping.replace(/^\^/, '')]: from };
      this.inst.saveConfig(config);
      return OK;
    }
    if (cls === '%IPM.Storage.ModuleSetting.NamespaceConfig' && m === '%new') {
      return { className: cls, props: { EnableEnsemble: '0', EnableHealthShare: '0' } };
    }
    if (cls === '%IPM.Utils.Build' && m === 'initializenamespace') {
      const byref = args[2];
      const cfg = arg(3);
      const result = this.initializeNamespace(str(arg(0)), truthy(args[1] ? arg(1) : '1'), cfg);
      if (byref && byref.k === 'byref') frame.locals.set(byref.name, result.ns);
      return result.status;
    }
    throw new IrisError('METHOD DOES NOT EXIST', `${method},${cls}`);
  }

  /** %IPM.Utils.Build:InitializeNamespace (Utils/Build.cls): <NS>-<POSTFIX>, -CODE/-DATA, %IPM mapped. */
  private initializeNamespace(postfix: string, verbose: boolean, cfg: Value): { ns: string; status: Value } {
    if (!isObject(cfg)) throw new IrisError('INVALID OREF', '', 'zInitializeNamespace+27^%IPM.Utils.Build.1');
    const init = this.s.namespace === '%SYS' ? 'USER' : this.s.namespace;
    const ns = `${init}-${postfix}`;
    const code = `${ns}-CODE`;
    const data = `${ns}-DATA`;
    const ipmDb = this.inst.classDatabase(this.s.namespace, '%IPM.Main');
    const config = this.inst.config();
    const existing = Object.keys(config.namespaces).find((k) => k.toUpperCase() === ns.toUpperCase());
    if (existing) delete config.namespaces[existing];
    for (const db of [code, data]) delete config.databases[db];
    this.inst.saveConfig(config);
    for (const db of [code, data]) {
      if (verbose) this.out(`Creating and mounting database ${db}`);
      this.inst.createDatabase(db);
    }
    if (verbose) {
      const suffix = truthy(cfg.props.EnableHealthShare ?? '0')
        ? ' and HealthShare-enabling it.'
        : truthy(cfg.props.EnableEnsemble ?? '0')
          ? ' and Ensemble-enabling it.'
          : '';
      this.out(`Creating namespace ${ns}${suffix}`);
    }
    // `repo -copy-from <caller>`: the new namespace gets the caller's repositories.
    const repos = Object.entries(this.inst.read(this.s.globalsDb()).globals).filter(([k]) =>
      k.startsWith('^IPM.Repo('),
    );
    this.inst.update(data, (c) => repos.forEach(([k, v]) => (c.globals[k] = v)));
    const after = this.inst.config();
    after.namespaces[ns] = {
      routines: code,
      globals: data,
      packageMappings: { '%IPM': ipmDb },
      interoperability: truthy(cfg.props.EnableEnsemble ?? '0'),
    };
    this.inst.saveConfig(after);
    return { ns, status: OK };
  }
}

const PIP_CALLER = '/usr/irissys/bin/irispip';

/** Whether the container has any network interface besides loopback (`--network none` has only lo). */
function hasNetwork(): boolean {
  return Object.values(networkInterfaces()).some((list) => (list ?? []).some((i) => !i.internal));
}

function writeIpmArchiveSync(dest: string, entries: ArchiveEntry[]): void {
  writeFileSync(dest, gzipSync(ipmTarBufferSync(orderLikeIpm(entries))));
}
