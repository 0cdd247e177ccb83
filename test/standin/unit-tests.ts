// `test <module> -only [-output-file <file.xml>]`: runs the module's %UnitTest.TestCase classes
// (UnitTest elements' directories, and test-scoped resources compiled in the namespace); each
// Test* method passes when every $$$Assert* macro in it passes and it raises no error. Failures
// print as IPM's Test/Manager.cls does and end in an "<n> failure(s)." error; -output-file
// writes JUnit XML.
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
  failures: string[];
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

function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function junitXml(results: CaseResult[]): string {
  const suites = [...new Set(results.map((r) => r.suite))];
  const body = suites.map((suite) => {
    const cases = results.filter((r) => r.suite === suite);
    const failures = cases.filter((c) => c.failures.length && !c.error).length;
    const errors = cases.filter((c) => c.error).length;
    const time = (cases.reduce((t, c) => t + c.ms, 0) / 1000).toFixed(3);
    const lines = cases.map((c) => {
      const head = `    <testcase classname="${esc(suite)}" name="${esc(c.name)}" time="${(c.ms / 1000).toFixed(3)}"`;
      if (c.error) return `${head}>\n      <error message="${esc(c.error)}"/>\n    </testcase>`;
      if (c.failures.length) {
        return `${head}>\n${c.failures.map((f) => `      <failure message="${esc(f)}"/>`).join('\n')}\n    </testcase>`;
      }
      return `${head}/>`;
    });
    return `  <testsuite name="${esc(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time}">\n${lines.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${body.join('\n')}\n</testsuites>\n`;
}

export function runUnitTests(s: Session, rec: ModuleRecord, outputFile: string | undefined): void {
  const results: CaseResult[] = [];
  for (const cls of testClasses(s, rec)) {
    for (const method of cls.methods.values()) {
      if (!/^Test/.test(method.name) || method.classMethod) continue;
      const result: CaseResult = { suite: cls.name, name: method.name, failures: [], error: '', ms: 0 };
      const t0 = Date.now();
      s.assertions = {
        record: (passed, action, description) => {
          if (!passed) result.failures.push(`${action} - ${description}`);
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
    for (const f of r.failures) s.term.line(`FAILED ${r.suite}:${r.name}: ${f}`);
  }
  if (failed.length) throw IpmFailure.general(`${failed.length} failure(s).`);
  s.term.line(`All PASSED (${results.length} tests)`);
}
