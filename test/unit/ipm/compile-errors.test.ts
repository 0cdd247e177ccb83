import { describe, expect, it } from 'vitest';
import { findDocument, locateLine, parseCompileErrors, resolveCompileErrors } from '../../../src/ipm/compile-errors.js';

// Output shapes as IRIS prints them (see the header of src/ipm/compile-errors.ts for the source).
const LOAD_OUTPUT = [
  'Load started on 11/22/2026 04:10:11',
  'Loading file /tmp/ipm-db/module-1/src/MyApp/Info.cls as udl',
  "Compilation started on 11/22/2026 04:10:11 with qualifiers 'ck'",
  'Compiling class MyApp.Info',
  'Compiling routine MyApp.Info.1',
  "ERROR: MyApp.Info.cls(version+2) #1003: Expected space : '}' : Offset:14 [zversion+1^MyApp.Info.1]",
  ' TEXT: \tquit, "1.0" }',
  'Detected 1 errors during compilation in 0.010s.',
  '',
  "ERROR! ERROR #5475: Error compiling routine: MyApp.Info.1. Errors: ERROR: MyApp.Info.cls(version+2) #1003: Expected space : '}' : Offset:14 [zversion+1^MyApp.Info.1]",
  " > ERROR #5030: An error occurred while compiling class 'MyApp.Info'",
].join('\n');

const INFO_CLS = [
  'Class MyApp.Info',
  '{',
  '',
  'ClassMethod version() As %String',
  '{',
  '  set x = 1',
  '  quit, "1.0" }',
  '}',
  '',
  '}',
].join('\n');

describe('parseCompileErrors', () => {
  it('reads the located error once, with its source text', () => {
    expect(parseCompileErrors(LOAD_OUTPUT)).toEqual([
      {
        document: 'MyApp.Info.cls',
        label: 'version',
        offset: 2,
        message: "Expected space : '}' : Offset:14",
        text: 'quit, "1.0" }',
      },
    ]);
  });

  it('reads class-level errors naming the class', () => {
    const out = parseCompileErrors(
      [
        "ERROR #5373: Class 'MyApp.Missing', used by 'MyApp.Order:property:customer', does not exist",
        "ERROR #5559: The class definition for class 'MyApp.Broken' could not be parsed correctly, possibly due to non-matching {} or () characters.",
        "ERROR #5030: An error occurred while compiling class 'MyApp.Order'",
      ].join('\n'),
    );
    expect(out.map((e) => [e.document, e.message.slice(0, 11)])).toEqual([
      ['MyApp.Order.cls', 'ERROR #5373'],
      ['MyApp.Broken.cls', 'ERROR #5559'],
    ]);
  });

  it('keeps a summary-only failure as a class-level error', () => {
    expect(parseCompileErrors("ERROR #5030: An error occurred while compiling class 'MyApp.Lonely'")).toEqual([
      {
        document: 'MyApp.Lonely.cls',
        label: null,
        offset: null,
        message: "ERROR #5030: An error occurred while compiling class 'MyApp.Lonely'",
        text: null,
      },
    ]);
  });

  it('reads routine errors and "(line n)" forms', () => {
    const out = parseCompileErrors(
      [
        'ERROR: MyRoutine.mac(+12) #1026: Invalid command',
        "ERROR #5840: Unable to parse file for class 'MyApp.Bad' (line 7)",
      ].join('\n'),
    );
    expect(out[0]).toMatchObject({ document: 'MyRoutine.mac', label: null, offset: 12, message: 'Invalid command' });
    expect(out[1]).toMatchObject({ document: 'MyApp.Bad.cls', offset: 7 });
  });

  it("reads the error from IPM's ERROR! line alone", () => {
    const only = LOAD_OUTPUT.split('\n')
      .filter((l) => !l.startsWith('ERROR: ') && !l.startsWith(' TEXT'))
      .join('\n');
    expect(parseCompileErrors(only)).toMatchObject([{ document: 'MyApp.Info.cls', label: 'version', offset: 2 }]);
  });

  it('finds nothing in clean output', () => {
    expect(parseCompileErrors('Compilation finished successfully in 0.110s.\nLoad finished successfully.')).toEqual([]);
  });
});

describe('locating errors in the source tree', () => {
  it('maps class names to UDL folders or flat files, shortest path first', () => {
    const files = [
      'src/cls/MyApp/Info.cls',
      'tests/MyApp/Info.cls.bak',
      'src/MyApp.Other.cls',
      'src/inc/Macros.inc',
      'src/_Z/Util.cls',
    ];
    expect(findDocument('MyApp.Info.cls', files)).toBe('src/cls/MyApp/Info.cls');
    expect(findDocument('MyApp.Other.cls', files)).toBe('src/MyApp.Other.cls');
    expect(findDocument('Macros.inc', files)).toBe('src/inc/Macros.inc');
    expect(findDocument('%Z.Util.cls', files)).toBe('src/_Z/Util.cls');
    expect(findDocument('MyApp.Nope.cls', files)).toBeNull();
  });

  it('counts "(method+n)" from the method\'s opening brace and checks it against TEXT', () => {
    expect(locateLine(INFO_CLS, 'MyApp.Info.cls', 'version', 2, 'quit, "1.0" }')).toBe(7);
    // Without TEXT, the offset alone decides.
    expect(locateLine(INFO_CLS, 'MyApp.Info.cls', 'zversion', 1, null)).toBe(6);
    // TEXT wins when the offset points elsewhere.
    expect(locateLine(INFO_CLS, 'MyApp.Info.cls', 'version', 5, 'set x = 1')).toBe(6);
    expect(locateLine(INFO_CLS, 'MyApp.Info.cls', 'missing', 1, null)).toBeNull();
  });

  it('resolves raw errors to {file, line}', () => {
    const tree = new Map([['src/cls/MyApp/Info.cls', INFO_CLS]]);
    expect(resolveCompileErrors(parseCompileErrors(LOAD_OUTPUT), tree)).toEqual([
      {
        file: 'src/cls/MyApp/Info.cls',
        document: 'MyApp.Info.cls',
        line: 7,
        message: "Expected space : '}' : Offset:14",
      },
    ]);
  });
});

describe('one compile error printed twice by IRIS', () => {
  it('is reported once: on its own line with "#1026:" and again inside ERROR #5475 without the number', () => {
    const output = [
      "ERROR: BrokenApp.Main.cls(Run+2) #1026: Invalid command : 'frobnicate' : Offset:5 [zRun+2^BrokenApp.Main.1]",
      ' TEXT:     set y = 2',
      "ERROR #5475: Error compiling routine: BrokenApp.Main.1.  Errors: ERROR: BrokenApp.Main.cls(Run+2) : Invalid command : 'frobnicate' : Offset:5 [zRun+2^BrokenApp.Main.1]",
    ].join('\n');
    const errors = parseCompileErrors(output);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      document: 'BrokenApp.Main.cls',
      label: 'Run',
      offset: 2,
      message: "Invalid command : 'frobnicate' : Offset:5",
      text: 'set y = 2',
    });
  });
});
