import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_JUNIT_BYTES,
  classLine,
  methodLine,
  parseJUnitFailures,
  readTestFailureAnnotations,
  testFailureAnnotations,
  type ClassSource,
} from '../../../src/action/test-failures.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/junit');
const BASIC = `Class DemoApp.Tests.Basic Extends %UnitTest.TestCase
{

Method TestVersion()
{
    do $$$AssertEquals(##class(DemoApp.Core).Version(), "1.0.0", "Core reports its version")
}

Method TestDependency()
{
}

Method "TestTwoAsserts"() As %Status
{
}

}
`;
const SETUP = `/// Seeds data first
Class DemoApp.Tests.Setup Extends %UnitTest.TestCase
{
Method OnBeforeAllTests() As %Status
{
}
}
`;

describe('parseJUnitFailures', () => {
  it("reads IPM's nested layout: the class from the enclosing testsuite, a class-level error without a method", async () => {
    const parsed = parseJUnitFailures(await readFile(join(FIXTURES, 'ipm-failures.xml')));
    expect(parsed).toEqual({
      ok: true,
      more: false,
      failures: [
        {
          className: 'DemoApp.Tests.Basic',
          method: 'TestVersion',
          messages: ['AssertEquals: Core reports its version (got "0.9")'],
        },
        {
          className: 'DemoApp.Tests.Basic',
          method: 'TestTwoAsserts',
          messages: ['AssertTrue: first', 'AssertNotEquals: second\\non two lines'],
        },
        { className: 'DemoApp.Tests.Setup', method: null, messages: ['OnBeforeAllTests: ERROR #5001: no data'] },
      ],
    });
  });

  it('reads the common form with a classname attribute, <error> elements and failure text', () => {
    const xml = `<testsuites><testsuite name="s">
      <testcase classname="A.B" name="TestOne"><error type="Boom" message="it broke"/></testcase>
      <testcase classname="A.B" name="TestTwo"><failure message="m">stack line</failure></testcase>
      <testcase classname="A.B" name="TestThree"/>
    </testsuite></testsuites>`;
    const parsed = parseJUnitFailures(Buffer.from(xml));
    expect(parsed.ok && parsed.failures).toEqual([
      { className: 'A.B', method: 'TestOne', messages: ['Boom: it broke'] },
      { className: 'A.B', method: 'TestTwo', messages: ['m\\nstack line'] },
    ]);
  });

  it('refuses a DTD and bounds what it keeps from a hostile file', () => {
    const doctype = parseJUnitFailures(
      Buffer.from('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuites>&e;</testsuites>'),
    );
    expect(doctype).toEqual({ ok: false, problem: expect.stringMatching(/^xml-doctype: /) });
    expect(parseJUnitFailures(Buffer.from('<testsuites><testcase'))).toMatchObject({ ok: false });
    const cases = Array.from(
      { length: 250 },
      (_, i) => `<testcase classname="A.B" name="T${i}"><failure message="${'x'.repeat(5000)}"/></testcase>`,
    );
    const many = parseJUnitFailures(
      Buffer.from(`<testsuites><testsuite name="A.B">${cases.join('')}</testsuite></testsuites>`),
    );
    expect(many.ok && many.failures.length).toBe(200);
    expect(many.ok && many.more).toBe(true);
    expect(many.ok && many.failures[0]!.messages[0]!.length).toBe(1001);
    const control = parseJUnitFailures(
      Buffer.from(
        '<testsuites><testcase classname="A.B" name="T"><failure message="a&#10;::error::x&#133;"/></testcase></testsuites>',
      ),
    );
    expect(control.ok && control.failures[0]!.messages).toEqual(['a\\n::error::x\\x85']);
  });
});

describe('locating the class and method', () => {
  it('finds the Class declaration and the Method line, quoted names included', () => {
    expect(classLine(SETUP, 'DemoApp.Tests.Setup')).toBe(2);
    expect(classLine(SETUP, 'DemoApp.Tests')).toBeNull();
    expect(methodLine(BASIC, 'TestVersion')).toBe(4);
    expect(methodLine(BASIC, 'TestTwoAsserts')).toBe(13);
    expect(methodLine(BASIC, 'testversion')).toBeNull();
    expect(methodLine(BASIC, 'TestMissing')).toBeNull();
  });

  it('annotates the file declaring the class at the method line; the class line for class-level failures', () => {
    const sources: ClassSource[] = [
      { file: 'src/cls/DemoApp/Core.cls', text: 'Class DemoApp.Core\n{\n}\n' },
      { file: 'tests/DemoApp/Tests/Basic.cls', text: BASIC },
      { file: 'tests/DemoApp.Tests.Setup.cls', text: SETUP },
    ];
    const annotations = testFailureAnnotations(
      [
        { className: 'DemoApp.Tests.Basic', method: 'TestVersion', messages: ['AssertEquals: x', 'AssertTrue: y'] },
        { className: 'DemoApp.Tests.Basic', method: 'TestGone', messages: ['m'] },
        { className: 'DemoApp.Tests.Setup', method: null, messages: ['OnBeforeAllTests: e'] },
        { className: 'Other.Missing', method: 'TestA', messages: ['m'] },
      ],
      sources,
      (f) => `mod/${f}`,
    );
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'Unit test failed: DemoApp.Tests.Basic:TestVersion',
        message: 'AssertEquals: x\nAssertTrue: y',
        file: 'mod/tests/DemoApp/Tests/Basic.cls',
        startLine: 4,
      },
      {
        level: 'error',
        title: 'Unit test failed: DemoApp.Tests.Basic:TestGone',
        message: 'm',
        file: 'mod/tests/DemoApp/Tests/Basic.cls',
        startLine: 1,
      },
      {
        level: 'error',
        title: 'Unit test failed: DemoApp.Tests.Setup',
        message: 'OnBeforeAllTests: e',
        file: 'mod/tests/DemoApp.Tests.Setup.cls',
        startLine: 2,
      },
      { level: 'error', title: 'Unit test failed: Other.Missing:TestA', message: 'Other.Missing:TestA: m' },
    ]);
  });
});

describe('readTestFailureAnnotations', () => {
  let ws = '';
  beforeEach(async () => {
    ws = await mkdtemp(join(tmpdir(), 'ipm-db-junit-'));
  });
  afterEach(async () => {
    await rm(ws, { recursive: true, force: true });
  });

  it('maps the JUnit failures to the module files, relative to the workspace', async () => {
    const mod = join(ws, 'modules', 'demo');
    await mkdir(join(mod, 'tests', 'DemoApp', 'Tests'), { recursive: true });
    await mkdir(join(mod, 'src', 'cls', 'DemoApp', 'Tests'), { recursive: true });
    await writeFile(join(mod, 'tests', 'DemoApp', 'Tests', 'Basic.cls'), BASIC);
    // Same file name, another class: not the one the failure names.
    await writeFile(join(mod, 'src', 'cls', 'DemoApp', 'Tests', 'Basic.cls'), 'Class Elsewhere.Basic\n{\n}\n');
    await writeFile(join(mod, 'src', 'cls', 'DemoApp', 'Tests', 'Setup.cls'), SETUP);
    // A link to a class file outside the module is not followed (it would sort first).
    await mkdir(join(ws, 'outside'));
    await writeFile(join(ws, 'outside', 'Basic.cls'), BASIC);
    await mkdir(join(mod, 'aaa'));
    await symlink(join(ws, 'outside', 'Basic.cls'), join(mod, 'aaa', 'Basic.cls'));
    const junit = join(ws, 'junit-demo.xml');
    await writeFile(junit, await readFile(join(FIXTURES, 'ipm-failures.xml')));
    const got = await readTestFailureAnnotations(junit, { workspace: ws, moduleDir: mod });
    expect(got.problems).toEqual([]);
    expect(got.annotations.map((a) => [a.title, a.file, a.startLine])).toEqual([
      ['Unit test failed: DemoApp.Tests.Basic:TestVersion', 'modules/demo/tests/DemoApp/Tests/Basic.cls', 4],
      ['Unit test failed: DemoApp.Tests.Basic:TestTwoAsserts', 'modules/demo/tests/DemoApp/Tests/Basic.cls', 13],
      ['Unit test failed: DemoApp.Tests.Setup', 'modules/demo/src/cls/DemoApp/Tests/Setup.cls', 2],
    ]);
  });

  it('says why when the JUnit file is too big or not XML, and annotates nothing', async () => {
    const big = join(ws, 'big.xml');
    await writeFile(big, Buffer.alloc(MAX_JUNIT_BYTES + 1, 0x20));
    const tooBig = await readTestFailureAnnotations(big, { workspace: ws, moduleDir: ws });
    expect(tooBig).toEqual({
      annotations: [],
      problems: [expect.stringContaining('big.xml is missing, not a file or over')],
    });
    const bad = join(ws, 'bad.xml');
    await writeFile(bad, '<testsuites><testsuite>');
    const notXml = await readTestFailureAnnotations(bad, { workspace: ws, moduleDir: ws });
    expect(notXml.annotations).toEqual([]);
    expect(notXml.problems).toEqual([
      expect.stringMatching(/^The JUnit file bad\.xml could not be read: xml-not-well-formed/),
    ]);
  });
});
