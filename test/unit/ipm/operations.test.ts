import { cp, lstat, mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import { silentLogger } from '../../../src/util/log.js';
import { bootstrapIpm } from '../../../src/ipm/bootstrap.js';
import type { ResolvedInstaller } from '../../../src/ipm/installer.js';
import { createNamespace, namespaceName } from '../../../src/ipm/namespaces.js';
import { CompileFailedError, copyFileIn, copyModuleIn, IpmOperations } from '../../../src/ipm/operations.js';
import { completed, failedAtLastStep, FakeDocker } from './fake-docker.js';

const ZV = 'IRIS for UNIX (Ubuntu Server LTS for x86-64 Containers) 2025.1 (Build 223U) Tue Mar 11 2025 18:23:39 EDT';
let dir: string;

function localInstaller(): ResolvedInstaller {
  return { path: join(dir, 'zpm-0.10.10.xml'), sha256: 'a'.repeat(64), version: '0.10.10', origin: 'path', url: null };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-ops-'));
  await mkdir(join(dir, 'module/src/MyApp'), { recursive: true });
  await writeFile(
    join(dir, 'module/module.xml'),
    '<Export><Document name="my-app.ZPM"><Module><Name>my-app</Name><Version>1.0.0</Version></Module></Document></Export>',
  );
  await writeFile(
    join(dir, 'module/src/MyApp/Info.cls'),
    'Class MyApp.Info\n{\n\nClassMethod version()\n{\n  quit, "1.0" }\n}\n\n}\n',
  );
  await writeFile(join(dir, 'module/my-app-1.0.0-database.tgz'), 'x');
  await writeFile(join(dir, 'zpm-0.10.10.xml'), '<Export/>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bootstrapIpm', () => {
  const versions = { zversion: ZV, major: '2025', minor: '1', number: '2025.1.0.223.0' };

  it('loads the pinned installer, checks packaging support and configures IPM', async () => {
    const fake = new FakeDocker(({ lines }) => {
      const text = lines.join('\n');
      if (text.includes('$zversion')) return { stdout: completed(lines, '', { ...versions, ipm: '0' }) };
      if (text.includes('$system.OBJ.Load')) return { stdout: completed(lines, 'Load finished successfully.') };
      if (text.includes('GetVersionModule'))
        return { stdout: completed(lines, '', { ipmversion: '0.10.10', dbpackaging: '1' }) };
      return { stdout: completed(lines) };
    });
    const setup = await bootstrapIpm(fake.target(), {
      logger: silentLogger,
      installer: localInstaller(),
    });
    expect(setup).toMatchObject({ ipmVersion: '0.10.10', previousIpmVersion: '', homeNamespace: 'USER' });
    expect(setup.iris).toMatchObject({ major: 2025, minor: 1, majorMinor: '2025.1', build: '223U' });
    expect(fake.copies).toEqual([
      { from: join(dir, 'zpm-0.10.10.xml'), to: 'ipm-db-test:/tmp/ipm-db/ipm/zpm-0.10.10.xml' },
    ]);
    const last = fake.sessions[fake.sessions.length - 1]!.lines.join('\n');
    expect(last).toContain('Shell("config set ColorScheme none")');
    expect(last).toContain('Shell("config set analytics 0")');
  });

  it('refuses an IPM without database packaging', async () => {
    const fake = new FakeDocker(({ lines }) => {
      const text = lines.join('\n');
      if (text.includes('$zversion')) return { stdout: completed(lines, '', { ...versions, ipm: '1' }) };
      return { stdout: completed(lines, '', { ipmversion: '0.9.2', dbpackaging: '0' }) };
    });
    const err = (await bootstrapIpm(fake.target(), { logger: silentLogger }).catch((e: unknown) => e)) as IpmDbError;
    expect(err.code).toBe('ipm-lacks-database-packaging');
    expect(err.message).toContain('0.9.2');
  });

  it('asks for an installer when the image has no IPM', async () => {
    const fake = new FakeDocker(({ lines }) => ({ stdout: completed(lines, '', { ...versions, ipm: '0' }) }));
    await expect(bootstrapIpm(fake.target(), { logger: silentLogger })).rejects.toMatchObject({ code: 'ipm-missing' });
  });

  it("reports a failed installer load with IRIS's text", async () => {
    const fake = new FakeDocker(({ lines }) => {
      const text = lines.join('\n');
      if (text.includes('$zversion')) return { stdout: completed(lines, '', { ...versions, ipm: '0' }) };
      return failedAtLastStep(lines, 'ERROR #5840: Unable to parse file /tmp/ipm-db/ipm/zpm-0.10.10.xml');
    });
    const err = (await bootstrapIpm(fake.target(), {
      logger: silentLogger,
      installer: localInstaller(),
    }).catch((e: unknown) => e)) as IpmDbError;
    expect(err.code).toBe('ipm-install-failed');
    expect(err.message).toContain('ERROR #5840: Unable to parse file');
  });
});

describe('createNamespace', () => {
  it('passes a config object, checks the switch and configures IPM there', async () => {
    const fake = new FakeDocker(({ lines }) => ({
      stdout: completed(lines, 'Creating namespace USER-PKG and Ensemble-enabling it.', { namespace: 'USER-PKG' }),
    }));
    expect(
      await createNamespace(fake.target(), { homeNamespace: 'USER', postfix: 'PKG', interoperability: true }),
    ).toBe('USER-PKG');
    const lines = fake.sessions[0]!.lines;
    expect(fake.sessions[0]!.namespace).toBe('USER');
    expect(lines).toContain('set cfg=##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()');
    expect(lines).toContain('set cfg.EnableEnsemble=1');
    expect(
      lines.some((l) => l.startsWith('set sc=##class(%IPM.Utils.Build).InitializeNamespace("PKG",1,.ns,cfg)')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('set $namespace="USER-PKG"'))).toBe(true);
  });
  it('names namespaces as InitializeNamespace does', () => {
    expect(namespaceName('USER', 'INST2')).toBe('USER-INST2');
    expect(namespaceName('%SYS', 'PKG')).toBe('USER-PKG');
  });
  it('refuses a name it did not expect', async () => {
    const fake = new FakeDocker(({ lines }) => ({ stdout: completed(lines, '', { namespace: 'OTHER' }) }));
    await expect(createNamespace(fake.target(), { homeNamespace: 'USER', postfix: 'PKG' })).rejects.toMatchObject({
      code: 'namespace-create-failed',
    });
  });
});

describe('copyModuleIn', () => {
  it('resolves symbolic links and leaves .git out', async () => {
    const root = join(dir, 'copy');
    await mkdir(join(root, 'dep/src'), { recursive: true });
    await writeFile(join(root, 'dep/module.xml'), '<dep/>');
    await mkdir(join(root, 'app/.modules'), { recursive: true });
    // The repository (root) holds the dependency the link points to; .git is never copied.
    await mkdir(join(root, '.git'), { recursive: true });
    await mkdir(join(root, 'app/src/.git'), { recursive: true });
    await writeFile(join(root, 'app/src/.git/HEAD'), 'ref');
    await writeFile(join(root, 'app/module.xml'), '<app/>', { mode: 0o600 });
    await symlink('../../dep', join(root, 'app/.modules/dep'));
    const landed = join(root, 'landed');
    await copyModuleIn(
      { mkdir: async () => {}, copyIn: (from, _to) => cp(from, landed, { recursive: true }), copyOut: async () => {} },
      join(root, 'app'),
      '/tmp/ipm-db/module-1',
    );
    expect((await lstat(join(landed, '.modules/dep'))).isDirectory()).toBe(true);
    expect((await lstat(join(landed, 'module.xml'))).mode & 0o444).toBe(0o444);
    expect(await readFile(join(landed, '.modules/dep/module.xml'), 'utf8')).toBe('<dep/>');
    await expect(lstat(join(landed, 'src/.git'))).rejects.toThrow();
  });
});

describe('copyFileIn', () => {
  it('sends a file others cannot read through a readable copy, and a readable one as is', async () => {
    const secretish = join(dir, 'private.tgz');
    await writeFile(secretish, 'x', { mode: 0o600 });
    const sent: Array<{ from: string; mode: number }> = [];
    const files = {
      mkdir: async () => {},
      copyIn: async (from: string) => void sent.push({ from, mode: (await lstat(from)).mode & 0o777 }),
      copyOut: async () => {},
    };
    await copyFileIn(files, secretish, '/tmp/ipm-db/pkg-1/private.tgz');
    expect(sent[0]!.from).not.toBe(secretish);
    expect(sent[0]!.mode).toBe(0o644);
    await writeFile(join(dir, 'open.tgz'), 'x', { mode: 0o644 });
    await copyFileIn(files, join(dir, 'open.tgz'), '/tmp/ipm-db/pkg-2/open.tgz');
    expect(sent[1]!.from).toBe(join(dir, 'open.tgz'));
  });
});

/** Answers the driver's write check (src/ipm/writable.ts) with `answer` for every directory asked about. */
function writableCheck(lines: string[], answer = '1') {
  const dirs = [...lines.join('\n').matchAll(/write "##IPMDB writable=","([^"]+)"/g)].map((m) => m[1]!);
  if (dirs.length === 0) return null;
  return { stdout: completed(lines, dirs.map((d) => `##IPMDB writable=${d}|${answer}`).join('\n')) };
}

describe('IpmOperations', () => {
  it('refuses to load a module into a directory IRIS cannot write, naming it', async () => {
    const fake = new FakeDocker(({ lines }) => writableCheck(lines, '0') ?? { stdout: completed(lines) });
    await expect(new IpmOperations(fake.target()).loadModule('USER-PKG', join(dir, 'module'))).rejects.toMatchObject({
      code: 'iris-cannot-write',
      message: expect.stringContaining('IRIS cannot write into /tmp/ipm-db/module-1'),
    });
    expect(fake.sessions).toHaveLength(1);
  });

  it('loads a module and locates compile errors in its source tree', async () => {
    const fake = new FakeDocker(
      ({ lines }) =>
        writableCheck(lines) ??
        failedAtLastStep(
          lines,
          [
            'Compiling class MyApp.Info',
            "ERROR: MyApp.Info.cls(version+1) #1003: Expected space : '}' : Offset:14 [zversion+1^MyApp.Info.1]",
            ' TEXT: \tquit, "1.0" }',
            "ERROR! ERROR #5030: An error occurred while compiling class 'MyApp.Info'",
          ].join('\n'),
        ),
    );
    const err = (await new IpmOperations(fake.target())
      .loadModule('USER-PKG', join(dir, 'module'))
      .catch((e: unknown) => e)) as CompileFailedError;
    expect(err).toBeInstanceOf(CompileFailedError);
    expect(err.compileErrors).toEqual([
      { file: 'src/MyApp/Info.cls', document: 'MyApp.Info.cls', line: 6, message: "Expected space : '}' : Offset:14" },
    ]);
    expect(err.message).toContain('src/MyApp/Info.cls:6');
    expect(fake.copies[0]!.to).toBe('ipm-db-test:/tmp/ipm-db/module-1');
    expect(fake.copies[0]!.from).toMatch(/ipm-db-module-[^/]+\/module$/);
    expect(fake.sessions[0]!.lines.join('\n')).toContain('CreateDirectory("/tmp/ipm-db/module-1/.ipm-db-write-check")');
    expect(fake.sessions[1]!.lines).toContain(
      'set sc=##class(%IPM.Main).Shell("load /tmp/ipm-db/module-1") if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
    );
  });

  it('packages, parses the archive path and copies the archive out', async () => {
    const sum = 'b'.repeat(64);
    const fake = new FakeDocker(
      ({ lines }) =>
        writableCheck(lines) ?? {
          stdout: completed(
            lines,
            `  Checksum: ${sum}\nDatabase package generated:\n\t/tmp/ipm-db/out-1/my-app-1.0.0-database.tgz`,
          ),
        },
    );
    const out = join(dir, 'out');
    const archive = await new IpmOperations(fake.target()).packageDatabase('USER-PKG', 'my-app', out, { dev: true });
    expect(archive).toMatchObject({
      fileName: 'my-app-1.0.0-database.tgz',
      checksum: sum,
      hostPath: join(out, 'my-app-1.0.0-database.tgz'),
    });
    expect(fake.sessions[1]!.lines.join('\n')).toContain(
      'Shell("package-database my-app -path /tmp/ipm-db/out-1 -dev")',
    );
    // Copied out into a fresh directory beside the archive, checked, then moved into place.
    expect(fake.copies).toEqual([
      {
        from: 'ipm-db-test:/tmp/ipm-db/out-1/my-app-1.0.0-database.tgz',
        to: expect.stringMatching(new RegExp(`^${out}/\\.ipm-db-copy-[^/]+/file$`)),
      },
    ]);
    expect((await lstat(join(out, 'my-app-1.0.0-database.tgz'))).isFile()).toBe(true);
  });

  it('refuses an archive path outside its output directory', async () => {
    const fake = new FakeDocker(({ lines }) => ({
      stdout: completed(lines, 'Database package generated:\n\t/etc/passwd'),
    }));
    await expect(
      new IpmOperations(fake.target()).packageDatabase('USER-PKG', 'my-app', join(dir, 'out')),
    ).rejects.toMatchObject({
      code: 'package-output-unrecognised',
    });
  });

  it('installs with -swap-db and maps installer refusals to codes', async () => {
    const ok = new FakeDocker(({ lines }) => ({
      stdout: completed(lines, 'Database swap complete for namespace USER-INST\n  Backup: /x/IRIS_old.DAT'),
    }));
    const swap = await new IpmOperations(ok.target()).loadPackage(
      'USER-INST',
      join(dir, 'module/my-app-1.0.0-database.tgz'),
    );
    expect(swap).toMatchObject({ namespace: 'USER-INST', backupPath: '/x/IRIS_old.DAT' });
    expect(ok.sessions[0]!.lines.join('\n')).toContain(
      'Shell("load /tmp/ipm-db/pkg-1/my-app-1.0.0-database.tgz -swap-db")',
    );

    const refused = new FakeDocker(({ lines }) =>
      failedAtLastStep(
        lines,
        'ERROR! The module cannot be installed on the current version (2025.1) of the system, version "2026.1" is required',
      ),
    );
    const err = (await new IpmOperations(refused.target())
      .updateModule('USER-INST', 'my-app', join(dir, 'module/my-app-1.0.0-database.tgz'))
      .catch((e: unknown) => e)) as IpmDbError;
    expect(err.code).toBe('iris-version-mismatch');
    expect(err.message).toContain('version "2026.1" is required');
    expect(refused.sessions[0]!.lines.join('\n')).toContain(
      'Shell("update my-app -path /tmp/ipm-db/pkg-1/my-app-1.0.0-database.tgz -swap-db")',
    );
  });

  it('refuses a package file name it cannot pass safely', async () => {
    const fake = new FakeDocker(() => ({ stdout: '' }));
    await expect(new IpmOperations(fake.target()).loadPackage('USER-INST', '/tmp/my app.tgz')).rejects.toMatchObject({
      code: 'unsafe-value',
    });
    expect(fake.sessions).toHaveLength(0);
  });

  it('runs tests with -only -output-file and copies JUnit out even when they fail', async () => {
    const fake = new FakeDocker(({ lines }) => failedAtLastStep(lines, 'ERROR! 1 of 3 tests failed'));
    const run = await new IpmOperations(fake.target()).test('USER-INST', 'my-app', join(dir, 'out'));
    expect(run).toMatchObject({ passed: false, junitPath: join(dir, 'out', 'junit-my-app.xml') });
    expect(run.error).toContain('1 of 3 tests failed');
    expect(fake.sessions[0]!.lines.join('\n')).toContain(
      'Shell("test my-app -only -output-file /tmp/ipm-db/test-1/junit-my-app.xml")',
    );
  });

  it('reads an installed module from its %IPM.Storage.Module object, not from list text', async () => {
    const fake = new FakeDocker(({ lines }) => ({
      stdout: completed(lines, 'Demo App (my-app) 1.0.0\n##IPMDB module=1.0.0|database'),
    }));
    expect(await new IpmOperations(fake.target()).installedModule('USER-INST', 'my-app')).toEqual({
      version: '1.0.0',
      packaging: 'database',
    });
    expect(fake.sessions[0]!.lines.join('\n')).toContain('%IPM.Storage.Module).NameOpen("my-app")');
    const absent = new FakeDocker(({ lines }) => ({ stdout: completed(lines, '##IPMDB module=') }));
    expect(await new IpmOperations(absent.target()).installedModule('USER-INST', 'my-app')).toBeNull();
  });

  it('reports a hang as a timeout', async () => {
    const hung = new FakeDocker(() => ({ stdout: 'USER>##IPMDB ipmdb.step=1\n', exitCode: 124, timedOut: true }));
    await expect(
      new IpmOperations(hung.target(), { timeouts: { shortMs: 1000 } }).uninstall('USER-INST', 'my-app'),
    ).rejects.toMatchObject({
      code: 'session-timeout',
      message: expect.stringContaining('zpm "uninstall my-app"'),
    });
  });
});
