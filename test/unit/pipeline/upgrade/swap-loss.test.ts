import { describe, expect, it } from 'vitest';
import {
  lostGlobalProblems,
  parseLostGlobals,
  parseRoutinesGlobals,
  routinesGlobalNodesLine,
  routinesGlobalsLine,
} from '../../../../src/pipeline/upgrade/swap-loss.js';
import { parseSessionOutput } from '../../../../src/iris/output.js';
import type { LinesOutput } from '../../../../src/pipeline/upgrade/ports.js';

const read = (raw: string): LinesOutput => ({ results: parseSessionOutput(raw).results, raw });
const parseRoutinesGlobalsText = (raw: string) => parseRoutinesGlobals(read(raw));
const parseLostGlobalsText = (raw: string) => parseLostGlobals(read(raw));

describe('swap-loss lines', () => {
  it('are the exact lines of docs/iris-surface.md', () => {
    expect(routinesGlobalsLine()).toBe(
      'try { set d="^"_##class(%SYS.Namespace).GetRoutineDest(),g="" write "##IPMDB rdb=",$piece(d,"^",3),! ' +
        'for { set g=$order(^$|d|GLOBAL(g)) quit:g=""  write "##IPMDB rglobal=",g,! } } ' +
        'catch e { write "##IPMDB error=routines database globals|",e.DisplayString(),! }',
    );
    expect(routinesGlobalNodesLine('^App.Settings', 2)).toBe(
      'try { set d="^"_##class(%SYS.Namespace).GetRoutineDest(),r="^|"""_d_"""|App.Settings",n=0,t=$data(@r)#2 ' +
        'for { if \'t { set r=$query(@r) quit:r="" } set t=0,n=n+1 write:n\'>2 "##IPMDB rnode=","^App.Settings","|",r,! } ' +
        'write "##IPMDB rcount=","^App.Settings","|",n,! } ' +
        'catch e { write "##IPMDB error=","routines database ^App.Settings","|",e.DisplayString(),! }',
    );
  });

  it('refuses a name that is not a global', () => {
    expect(() => routinesGlobalNodesLine('^App"),x')).toThrow(/is not a global name/);
  });
});

describe('swap-loss judgement', () => {
  it('keeps only globals that are neither code nor bookkeeping', () => {
    const output = [
      'NS>##IPMDB rdb=/mgr/NS-CODE/',
      ...['^oddDEF', '^oddCOM', '^rINDEXCLASS', '^rOBJ', '^ROUTINE', '^IPM.Repo', '^App.Settings', '^App.Cache'].map(
        (g) => `##IPMDB rglobal=${g}`,
      ),
    ].join('\n');
    expect(parseRoutinesGlobalsText(output)).toEqual({
      directory: '/mgr/NS-CODE/',
      candidates: ['^App.Cache', '^App.Settings'],
    });
  });

  it('reads counts and samples without the extended-reference prefix, and drops empty globals', () => {
    const output = [
      '##IPMDB rnode=^App.Settings|^|"^^/mgr/NS-CODE/"|App.Settings("a")',
      '##IPMDB rnode=^App.Settings|^|"^^/mgr/NS-CODE/"|App.Settings("b",1)',
      '##IPMDB rcount=^App.Settings|7',
      '##IPMDB rcount=^App.Cache|0',
    ].join('\n');
    const lost = parseLostGlobalsText(output);
    expect(lost).toEqual([{ name: '^App.Settings', nodes: 7, sample: ['^App.Settings("a")', '^App.Settings("b",1)'] }]);
    expect(lostGlobalProblems(lost, '/mgr/NS-CODE/')).toEqual([
      expect.stringMatching(
        /^\^App\.Settings \(7 nodes, e\.g\. \^App\.Settings\("a"\), \^App\.Settings\("b",1\)\) lives in the routines database \/mgr\/NS-CODE\/ and is destroyed/,
      ),
    ]);
  });
});
