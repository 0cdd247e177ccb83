// `test <module> -only [-output-file <file.xml>]`: runs the module's %UnitTest.TestCase classes
// (UnitTest elements' directories, and test-scoped resources compiled in the namespace); each
// Test* method passes when every $$$Assert* macro in it passes and it raises no error. Failures
// print as IPM's Test/Manager.cls does and end in an "<n> failure(s)." error; -output-file
// writes JUnit XML in the layout of IPM's %IPM.Test.JUnitOutput (src/cls/IPM/Test/JUnitOutput.cls):
// a <testsuite> per suite holding a <testsuite> per test class holding a <testcase> per method, a
// <failure type="cache-error" message="<action>: <description>"> per failed assertion and one for
// a method's error. (The suite name is the class's package here; IPM takes %UnitTest's.)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Session } from './session.js';
import type { ModuleRecord } from './database.js';
import { readManifest } from './manifest.js';
import { parseUdl, type UdlClass } from './udl.js';
import { IrisError, IrisException, statusText } from './values.js';
import { IpmFailure } from './ipm.js';

interface CaseResult {
  suite: string;
  name: string;
  assertions: number;
  failures: { action: string; description: string }[];
  error: string;
  ms: number;
}

function clsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? clsFiles(join(dir, e.name)) : e.name.endsWith('.cls') ? [join(dir, e.name)] : [],
    )
    .sort();
}

function isTestCase(c: UdlClass): boolean {
  return c.superclasses.some((s) => /^%UnitTest\.TestCase$/i.test(s));
}

function testClasses(s: Session, rec: ModuleRecord): UdlClass[] {
  const m = readManifest(rec.manifest);
  const found = new Map<string, UdlClass>();
  for (const ut of m.unitTests) {
    for (const file of clsFiles(join(rec.root, ut.name))) {
      const c = parseUdl(readFileSync(file, 'utf8'), file);
      if (isTestCase(c) && (!ut.packageName || c.name.startsWith(ut.packageName + '.'))) found.set(c.name, c);
    }
  }
  const routines = s.instance.read(s.routinesDb());
  for (const [name, cls] of Object.entries(routines.classes)) {
    if (cls.module !== rec.name || !cls.testScoped || !cls.source || name.endsWith('.INC')) continue;
    const c = parseUdl(cls.source, name);
    if (isTestCase(c)) found.set(name, c);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** $zconvert(v,"O","XML") plus JUnitOutput's EncodeXMLAttr line breaks. */
function esc(v: string): string {
  return v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

export function junitXml(results: CaseResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" ?>', '<testsuites>'];
  const suites = [...new Set(results.map((r) => r.suite.split('.').slice(0, -1).join('.')))];
  for (const suite of suites) {
    const inSuite = results.filter((r) => r.suite.split('.').slice(0, -1).join('.') === suite);
    const failures = inSuite.filter((c) => c.failures.length || c.error).length;
    const assertions = inSuite.reduce((n, c) => n + c.assertions, 0);
    const time = inSuite.reduce((t, c) => t + c.ms / 1000, 0);
    lines.push(
      `<testsuite name="${esc(suite)}" tests="${inSuite.length}" failures="${failures}" assertions="${assertions}" time="${time}">`,
    );
    for (const cls of [...new Set(inSuite.map((r) => r.suite))]) {
      lines.push(`<testsuite name="${esc(cls)}">`);
      for (const c of inSuite.filter((r) => r.suite === cls)) {
        lines.push(`<testcase name="${esc(c.name)}" assertions="${c.assertions}" time="${c.ms / 1000}">`);
        for (const f of c.failures)
          lines.push(`<failure type="cache-error" message="${esc(`${f.action}: ${f.description}`)}">`, '</failure>');
        if (c.error) lines.push(`<failure type="cache-error" message="${esc(c.error)}">`, '</failure>');
        lines.push('</testcase>');
      }
      lines.push('</testsuite>');
    }
    lines.push('</testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

export function runUnitTests(s: Session, rec: ModuleRecord, outputFile: string | undefined): void {
  const results: CaseResult[] = [];
  for (const cls of testClasses(s, rec)) {
    for (const method of cls.methods.values()) {
      if (!/^Test/.test(method.name) || method.classMethod) continue;
      const result: CaseResult = {
        suite: cls.name,
        name: method.name,
        assertions: 0,
        failures: [],
        error: '',
        ms: 0,
      };
      const t0 = Date.now();
      s.assertions = {
        record: (passed, action, description) => {
          result.assertions++;
          if (!passed) result.failures.push({ action, description });
        },
      };
      try {
        s.runBody(s.expandMacros(method.body, cls.includes), `z${method.name}+1^${cls.name}.1`, {
          locals: new Map(),
          cls: cls.name,
        });
      } catch (e) {
        if (e instanceof IrisException) result.error = statusText(e.status);
        else if (e instanceof IrisError) result.error = e.message;
        else throw e;
      } finally {
        s.assertions = undefined;
      }
      result.ms = Date.now() - t0;
      results.push(result);
    }
  }
  if (outputFile) {
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, junitXml(results));
  }
  const failed = results.filter((r) => r.failures.length || r.error);
  for (const r of failed) {
    if (r.error) s.term.line(`FAILED ${r.suite}:${r.name}: ${r.error}`);
    for (const f of r.failures) s.term.line(`FAILED ${r.suite}:${r.name}: ${f.action} - ${f.description}`);
  }
  if (failed.length) throw IpmFailure.general(`${failed.length} failure(s).`);
  s.term.line(`All PASSED (${results.length} tests)`);
}
