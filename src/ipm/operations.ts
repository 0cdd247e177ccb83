/**
 * IPM operations in one namespace, each one IRIS session, each returning a typed result or
 * throwing an IpmDbError whose message is IPM's own error text (see output.ts for codes).
 */
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import type { CompileError } from './compile-errors.js';
import { WORK_DIR } from '../iris/container.js';
import { copyModuleTree } from './module-copy.js';
import type { Expression, IpmCommand, Operation } from '../iris/objectscript.js';
import type { SessionFailure, SessionResult, SessionRunner } from '../iris/session.js';
import { validate, validateNamespace } from '../iris/validate.js';
import { parseCompileErrors, readSourceTree, resolveCompileErrors, type SourceTree } from './compile-errors.js';
import {
  dependencyCheckLine,
  parseDependencyStates,
  superclassNotPackaged,
  type DependencyState,
} from './dependencies.js';
import { notWritableError, parseWritable, writableLine } from './writable.js';
import { moduleStateLine, parseModuleState, throwOnGuardedError, type ModuleState } from './installed.js';
import { ipmFailure, parsePackageOutput, parseSwapOutput, type SwapOutput } from './output.js';

/** File transfer into and out of the container (IrisContainer implements it). */
export interface ContainerFiles {
  mkdir(path: string): Promise<void>;
  copyIn(hostPath: string, containerPath: string): Promise<void>;
  copyOut(containerPath: string, hostPath: string): Promise<void>;
}

export interface IpmTarget {
  sessions: SessionRunner;
  files: ContainerFiles;
}

export interface OperationTimeouts {
  /** load and compile a module; default 20 min. */
  loadMs?: number;
  /** package-database; default 20 min. */
  packageMs?: number;
  /** load/update of a database package; default 20 min. */
  installMs?: number;
  /** module tests; default 30 min. */
  testMs?: number;
  /** list, uninstall, queries; default 5 min. */
  shortMs?: number;
}

const DEFAULTS: Required<OperationTimeouts> = {
  loadMs: 1_200_000,
  packageMs: 1_200_000,
  installMs: 1_200_000,
  testMs: 1_800_000,
  shortMs: 300_000,
};

/** A module that failed to compile; `compileErrors` are located in the module's source tree. */
export class CompileFailedError extends IpmDbError {
  readonly compileErrors: CompileError[];
  constructor(message: string, compileErrors: CompileError[], details: string) {
    super('compile-error', message, { hint: 'Fix the compile errors listed above and run again.', details });
    this.name = 'CompileFailedError';
    this.compileErrors = compileErrors;
  }
}

/**
 * Copies a module directory into the container through a host staging copy with symbolic links
 * resolved where they stay inside the module (or the repository, under `.modules/`), without
 * `.git` (see module-copy.ts).
 */
export async function copyModuleIn(files: ContainerFiles, moduleDir: string, containerDir: string): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'ipm-db-module-'));
  try {
    const copy = join(staging, 'module');
    await copyModuleTree(moduleDir, copy);
    await makeReadableForIris(copy);
    await files.copyIn(copy, containerDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * docker cp keeps host modes and makes root the owner, while IRIS runs as another user (irisowner,
 * uid 51773, in the official images): files need o+r (a checkout made under umask 077 would
 * otherwise be unreadable) and directories o+rwx, because IPM writes into the module root
 * (package-database's `pip download ... -d <root>/wheels`).
 */
export async function makeReadableForIris(path: string): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    await chmod(path, info.mode | 0o777);
    for (const entry of await readdir(path)) await makeReadableForIris(join(path, entry));
  } else {
    await chmod(path, info.mode | 0o444);
  }
}

/** Copies one host file into the container, through a readable staging copy when others cannot read it. */
export async function copyFileIn(files: ContainerFiles, hostFile: string, containerPath: string): Promise<void> {
  if (((await stat(hostFile)).mode & 0o004) !== 0) return files.copyIn(hostFile, containerPath);
  const staging = await mkdtemp(join(tmpdir(), 'ipm-db-file-'));
  try {
    const copy = join(staging, basename(hostFile));
    await cp(hostFile, copy);
    await chmod(copy, 0o644);
    await files.copyIn(copy, containerPath);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A failed load whose output names compile errors, as a CompileFailedError; otherwise null. */
export function compileFailure(failure: SessionFailure, sources: SourceTree): CompileFailedError | null {
  if (failure.reason === 'timeout') return null;
  const raw = parseCompileErrors(failure.output.text);
  if (raw.length === 0) return null;
  const errors = resolveCompileErrors(raw, sources);
  const first = errors[0]!;
  const where = first.file ? `${first.file}${first.line ? `:${first.line}` : ''}` : first.document;
  return new CompileFailedError(
    `The module did not compile: ${errors.length} error(s); first at ${where}: ${first.message}`,
    errors,
    failure.output.text,
  );
}

export interface PackagedArchive {
  /** Path of the .tgz copied out to the host. */
  hostPath: string;
  /** Where IPM wrote it inside the container. */
  containerPath: string;
  fileName: string;
  /** SHA-256 of IRIS.DAT as IPM printed it ("  Checksum: <hex>"). */
  checksum: string | null;
  output: string;
}

export interface SwapResult extends SwapOutput {
  output: string;
}

export interface TestRun {
  passed: boolean;
  /** JUnit XML copied out to the host, when IPM wrote one. */
  junitPath: string | null;
  output: string;
  /** IPM's error text when the tests failed. */
  error: string | null;
}

export class IpmOperations {
  private readonly timeouts: Required<OperationTimeouts>;
  private readonly verbose: boolean;
  private counter = 0;

  constructor(
    private readonly target: IpmTarget,
    options: { timeouts?: OperationTimeouts; verbose?: boolean } = {},
  ) {
    this.timeouts = { ...DEFAULTS, ...(options.timeouts ?? {}) };
    this.verbose = options.verbose ?? false;
  }

  /** A fresh work directory in the container, e.g. /tmp/ipm-db/module-3. */
  private async workDir(kind: string): Promise<string> {
    this.counter++;
    const dir = `${WORK_DIR}/${kind}-${this.counter}`;
    await this.target.files.mkdir(WORK_DIR);
    return dir;
  }

  private verboseFlag(): Array<[string]> {
    return this.verbose ? [['-v']] : [];
  }

  /** Runs IPM commands in a namespace; a failure becomes IPM's own error text. */
  async ipm(
    namespace: string,
    commands: IpmCommand[],
    timeoutMs: number,
    fallbackCode: string,
    classify?: (f: SessionFailure) => IpmDbError | null,
  ): Promise<SessionResult> {
    const operations: Operation[] = commands.map((command) => ({ kind: 'ipm', command }));
    return this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations,
      timeoutMs,
      classify: (failure) => classify?.(failure) ?? ipmFailure(failure, fallbackCode, timeoutMs),
    });
  }

  /**
   * Copies a module directory into the container and runs `load <dir>`. On failure, compile
   * errors are parsed and located in `moduleDir` (CompileFailedError).
   */
  async loadModule(
    namespace: string,
    moduleDir: string,
    options: { dev?: boolean } = {},
  ): Promise<{ output: string; containerPath: string }> {
    const dir = await this.workDir('module');
    await copyModuleIn(this.target.files, moduleDir, dir);
    await this.checkWritable(namespace, [dir]);
    const command: IpmCommand = {
      words: ['load', dir],
      modifiers: [...(options.dev ? [['-dev'] as [string]] : []), ...this.verboseFlag()],
    };
    // Read before the session so a failure can be located without more I/O.
    const sources = await readSourceTree(moduleDir);
    const result = await this.ipm(namespace, [command], this.timeouts.loadMs, 'load-failed', (failure) =>
      compileFailure(failure, sources),
    );
    return { output: result.text, containerPath: dir };
  }

  /** `package-database <m> -path <dir>`; the archive is copied to `hostOutDir`. */
  async packageDatabase(
    namespace: string,
    moduleName: string,
    hostOutDir: string,
    options: { dev?: boolean; exportPythonDeps?: boolean } = {},
  ): Promise<PackagedArchive> {
    validate('module name', moduleName);
    const out = await this.workDir('out');
    await this.target.files.mkdir(out);
    await this.checkWritable(namespace, [out]);
    const modifiers: IpmCommand['modifiers'] = [['-path', out]];
    if (options.dev) modifiers.push(['-dev']);
    if (options.exportPythonDeps === false) modifiers.push(['-no-export-python-deps']);
    modifiers.push(...this.verboseFlag());
    const result = await this.ipm(
      namespace,
      [{ words: ['package-database', moduleName], modifiers }],
      this.timeouts.packageMs,
      'package-failed',
      (failure) => (failure.reason === 'timeout' ? null : superclassNotPackaged(failure.output.text, moduleName)),
    );
    const parsed = parsePackageOutput(result.text);
    if (!parsed.archivePath)
      throw new IpmDbError(
        'package-output-unrecognised',
        `package-database ${moduleName} succeeded but did not print "Database package generated:" with the archive path.`,
        {
          hint: 'The IPM in use prints something else; report this with the output below.',
          details: result.text,
        },
      );
    const containerPath = validate('container path', parsed.archivePath);
    if (!containerPath.startsWith(`${out}/`) || !containerPath.endsWith('.tgz'))
      throw new IpmDbError(
        'package-output-unrecognised',
        `package-database wrote ${containerPath}, not a .tgz under ${out}.`,
        { details: result.text },
      );
    const fileName = basename(containerPath);
    await mkdir(hostOutDir, { recursive: true });
    const hostPath = join(hostOutDir, fileName);
    await this.target.files.copyOut(containerPath, hostPath);
    return { hostPath, containerPath, fileName, checksum: parsed.checksum, output: result.text };
  }

  private async copyPackageIn(hostTgz: string): Promise<string> {
    const fileName = basename(hostTgz);
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*\.tgz$/.test(fileName))
      throw new IpmDbError(
        'unsafe-value',
        `Refusing package file name ${JSON.stringify(fileName)}: use letters, digits, ".", "_", "+", "-" and end in .tgz.`,
      );
    const dir = await this.workDir('pkg');
    await this.target.files.mkdir(dir);
    const containerPath = `${dir}/${fileName}`;
    await copyFileIn(this.target.files, hostTgz, containerPath);
    return containerPath;
  }

  /**
   * `load <tgz> -swap-db`: installs a local database package (a fresh install). `dev` adds
   * `-dev`, which IPM refuses for database packages (for negative tests).
   */
  async loadPackage(namespace: string, hostTgz: string, options: { dev?: boolean } = {}): Promise<SwapResult> {
    const tgz = await this.copyPackageIn(hostTgz);
    const modifiers: IpmCommand['modifiers'] = [
      ['-swap-db'],
      ...(options.dev ? [['-dev'] as [string]] : []),
      ...this.verboseFlag(),
    ];
    const result = await this.ipm(
      namespace,
      [{ words: ['load', tgz], modifiers }],
      this.timeouts.installMs,
      'install-failed',
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }

  /** `update <m> -path <tgz> -swap-db`: upgrades an installed module to a database package. */
  async updateModule(namespace: string, moduleName: string, hostTgz: string): Promise<SwapResult> {
    validate('module name', moduleName);
    const tgz = await this.copyPackageIn(hostTgz);
    const result = await this.ipm(
      namespace,
      [{ words: ['update', moduleName], modifiers: [['-path', tgz], ['-swap-db'], ...this.verboseFlag()] }],
      this.timeouts.installMs,
      'update-failed',
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }

  /**
   * Fails unless IRIS, as the user it runs as, can create an entry in each directory (checked by
   * making and removing a subdirectory from inside IRIS, not assumed from who copied the files).
   */
  async checkWritable(namespace: string, dirs: string[]): Promise<void> {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: dirs.map((dir) => ({ kind: 'surfaceLine' as const, text: writableLine(dir), label: `check ${dir}` })),
      timeoutMs: this.timeouts.shortMs,
    });
    const refused = parseWritable(result.raw).filter((d) => !d.writable);
    if (refused.length > 0)
      throw notWritableError(
        refused.map((d) => d.dir),
        result.raw,
      );
  }

  /**
   * The module as IPM's `%IPM.Storage.Module` records it in a namespace (version and packaging),
   * or null when it is not installed. Read from the object, not from `list` text.
   */
  async installedModule(namespace: string, moduleName: string): Promise<ModuleState | null> {
    validate('module name', moduleName);
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: [{ kind: 'surfaceLine', text: moduleStateLine(moduleName), label: `read module ${moduleName}` }],
      timeoutMs: this.timeouts.shortMs,
    });
    throwOnGuardedError(result, `Reading module ${moduleName} in ${namespace}`);
    return parseModuleState(result);
  }

  /** Each dependency's module record and whether the code of its resources exists in the namespace. */
  async dependencyStates(namespace: string, names: string[]): Promise<DependencyState[]> {
    if (names.length === 0) return [];
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: names.map((name) => ({
        kind: 'surfaceLine' as const,
        text: dependencyCheckLine(name),
        label: `check dependency ${name}`,
      })),
      timeoutMs: this.timeouts.shortMs,
    });
    throwOnGuardedError(result, `Checking the dependencies in ${namespace}`);
    return parseDependencyStates(result.raw);
  }

  async uninstall(namespace: string, moduleName: string): Promise<string> {
    validate('module name', moduleName);
    const result = await this.ipm(
      namespace,
      [{ words: ['uninstall', moduleName], modifiers: [] }],
      this.timeouts.shortMs,
      'uninstall-failed',
    );
    return result.text;
  }

  /** `test <m> -only -output-file <xml>`; the JUnit file is copied out even when tests fail. */
  async test(namespace: string, moduleName: string, hostOutDir: string): Promise<TestRun> {
    validate('module name', moduleName);
    const out = await this.workDir('test');
    await this.target.files.mkdir(out);
    const junit = `${out}/junit-${moduleName.toLowerCase()}.xml`;
    await mkdir(hostOutDir, { recursive: true });
    const hostJunit = join(hostOutDir, `junit-${moduleName.toLowerCase()}.xml`);
    const copyJunit = async () => {
      try {
        await this.target.files.copyOut(junit, hostJunit);
        return hostJunit;
      } catch {
        return null;
      }
    };
    try {
      const result = await this.ipm(
        namespace,
        [{ words: ['test', moduleName], modifiers: [['-only'], ['-output-file', junit]] }],
        this.timeouts.testMs,
        'tests-failed',
      );
      return { passed: true, junitPath: await copyJunit(), output: result.text, error: null };
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code === 'session-timeout' || err.code === 'session-ended-early')
        throw err;
      return { passed: false, junitPath: await copyJunit(), output: err.details ?? '', error: err.message };
    }
  }

  /**
   * Reads values in a namespace (`##IPMDB key=value`), e.g. for the upgrade stage's
   * update-step state queries once their expressions are in docs/iris-surface.md.
   */
  async query(
    namespace: string,
    values: Array<{ key: string; expression: Expression }>,
    secretEnv?: Record<string, string>,
  ): Promise<Map<string, string>> {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: values.map((v) => ({ kind: 'emit', key: v.key, expression: v.expression })),
      timeoutMs: this.timeouts.shortMs,
      ...(secretEnv ? { secretEnv } : {}),
    });
    return result.values;
  }
}
