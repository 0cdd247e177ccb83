import { describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import {
  describeOperation,
  quote,
  renderIpmCommand,
  renderOperation,
  renderScript,
  type Operation,
} from '../../../src/iris/objectscript.js';

function refused(fn: () => unknown): IpmDbError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IpmDbError);
    expect((err as IpmDbError).code).toBe('unsafe-value');
    return err as IpmDbError;
  }
  throw new Error('expected the value to be refused');
}

describe('quote', () => {
  it('doubles inner quotes', () => {
    expect(quote('a"b')).toBe('"a""b"');
    expect(quote('"')).toBe('""""');
    expect(quote('')).toBe('""');
  });
  it('refuses line breaks and control characters', () => {
    for (const v of ['a\nb', 'a\rb', 'a\u0000', 'tab\there', '\u2028', '\u0085', '\u001b[31m']) refused(() => quote(v));
  });
});

describe('renderOperation', () => {
  it('writes the exact lines of docs/iris-surface.md', () => {
    expect(renderOperation({ kind: 'emit', key: 'zversion', expression: { kind: 'zversion' } })).toBe(
      'write "##IPMDB zversion=",$zversion,!',
    );
    expect(
      renderOperation({ kind: 'emit', key: 'ipm', expression: { kind: 'classExists', className: '%IPM.Main' } }),
    ).toBe('write "##IPMDB ipm=",##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Main"),!');
    expect(renderOperation({ kind: 'emit', key: 'v', expression: { kind: 'ipmVersion' } })).toBe(
      'write "##IPMDB v=",##class(%IPM.Main).GetVersionModule("zpm"),!',
    );
    expect(
      renderOperation({ kind: 'emit', key: 'tok', expression: { kind: 'environment', name: 'IPMDB_TOKEN' } }),
    ).toBe('write "##IPMDB tok=",$system.Util.GetEnviron("IPMDB_TOKEN"),!');
    expect(renderOperation({ kind: 'loadXml', path: '/tmp/ipm-db/ipm/zpm-0.10.10.xml' })).toBe(
      'set sc=$system.OBJ.Load("/tmp/ipm-db/ipm/zpm-0.10.10.xml","ck") if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
    );
    expect(renderOperation({ kind: 'set', variable: 'cfg', expression: { kind: 'newNamespaceConfig' } })).toBe(
      'set cfg=##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()',
    );
    expect(
      renderOperation({ kind: 'set', variable: 'cfg.EnableEnsemble', expression: { kind: 'integer', value: 1 } }),
    ).toBe('set cfg.EnableEnsemble=1');
    expect(
      renderOperation({ kind: 'initializeNamespace', postfix: 'PKG', resultVariable: 'ns', configVariable: 'cfg' }),
    ).toBe(
      'set sc=##class(%IPM.Utils.Build).InitializeNamespace("PKG",1,.ns,cfg) if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
    );
    expect(renderOperation({ kind: 'switchNamespace', namespace: 'user-pkg' })).toBe(
      'set $namespace="USER-PKG" if $namespace\'="USER-PKG" { do $system.Process.Terminate($job,1) }',
    );
  });

  it('sends every IPM command through %IPM.Main.Shell with the terminating status check', () => {
    const line = renderOperation({
      kind: 'ipm',
      command: {
        words: ['package-database', 'simple-db-module'],
        modifiers: [['-path', '/tmp/ipm-db/out-2'], ['-dev'], ['-v']],
      },
    });
    expect(line).toBe(
      'set sc=##class(%IPM.Main).Shell("package-database simple-db-module -path /tmp/ipm-db/out-2 -dev -v") if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
    );
  });
});

describe('renderScript', () => {
  it('marks each step, ends with the done marker and halt', () => {
    const ops: Operation[] = [
      { kind: 'emit', key: 'major', expression: { kind: 'versionMajor' } },
      { kind: 'ipm', command: { words: ['list'], modifiers: [] } },
    ];
    const { lines, text } = renderScript(ops);
    expect(lines).toEqual([
      'write "##IPMDB ipmdb.step=","1",!',
      'write "##IPMDB major=",$system.Version.GetMajor(),!',
      'write "##IPMDB ipmdb.step=","2",!',
      'set sc=##class(%IPM.Main).Shell("list") if \'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }',
      'write "##IPMDB ipmdb.done=","1",!',
      'halt',
    ]);
    expect(text.endsWith('halt\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(lines.length + 1);
  });

  it('refuses the reserved step and done keys', () => {
    refused(() => renderScript([{ kind: 'emit', key: 'ipmdb.done', expression: { kind: 'zversion' } }]));
    refused(() => renderScript([{ kind: 'emit', key: 'ipmdb.anything', expression: { kind: 'zversion' } }]));
    // Other keys named step/done (the upgrade stage's update-step rows) are the caller's own.
    expect(renderScript([{ kind: 'emit', key: 'step', expression: { kind: 'zversion' } }]).lines[1]).toBe(
      'write "##IPMDB step=",$zversion,!',
    );
  });

  it('passes surface lines from other pure modules through, refusing line breaks and marker spoofing', () => {
    const line =
      'try { set m=##class(%IPM.Storage.Module).NameOpen("demo-app") } catch e { write "##IPMDB error=","m",! }';
    expect(renderScript([{ kind: 'surfaceLine', text: line, label: 'module state' }]).lines[1]).toBe(line);
    refused(() => renderScript([{ kind: 'surfaceLine', text: 'write 1\nhalt' }]));
    refused(() => renderScript([{ kind: 'surfaceLine', text: 'write "##IPMDB ipmdb.done=1",!' }]));
    refused(() => renderScript([{ kind: 'surfaceLine', text: '' }]));
    expect(describeOperation({ kind: 'surfaceLine', text: line, label: 'module state' })).toBe('module state');
  });

  it('describes operations without rendering secrets', () => {
    expect(
      describeOperation({ kind: 'ipm', command: { words: ['load', '/tmp/ipm-db/module-1'], modifiers: [['-dev']] } }),
    ).toBe('zpm "load /tmp/ipm-db/module-1 -dev"');
    expect(
      describeOperation({ kind: 'emit', key: 'tok', expression: { kind: 'environment', name: 'SECRET_TOKEN' } }),
    ).toBe('read tok');
  });
});

/** Values an attacker (or a typo) could put into a module.xml, a workflow input or a file name. */
const HOSTILE = [
  'a"b',
  'a") do ##class(%SYSTEM.Process).Terminate() //',
  'x\nhalt',
  'x\r\nset ^X=1',
  'x\u0000',
  'x\u2028y',
  'x\u001b[2J',
  '$zf(-1,"rm -rf /")',
  '`id`',
  '$(id)',
  ' leading-space',
  'trailing-space ',
  'a b',
  '-dev',
  '',
  '../etc/passwd',
  'mod;rm',
  'mod|x',
  'mod&x',
  "it's",
  'x{y}',
  'ÿ',
];

describe('hostile values are refused before any script exists', () => {
  const cases: Array<[string, (v: string) => Operation]> = [
    ['module name (IPM argument)', (v) => ({ kind: 'ipm', command: { words: ['uninstall', v], modifiers: [] } })],
    ['namespace', (v) => ({ kind: 'switchNamespace', namespace: v })],
    ['container path', (v) => ({ kind: 'loadXml', path: v })],
    ['class name', (v) => ({ kind: 'emit', key: 'x', expression: { kind: 'classExists', className: v } })],
    ['environment name', (v) => ({ kind: 'emit', key: 'x', expression: { kind: 'environment', name: v } })],
    ['result key', (v) => ({ kind: 'emit', key: v, expression: { kind: 'zversion' } })],
    ['variable', (v) => ({ kind: 'set', variable: v, expression: { kind: 'zversion' } })],
    [
      'namespace postfix',
      (v) => ({ kind: 'initializeNamespace', postfix: v, resultVariable: 'ns', configVariable: 'cfg' }),
    ],
    ['IPM modifier', (v) => ({ kind: 'ipm', command: { words: ['list'], modifiers: [[v]] } })],
    [
      'IPM modifier value',
      (v) => ({ kind: 'ipm', command: { words: ['package-database', 'm'], modifiers: [['-path', v]] } }),
    ],
  ];
  for (const [kind, make] of cases) {
    it(`${kind}`, () => {
      // "-dev" is exactly what a modifier looks like; everywhere else it must be refused.
      for (const value of HOSTILE.filter((v) => kind !== 'IPM modifier' || v !== '-dev')) {
        refused(() => renderScript([make(value)]));
      }
    });
  }

  it('a literal may hold quotes (doubled) but never a line break', () => {
    expect(renderOperation({ kind: 'emit', key: 'x', expression: { kind: 'literal', value: 'say "hi"' } })).toBe(
      'write "##IPMDB x=","say ""hi""",!',
    );
    refused(() => renderScript([{ kind: 'emit', key: 'x', expression: { kind: 'literal', value: 'a\nhalt' } }]));
  });

  it('a namespace switch cannot be turned into two commands', () => {
    refused(() => renderOperation({ kind: 'switchNamespace', namespace: 'USER" do $zf(-1,"id") set x="' }));
  });

  it('an IPM command refuses an empty word list and non-integer numbers', () => {
    refused(() => renderIpmCommand({ words: [], modifiers: [] }));
    refused(() => renderOperation({ kind: 'set', variable: 'x', expression: { kind: 'integer', value: 1.5 } }));
  });
});
