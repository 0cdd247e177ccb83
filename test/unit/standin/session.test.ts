// The stand-in's ObjectScript session run in-process (no container): semantics of the subset in
// docs/iris-surface.md, including the upgrade stage's lines, against a temp data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Instance } from '../../standin/instance.js';
import { LineReader, Terminal } from '../../standin/io.js';
import { IpmShell } from '../../standin/ipm.js';
import { Session } from '../../standin/session.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { expectedStepsLine } from '../../../src/pipeline/upgrade/objectscript.js';

let dir: string;
let env: NodeJS.ProcessEnv;

function runSession(
  lines: string[],
  namespace = 'USER',
  extraEnv: NodeJS.ProcessEnv = {},
): { code: number; out: string } {
  let out = '';
  const inst = new Instance({ ...env, ...extraEnv });
  const s = new Session(inst, namespace, {
    term: new Terminal((t) => (out += t)),
    input: LineReader.fromText(lines.map((l) => l + '\n').join('')),
  });
  s.ipm = new IpmShell(s);
  const code = s.run();
  return { code, out };
}

function values(out: string): Record<string, string> {
  return Object.fromEntries([...out.matchAll(/##IPMDB ([^=\s]+)=(.*)/g)].map((m) => [m[1]!, m[2]!]));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'standin-unit-'));
  env = { ISC_DATA_DIRECTORY: join(dir, 'iris'), STANDIN_READY_FILE: join(dir, 'ready') };
  new Instance(env).ensureCreated();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stand-in session', () => {
  it('prints the prompt before each line and ends with 0 at halt or end of input', () => {
    const r = runSession(['write "a""b",!', 'write 1+2*3']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('USER>a"b\nUSER>9\n');
    expect(runSession(['halt', 'write "never"']).out).not.toContain('never');
  });

  it('evaluates operators strictly left to right and keeps going after an error', () => {
    const r = runSession([
      'write "##IPMDB x=",2+3*4,!',
      'write undefinedVar',
      'frobnicate 1',
      'write "##IPMDB after=",1,!',
    ]);
    expect(values(r.out)).toEqual({ x: '20', after: '1' });
    expect(r.out).toMatch(/^<UNDEFINED> \*undefinedVar$/m);
    expect(r.out).toMatch(/^<SYNTAX>$/m);
    expect(r.code).toBe(0);
  });

  it('exits 1 at $system.Process.Terminate($job,1) and runs nothing after it', () => {
    const r = runSession([
      'set sc=$system.OBJ.Load("/nope.xml","ck") if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
      'write "##IPMDB late=1",!',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ERROR #5012: File '/nope.xml' does not exist");
    expect(values(r.out).late).toBeUndefined();
  });

  it('reports unknown classes and methods as IRIS does', () => {
    const r = runSession(['write ##class(No.Such).Thing()', 'write ##class(%IPM.Main).Shell("list")']);
    expect(r.out).toMatch(/^<CLASS DOES NOT EXIST> \*No\.Such$/m);
    expect(r.out).toMatch(/^<CLASS DOES NOT EXIST> \*%IPM\.Main$/m);
  });

  it('switches namespaces and refuses unknown ones without ending the session', () => {
    const r = runSession([
      'set $namespace="%SYS" write "##IPMDB ns=",$namespace,!',
      'set $namespace="NOPE" if $namespace\'="NOPE" { do $system.Process.Terminate($job,1) }',
      'write "##IPMDB ns2=",$namespace,!',
    ]);
    expect(values(r.out)).toEqual({ ns: '%SYS', ns2: '%SYS' });
    expect(r.out).toMatch(/^<NAMESPACE> \*NOPE$/m);
    expect(r.code).toBe(0);
  });

  it('reports the configured IRIS version', () => {
    const r = runSession(
      [
        'write "##IPMDB v=",$system.Version.GetMajor(),".",$system.Version.GetMinor(),!',
        'write "##IPMDB n=",$system.Version.GetNumber(),!',
      ],
      'USER',
      { STANDIN_IRIS_VERSION: '2024.1' },
    );
    expect(values(r.out)).toEqual({ v: '2024.1', n: '2024.1.0.223.0' });
  });

  it("runs the upgrade stage's global walk, $query/$order, SHA1/Base64 and try/catch lines", () => {
    const r = runSession([
      'set ^Demo("b")=2,^Demo("a",1)="x",^Demo=0,^Other(3)=1',
      'try { set g="" for { set g=$order(^$GLOBAL(g)) quit:g=""  write "##IPMDB gname=",g,! } } catch e { write "##IPMDB error=","g","|",e.DisplayString(),! }',
      'try { set g="^Demo",n=0,h="",r=g,d=$data(@g)#2 for { if \'d { set r=$query(@r) quit:r="" } set d=0,v=$zconvert(@r,"O","UTF8"),n=n+1,h=$system.Encryption.SHA1Hash(h_$zconvert(r,"O","UTF8")_$c(0)_v) write:n\'>10 "##IPMDB node=",r,"|",$system.Encryption.Base64Encode($system.Encryption.SHA1Hash(v)),! } write "##IPMDB global=",g,"|",n,"|",$system.Encryption.Base64Encode(h),! } catch e { write "##IPMDB error=","fp","|",e.DisplayString(),! }',
      'try { set x=1/0 } catch e { write "##IPMDB error=","div","|",e.DisplayString(),! }',
    ]);
    const lines = [...r.out.matchAll(/##IPMDB (\w+)=(.*)/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(lines.filter((l) => l.startsWith('gname='))).toEqual(['gname=^Demo', 'gname=^Other']);
    expect(lines.filter((l) => l.startsWith('node=')).map((l) => l.split('|')[0])).toEqual([
      'node=^Demo',
      'node=^Demo("a",1)',
      'node=^Demo("b")',
    ]);
    expect(lines.find((l) => l.startsWith('global='))).toMatch(/^global=\^Demo\|3\|[A-Za-z0-9+/]{27}=$/);
    expect(lines.find((l) => l.startsWith('error=div'))).toContain('<DIVIDE>');
  });
});

describe('stand-in IPM in-process', () => {
  it('installs IPM from an installer, reads modules and update steps back through SQL', () => {
    const installer = join(dir, 'zpm.xml');
    writeIpmInstaller(installer, '0.10.10', { databasePackaging: false });
    const fixtures = join(import.meta.dirname, '../../fixtures/standin-modules');
    const r = runSession([
      `set sc=$system.OBJ.Load("${installer}","ck")`,
      'write "##IPMDB dbpkg=",##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Lifecycle.Database"),!',
      `zpm "load ${fixtures}/demo-app"`,
      'set m=##class(%IPM.Storage.Module).NameOpen("demo-app") write "##IPMDB module=",$select($isobject(m):m.VersionString_"|"_m.Packaging,1:""),!',
      'set m=##class(%IPM.Storage.Module).NameOpen("absent") write "##IPMDB absent=",$select($isobject(m):m.VersionString,1:""),!',
      'set rs=##class(%SQL.Statement).%ExecDirect(,"SELECT ClassName,MethodName,TimeStampStart,TimeStampEnd,Status FROM %IPM_Storage_UpdateStep.AnyMember") while rs.%Next() { write "##IPMDB step=",rs.%Get("MethodName"),"|",rs.%Get("TimeStampStart"),"|",$system.Status.IsOK(rs.%Get("Status")),! }',
      // DemoApp.Update.V1 overrides only GetOrderedMethods: the driver's line asks IsMthd first.
      expectedStepsLine('DemoApp.Update'),
      'write "##IPMDB ismthd=",$system.CLS.IsMthd("DemoApp.Update.V1","GetOrderedMethods"),$system.CLS.IsMthd("DemoApp.Update.V1","GetOrderedMethodsPrimaryOnly"),!',
      // Called without the guard, the abstract one does not exist (VersionBase declares it [Abstract]).
      'set p=$classmethod("DemoApp.Update.V1","GetOrderedMethodsPrimaryOnly")',
      'zpm "package-database demo-app -path /tmp"',
      'zpm "package-database demo-app -path /tmp":1:1',
      'write "##IPMDB never=1",!',
    ]);
    expect(r.code).toBe(1);
    const v = values(r.out);
    expect(v).toMatchObject({
      dbpkg: '0',
      module: '1.0.0|module',
      absent: '',
      expected: 'DemoApp.Update.V1|["CreateIndex","FillDefaults"]|[]',
      ismthd: '10',
    });
    expect(r.out).toContain('<METHOD DOES NOT EXIST> *GetOrderedMethodsPrimaryOnly,DemoApp.Update.V1');
    expect([...r.out.matchAll(/##IPMDB step=(.*)/g)].map((m) => m[1])).toEqual(['CreateIndex||1', 'FillDefaults||1']);
    expect(r.out).toContain('ERROR! Unknown command: package-database');
    expect(v.never).toBeUndefined();
  });
});
