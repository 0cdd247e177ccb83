import { describe, expect, it } from 'vitest';
import {
  parseChecks,
  parseExpectedSteps,
  parseFileExists,
  parseFingerprints,
  parseGlobalNames,
  parseModuleState,
  parseSeeded,
  parseUpdateSteps,
  reportedErrors,
  throwOnReportedErrors,
} from '../../../../src/pipeline/upgrade/parse.js';
import { parseSessionOutput } from '../../../../src/iris/output.js';
import type { LinesOutput } from '../../../../src/pipeline/upgrade/ports.js';
import { IpmDbError } from '../../../../src/util/errors.js';

/** A session's output as the session runner hands it to the upgrade stage. */
const read = (raw: string): LinesOutput => ({ results: parseSessionOutput(raw).results, raw });

describe('##IPMDB output parsing', () => {
  it('finds markers after an IRIS prompt and ignores other output', () => {
    const out =
      'Node: x, Instance: IRIS\n\nAPP>##IPMDB gname=^B\r\n##IPMDB gname=A.x\nnoise ##IPMDBgname=^C\n##IPMDB gname=^B\n';
    expect(parseGlobalNames(read(out))).toEqual(['^A.x', '^B']);
  });

  it('groups node lines under the global line that follows them', () => {
    const out = [
      'APP>##IPMDB node=^S("a|b")|h1=',
      '##IPMDB node=^S("c")|h2=',
      '##IPMDB global=^S|2|Zm9v',
      'APP>##IPMDB global=^Empty|0|',
      '##IPMDB node=^Big(1)|x',
      '##IPMDB global=^Big|900|YmFy',
    ].join('\n');
    expect(parseFingerprints(read(out))).toEqual([
      { name: '^S', nodes: 2, hash: 'Zm9v', nodeHashes: { '^S("a|b")': 'h1=', '^S("c")': 'h2=' } },
      { name: '^Empty', nodes: 0, hash: '', nodeHashes: {} },
      { name: '^Big', nodes: 900, hash: 'YmFy', nodeHashes: { '^Big(1)': 'x' } },
    ]);
  });

  it('refuses a malformed fingerprint line', () => {
    expect(() => parseFingerprints(read('##IPMDB global=^S|two|x'))).toThrow(/unreadable fingerprint line/);
    expect(() => parseFingerprints(read('##IPMDB global=^S|1'))).toThrow(IpmDbError);
  });

  it('reads module version and packaging, or absence', () => {
    expect(parseModuleState(read('##IPMDB module=2.0.0|database'))).toEqual({
      version: '2.0.0',
      packaging: 'database',
    });
    expect(parseModuleState(read('APP>##IPMDB module='))).toBeNull();
    expect(() => parseModuleState(read('nothing'))).toThrow(/no module state/);
  });

  it('reads update-step rows from both tables', () => {
    const out = [
      '##IPMDB step=any|P.Update.V1|InitSettings||2026-01-01 10:00:00|1',
      '##IPMDB step=primary|P.Update.V2|Move|2026-01-02 10:00:00|2026-01-02 10:00:01|0',
    ].join('\n');
    expect(parseUpdateSteps(read(out))).toEqual([
      {
        className: 'P.Update.V1',
        methodName: 'InitSettings',
        primaryOnly: false,
        timeStampStart: '',
        timeStampEnd: '2026-01-01 10:00:00',
        statusOk: true,
      },
      {
        className: 'P.Update.V2',
        methodName: 'Move',
        primaryOnly: true,
        timeStampStart: '2026-01-02 10:00:00',
        timeStampEnd: '2026-01-02 10:00:01',
        statusOk: false,
      },
    ]);
    expect(() => parseUpdateSteps(read('##IPMDB step=other|a|b|c|d|1'))).toThrow(/unreadable update-step line/);
  });

  it('reads expected steps in class order, ordinary steps before primary-only ones', () => {
    const out = '##IPMDB expected=P.U.V1|["A","B"]|[]\n##IPMDB expected=P.U.V2|["C"]|["D"]';
    expect(parseExpectedSteps(read(out))).toEqual(['P.U.V1:A', 'P.U.V1:B', 'P.U.V2:C', 'P.U.V2:D']);
    expect(() => parseExpectedSteps(read('##IPMDB expected=P.U.V1|{"a":1}|[]'))).toThrow(/did not return a JSON array/);
    expect(() => parseExpectedSteps(read('##IPMDB expected=P.U.V1|[1]|[]'))).toThrow(/P.U.V1/);
  });

  it('reads seeds, checks and file existence', () => {
    expect(parseSeeded(read('##IPMDB seeded=A.B:C'))).toEqual(['A.B:C']);
    expect(parseChecks(read('##IPMDB check=A.B:C|1\n##IPMDB check=A.B:D|0\n##IPMDB check=A.B:E|'))).toEqual([
      { check: 'A.B:C', returned: '1', ok: true },
      { check: 'A.B:D', returned: '0', ok: false },
      { check: 'A.B:E', returned: '', ok: false },
    ]);
    expect(parseFileExists(read('##IPMDB exists=/a|b/IRIS_X.DAT|1\n##IPMDB exists=/c|0'))).toEqual({
      '/a|b/IRIS_X.DAT': true,
      '/c': false,
    });
  });

  it('turns guarded-line errors into one error naming what failed', () => {
    const out = 'APP>##IPMDB error=A.B:C|<METHOD DOES NOT EXIST>zC^A.B.1\n##IPMDB error=plain';
    expect(reportedErrors(read(out))).toEqual(['A.B:C: <METHOD DOES NOT EXIST>zC^A.B.1', 'plain']);
    expect(() => throwOnReportedErrors(read(out), 'Writing data')).toThrow(
      /Writing data failed in IRIS: A.B:C: <METHOD DOES NOT EXIST>/,
    );
    expect(() => throwOnReportedErrors(read('##IPMDB seeded=A.B:C'), 'x')).not.toThrow();
  });
});
