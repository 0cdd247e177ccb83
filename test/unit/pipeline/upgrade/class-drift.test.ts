import { describe, expect, it } from 'vitest';
import {
  changedClassProblems,
  changedClasses,
  parseClassStates,
  productionSettings,
  routinesClassesLine,
} from '../../../../src/pipeline/upgrade/class-drift.js';
import { parseSessionOutput } from '../../../../src/iris/output.js';
import type { LinesOutput } from '../../../../src/pipeline/upgrade/ports.js';

const read = (raw: string): LinesOutput => ({ results: parseSessionOutput(raw).results, raw });
const parseClassStatesText = (raw: string) => parseClassStates(read(raw));

const PRODUCTION = `<Production Name="P" LogGeneralTraceEvents="false">
  <ActorPoolSize>2</ActorPoolSize>
  <Setting Target="Production" Name="ShutdownTimeout">120</Setting>
  <Item Name="In" ClassName="EnsLib.File.PassthroughService" PoolSize="1" Enabled="true">
    <Setting Target="Adapter" Name="FilePath">/data/in/</Setting>
    <Setting Target="Host" Name="ArchivePath">/a&amp;b/</Setting>
  </Item>
  <Item Name="Out" ClassName="X" Enabled="false"/>
</Production>`;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('class drift', () => {
  it('sends the documented line', () => {
    expect(routinesClassesLine()).toContain('for { set c=$order(^|d|oddDEF(c)) quit:c=""  ');
    expect(routinesClassesLine()).toContain('x.Data.Read(3000000),"O","UTF8"),1)');
  });

  it("reads a production's settings: its own, each item's attributes and settings", () => {
    expect(Object.fromEntries(productionSettings(PRODUCTION))).toEqual({
      'production @Name': 'P',
      'production @LogGeneralTraceEvents': 'false',
      'production ActorPoolSize': '2',
      'production Production ShutdownTimeout': '120',
      'In @ClassName': 'EnsLib.File.PassthroughService',
      'In @PoolSize': '1',
      'In @Enabled': 'true',
      'In Adapter FilePath': '/data/in/',
      'In Host ArchivePath': '/a&b/',
      'Out @ClassName': 'X',
      'Out @Enabled': 'false',
    });
  });

  it('reports classes changed since install, with the production settings that differ', () => {
    const edited = PRODUCTION.replace('/data/in/', '/site/in/').replace('Enabled="false"', 'Enabled="true"');
    const atInstall = parseClassStatesText(
      [
        `##IPMDB classdef=P|66000,1.5|${b64(PRODUCTION)}`,
        '##IPMDB classdef=A.B|66000,1.5|',
        '##IPMDB classdef=C.D|66000,1.5|',
      ].join('\n'),
    );
    const beforeSwap = parseClassStatesText(
      [
        `##IPMDB classdef=P|66001,7.25|${b64(edited)}`,
        '##IPMDB classdef=A.B|66000,9.5|',
        '##IPMDB classdef=C.D|66000,1.5|',
      ].join('\n'),
    );
    const changed = changedClasses(atInstall, beforeSwap);
    expect(changed).toEqual([
      { className: 'A.B', timeChangedAtInstall: '66000,1.5', timeChangedBeforeSwap: '66000,9.5', settings: [] },
      {
        className: 'P',
        timeChangedAtInstall: '66000,1.5',
        timeChangedBeforeSwap: '66001,7.25',
        settings: ['In Adapter FilePath: "/data/in/" -> "/site/in/"', 'Out @Enabled: "false" -> "true"'],
      },
    ]);
    const problems = changedClassProblems(changed);
    expect(problems[0]).toMatch(/^class A\.B was changed after install \(TimeChanged 66000,1\.5 -> 66000,9\.5\)/);
    expect(problems[1]).toMatch(
      /^production P was changed after install \(In Adapter FilePath: .*System Default Settings/,
    );
  });

  it('ignores classes that were not there at install (new in the package or made at run time)', () => {
    expect(changedClasses(new Map(), parseClassStatesText('##IPMDB classdef=New.C|66000,1.5|'))).toEqual([]);
  });
});
