import { describe, expect, it } from 'vitest';
import {
  checkLine,
  expectedStepsLine,
  fileExistsLine,
  fingerprintGlobalLine,
  listGlobalsLine,
  moduleStateLine,
  parseClassMethod,
  quote,
  seedLine,
  updateStepLines,
} from '../../../../src/pipeline/upgrade/objectscript.js';
import { UsageError } from '../../../../src/util/errors.js';

/** Counts braces and quotes the way ObjectScript reads them: a line must balance outside strings. */
function balanced(line: string): boolean {
  let depth = 0;
  let inString = false;
  for (const c of line) {
    if (c === '"') inString = !inString;
    else if (!inString && (c === '{' || c === '(')) depth++;
    else if (!inString && (c === '}' || c === ')')) depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && !inString;
}

const allLines = () => [
  listGlobalsLine(),
  fingerprintGlobalLine('^DemoOrders.Settings'),
  moduleStateLine('demo-orders'),
  ...updateStepLines(),
  expectedStepsLine('DemoOrders.Update'),
  seedLine(parseClassMethod('DemoOrders.Setup:SeedData', 'seed')),
  checkLine(parseClassMethod('DemoOrders.Checks:OrdersKept', 'check')),
  fileExistsLine('/usr/irissys/mgr/x/IRIS_X_20260101000000.DAT'),
];

describe('upgrade ObjectScript lines', () => {
  it('are single command lines with balanced quotes, braces and parentheses', () => {
    for (const line of allLines()) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(balanced(line), line).toBe(true);
    }
  });

  it('report every ObjectScript error of a guarded line as an ##IPMDB error line', () => {
    for (const line of allLines().filter((l) => !l.startsWith('write '))) {
      expect(line).toMatch(/^try \{ .* \} catch e \{ write "##IPMDB error=","[^"]+","\|",e\.DisplayString\(\),! \}$/);
    }
  });

  it('fingerprints one global with a $query walk, chained SHA-1 and per-node hashes up to the limit', () => {
    const line = fingerprintGlobalLine('^A.B', 7);
    expect(line).toContain('set g="^A.B",n=0,h="",r=g,d=$data(@g)#2 for { if \'d { set r=$query(@r) quit:r="" }');
    expect(line).toContain(
      'v=$zconvert(@r,"O","UTF8"),n=n+1,h=$system.Encryption.SHA1Hash(h_$zconvert(r,"O","UTF8")_$c(0)_v)',
    );
    expect(line).toContain(
      'write:n\'>7 "##IPMDB node=",r,"|",$system.Encryption.Base64Encode($system.Encryption.SHA1Hash(v)),!',
    );
    expect(line).toContain('write "##IPMDB global=",g,"|",n,"|",$system.Encryption.Base64Encode(h),!');
  });

  it('reads both IPM update-step tables', () => {
    const [any, primary] = updateStepLines();
    expect(any).toContain('FROM %IPM_Storage_UpdateStep.AnyMember")');
    expect(any).toContain('write "##IPMDB step=any|"');
    expect(primary).toContain('FROM %IPM_Storage_UpdateStep.PrimaryOnly")');
    expect(primary).toContain('write "##IPMDB step=primary|"');
  });

  it('asks IPM for the update package classes the way IPM finds them', () => {
    expect(expectedStepsLine('My.Upd')).toContain(
      '##class(%IPM.General.Update.VersionBase).GetUpdatePackageClassList("My.Upd",.l)',
    );
  });

  it('calls seed and check methods by class and method name', () => {
    expect(seedLine({ className: 'A.B', methodName: 'C' })).toContain(
      'do ##class(A.B).C() write "##IPMDB seeded=","A.B:C",!',
    );
    expect(checkLine({ className: 'A.B', methodName: 'C' })).toContain(
      'set r=##class(A.B).C() write "##IPMDB check=","A.B:C","|",r,!',
    );
  });

  it('quotes strings by doubling inner quotes and refuses control characters', () => {
    expect(quote('a"b')).toBe('"a""b"');
    expect(fileExistsLine('/x/"y"')).toBe(
      'write "##IPMDB exists=","/x/""y""","|",##class(%Library.File).Exists("/x/""y"""),!',
    );
    expect(() => quote('a\nb')).toThrow(UsageError);
    expect(() => quote('a\u0000b')).toThrow(UsageError);
  });

  it('refuses names that are not global, class, method or module names', () => {
    expect(() => fingerprintGlobalLine('Settings')).toThrow(/not a global name/);
    expect(() => fingerprintGlobalLine('^A("x")')).toThrow(/not a global name/);
    expect(() => fingerprintGlobalLine('^A', -1)).toThrow(/node limit/);
    expect(() => moduleStateLine('bad name')).toThrow(/not an IPM module name/);
    expect(() => expectedStepsLine('x"y')).toThrow(/not a class or package name/);
    expect(() => parseClassMethod('NoPackage:M', 'check')).toThrow(
      /check "NoPackage:M" is not of the form Package.Class:Method/,
    );
    expect(() => parseClassMethod('A.B:M:N', 'check')).toThrow(UsageError);
    expect(() => parseClassMethod('A.B:M()', 'check')).toThrow(UsageError);
    expect(parseClassMethod(' A.B.C:Run ', 'check')).toEqual({ className: 'A.B.C', methodName: 'Run' });
  });
});
