/**
 * Failing unit tests as annotations on the test class's file and the test method's line, from the
 * JUnit XML that IPM's `test -output-file <x>.xml` writes (%IPM.Test.JUnitOutput, in IPM's
 * src/cls/IPM/Test/JUnitOutput.cls): <testsuites>, a <testsuite> per %UnitTest suite holding a
 * <testsuite> per test class (named after the class) holding a <testcase> per test method (named
 * after the method) with a <failure message="<assert action>: <description>"> per failed assertion
 * or error; a class-level error (OnBeforeAllTests) is a <testcase> named after the class. The
 * common JUnit form with a `classname` attribute and <error> elements is read too.
 *
 * The JUnit file comes out of the container and is untrusted: it is read only up to
 * MAX_JUNIT_BYTES with the project's XML reader (no DTD, bounded depth) and only a bounded number
 * of failures and characters is kept. Parsing and locating are pure; readTestFailureAnnotations
 * does the file reading.
 */
import { lstat, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { readXml } from '../archive/xml-reader.js';
import { readSourceTree } from '../ipm/compile-errors.js';
import { printable } from '../util/untrusted.js';
import { repositoryPath, type Annotation, type SourceRoots } from './annotations.js';

export const MAX_JUNIT_BYTES = 8 * 1024 * 1024;
const MAX_FAILED_CASES = 200;
const MAX_MESSAGES_PER_CASE = 10;
const MAX_MESSAGE_CHARS = 1000;
const MAX_XML_DEPTH = 32;

export interface TestFailure {
  /** The test class, e.g. "DemoApp.Tests.Basic". */
  className: string;
  /** The test method; null for a class-level failure (the testcase is named after the class). */
  method: string | null;
  messages: string[];
}

export type JUnitResult = { ok: true; failures: TestFailure[]; more: boolean } | { ok: false; problem: string };

const CLASS_NAME = /^%?[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

function clip(text: string): string {
  const one = printable(text.trim());
  return one.length > MAX_MESSAGE_CHARS ? `${one.slice(0, MAX_MESSAGE_CHARS)}…` : one;
}

/** The failed test cases of a JUnit document, in document order. */
export function parseJUnitFailures(xml: Buffer): JUnitResult {
  const suites: string[] = [];
  const failures: TestFailure[] = [];
  let more = false;
  let current: { className: string; name: string; messages: string[] } | null = null;
  const element = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const result = readXml(
    xml,
    {
      trackDepth: MAX_XML_DEPTH,
      open(path, attributes) {
        const name = element(path);
        if (name === 'testsuite') suites.push(attributes.name ?? '');
        else if (name === 'testcase')
          current = {
            className: attributes.classname ?? suites.at(-1) ?? '',
            name: attributes.name ?? '',
            messages: [],
          };
        else if ((name === 'failure' || name === 'error') && current) {
          const message = [attributes.type === 'cache-error' ? '' : (attributes.type ?? ''), attributes.message ?? '']
            .filter(Boolean)
            .join(': ');
          current.messages.push(message);
        }
      },
      wantsText: (path) => /\/(?:failure|error)$/.test(path),
      close(path, text) {
        const name = element(path);
        if (name === 'testsuite') suites.pop();
        else if ((name === 'failure' || name === 'error') && current && text.trim()) {
          const last = current.messages.length - 1;
          current.messages[last] = [current.messages[last], text.trim()].filter(Boolean).join('\n');
        } else if (name === 'testcase' && current) {
          const c: { className: string; name: string; messages: string[] } = current;
          current = null;
          if (c.messages.length === 0) return;
          if (failures.length >= MAX_FAILED_CASES) {
            more = true;
            return;
          }
          const classLevel = c.name === c.className || c.name === '';
          failures.push({
            className: c.className,
            method: classLevel ? null : c.name,
            messages: c.messages.slice(0, MAX_MESSAGES_PER_CASE).map((m) => clip(m || 'failed')),
          });
        }
      },
    },
    { maxDepth: MAX_XML_DEPTH },
  );
  if (!result.ok) return { ok: false, problem: `${result.code}: ${result.detail}` };
  return { ok: true, failures, more };
}

/** A class file of the module: its path relative to the module directory ("/" separators) and its text. */
export interface ClassSource {
  file: string;
  text: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The 1-based line of `Class <name>` in a UDL class file, or null when the file declares another class. */
export function classLine(text: string, className: string): number | null {
  const declaration = new RegExp(`^Class\\s+${escapeRegExp(className)}(?:\\s|\\{|$)`, 'i');
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => declaration.test(l));
  return i >= 0 ? i + 1 : null;
}

/** The 1-based line declaring the method (`Method Name(` or `ClassMethod Name(`, name quoted or not). */
export function methodLine(text: string, method: string): number | null {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => {
    const m = /^\s*(?:Class)?Method\s+("?)([^"(\s]+)\1\s*\(/i.exec(l);
    return m?.[2] === method;
  });
  return i >= 0 ? i + 1 : null;
}

/**
 * Annotations for the failed tests: on the file declaring the class, at the method's line (the
 * class's line for a class-level failure, or when the method is not found); without a file when
 * no class file declares the class.
 */
export function testFailureAnnotations(
  failures: readonly TestFailure[],
  sources: readonly ClassSource[],
  toRepositoryPath: (moduleRelative: string) => string | null,
): Annotation[] {
  return failures.map((f) => {
    const where = f.method ? `${f.className}:${f.method}` : f.className;
    const title = `Unit test failed: ${printable(where)}`;
    const message = f.messages.join('\n');
    const source = CLASS_NAME.test(f.className)
      ? sources.find((s) => classLine(s.text, f.className) !== null)
      : undefined;
    const file = source ? toRepositoryPath(source.file) : null;
    if (!source || !file) return { level: 'error', title, message: `${printable(where)}: ${message}` };
    const line = (f.method ? methodLine(source.text, f.method) : null) ?? classLine(source.text, f.className)!;
    return { level: 'error', title, message, file, startLine: line };
  });
}

async function readBounded(path: string, limit: number): Promise<Buffer | null> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile() || info.size > limit) return null;
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buf, 0, info.size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface TestAnnotations {
  annotations: Annotation[];
  /** What kept failures from being annotated (an unreadable JUnit file), for a warning. */
  problems: string[];
}

/** Reads a run's JUnit file and the module's class files, and annotates each failed test. */
export async function readTestFailureAnnotations(junitPath: string, roots: SourceRoots): Promise<TestAnnotations> {
  const xml = await readBounded(junitPath, MAX_JUNIT_BYTES);
  if (!xml)
    return {
      annotations: [],
      problems: [`The JUnit file ${basename(junitPath)} is missing, not a file or over ${MAX_JUNIT_BYTES} bytes.`],
    };
  const parsed = parseJUnitFailures(xml);
  if (!parsed.ok)
    return {
      annotations: [],
      problems: [`The JUnit file ${basename(junitPath)} could not be read: ${parsed.problem}`],
    };
  if (parsed.failures.length === 0) return { annotations: [], problems: [] };
  // The module's sources as the compile-error locator reads them (bounded; links not followed).
  const sources: ClassSource[] = [...(await readSourceTree(roots.moduleDir))]
    .filter(([file]) => /\.cls$/i.test(file))
    .map(([file, text]) => ({ file, text }));
  const annotations = testFailureAnnotations(parsed.failures, sources, (f) => repositoryPath(roots, f));
  const problems = parsed.more
    ? [`Only the first ${MAX_FAILED_CASES} failed tests of ${basename(junitPath)} are annotated.`]
    : [];
  return { annotations, problems };
}
