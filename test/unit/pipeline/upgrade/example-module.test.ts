import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSubsetStatement, parseUdlClass, type UdlClass } from '../../../support/udl.js';

const root = join(import.meta.dirname, '../../../../examples/example-module');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function loadClass(release: string, className: string): UdlClass {
  const path = join(root, release, 'src/cls', ...className.split('.')) + '.cls';
  return parseUdlClass(readFileSync(path, 'utf8'));
}

function element(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
}

/** The methods examples/example-module/README.md says the pipeline, IPM and the stand-in run. */
const pipelineCalled: Record<string, Record<string, string[]>> = {
  v1: {
    'DemoOrders.Setup': ['SeedData'],
    'DemoOrders.Checks': ['SettingsKept', 'OrdersKept'],
    'DemoOrders.Update.V1': ['GetOrderedMethods', 'GetOrderedMethodsPrimaryOnly', 'InitSettings'],
  },
  v2: {
    'DemoOrders.Setup': ['SeedData'],
    'DemoOrders.Checks': ['SettingsMigrated', 'OrdersKept', 'MigrationRanAtMostOnce'],
    'DemoOrders.Update.V1': ['GetOrderedMethods', 'GetOrderedMethodsPrimaryOnly', 'InitSettings'],
    'DemoOrders.Update.V2': ['GetOrderedMethods', 'GetOrderedMethodsPrimaryOnly', 'MoveBillingSettings'],
  },
};

describe('example module demo-orders', () => {
  it('declares name, version, dependency, resources and update package in IPM layout', () => {
    for (const [release, version] of [
      ['v1', '1.0.0'],
      ['v2', '2.0.0'],
    ] as const) {
      const xml = readFileSync(join(root, release, 'module.xml'), 'utf8');
      expect(xml).toMatch(/<Export generator="Cache" version="25">\s*<Document name="demo-orders.ZPM">\s*<Module>/);
      expect(element(xml, 'Name')).toEqual(['demo-orders', 'demo-money']);
      expect(element(xml, 'Version')).toEqual([version, '^1.0.0']);
      expect(element(xml, 'UpdatePackage')).toEqual(['DemoOrders.Update']);
      expect(xml).toContain('<Resource Name="DemoOrders.PKG" />');
      expect(xml).toContain('<Resource Name="DemoOrders.INC" />');
      expect(xml).toMatch(/<FileCopy Name="assets\/demo-orders.txt" Target="\$\{mgrdir\}demo-orders.txt" \/>/);
      expect(xml).toContain('<UnitTest Name="/tests/" Package="DemoOrdersTest" Phase="test" />');
      // every declared file resource exists
      expect(statSync(join(root, release, 'assets/demo-orders.txt')).isFile()).toBe(true);
      expect(readFileSync(join(root, release, 'src/inc/DemoOrders.inc'), 'utf8')).toMatch(
        /^ROUTINE DemoOrders \[Type=INC\]\n/,
      );
    }
  });

  it('ships the same dependency in both releases, resolvable from .modules/', () => {
    const dep = (release: string) =>
      files(join(root, release, '.modules/demo-money'))
        .map((path) => [relative(join(root, release), path), readFileSync(path, 'utf8')] as const)
        .sort();
    expect(dep('v1').map(([path]) => path)).toEqual([
      '.modules/demo-money/module.xml',
      '.modules/demo-money/src/cls/DemoMoney/Format.cls',
    ]);
    expect(dep('v2')).toEqual(dep('v1'));
  });

  it('puts every class in the file its name says, so IPM finds it', () => {
    for (const release of ['v1', 'v2']) {
      for (const path of files(join(root, release)).filter((p) => p.endsWith('.cls'))) {
        const cls = parseUdlClass(readFileSync(path, 'utf8'));
        expect(path.replace(/\\/g, '/').endsWith('/' + cls.name.replace(/\./g, '/') + '.cls'), path).toBe(true);
      }
    }
  });

  it('has update step classes extending IPM VersionBase, v2 adding exactly one new step class', () => {
    const stepClasses = (release: string) =>
      readdirSync(join(root, release, 'src/cls/DemoOrders/Update')).map((f) => f.replace(/\.cls$/, ''));
    expect(stepClasses('v1')).toEqual(['V1']);
    expect(stepClasses('v2').sort()).toEqual(['V1', 'V2']);
    for (const release of ['v1', 'v2']) {
      for (const step of stepClasses(release)) {
        const cls = loadClass(release, `DemoOrders.Update.${step}`);
        expect(cls.superclasses).toEqual(['%IPM.General.Update.VersionBase']);
        const ordered = cls.methods.find((m) => m.name === 'GetOrderedMethods')!;
        const listed = JSON.parse(ordered.body[0]!.replace(/^return /, '')) as string[];
        for (const method of listed) expect(cls.methods.map((m) => m.name)).toContain(method);
      }
    }
    // release 2 must not change release 1's steps: IPM would re-run what follows a changed entry
    expect(readFileSync(join(root, 'v2/src/cls/DemoOrders/Update/V1.cls'), 'utf8')).toBe(
      readFileSync(join(root, 'v1/src/cls/DemoOrders/Update/V1.cls'), 'utf8'),
    );
    // the data class's storage is unchanged, so the rows stay readable
    expect(readFileSync(join(root, 'v2/src/cls/DemoOrders/CustomerOrder.cls'), 'utf8')).toBe(
      readFileSync(join(root, 'v1/src/cls/DemoOrders/CustomerOrder.cls'), 'utf8'),
    );
  });

  it('keeps every method the pipeline, IPM or the stand-in runs inside the documented subset', () => {
    let checked = 0;
    for (const [release, classes] of Object.entries(pipelineCalled)) {
      for (const [className, methods] of Object.entries(classes)) {
        const cls = loadClass(release, className);
        for (const name of methods) {
          const method = cls.methods.find((m) => m.name === name);
          expect(method, `${release} ${className}:${name}`).toBeDefined();
          expect(method!.body.length).toBeGreaterThan(0);
          for (const line of method!.body) {
            expect(checkSubsetStatement(line), `${release} ${className}:${name}: ${line}`).toBeNull();
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('subset checker', () => {
  it.each([
    'set ^A.B("x", 1) = $get(^A.B("y"), "d""q")',
    'set id = $increment(^A.D)',
    'set ^A.D(id) = $listbuild("", "ACME", 120.5)',
    'kill ^A.B("currency")',
    'quit ($get(^A("b")) \'= "") & ($data(^A("c")) = 0)',
    "quit $get(^A, 0) '> 1",
    'return ["One", "Two"]',
    'return []',
    '// a comment',
  ])('accepts %s', (line) => {
    expect(checkSubsetStatement(line)).toBeNull();
  });

  it.each([
    ['do ##class(X).Y()', /outside the subset/],
    ['set x = $order(^A(""))', /function outside/],
    ['set x = $increment(^A, 2)', /one argument/],
    ['set ^A(1)=2', /expected " = "/],
    ['kill x', /expected \^Global/],
    ['quit 1 + 2', /unexpected text/],
    ['set x = "unterminated', /expected a string literal/],
  ])('rejects %s', (line, why) => {
    expect(checkSubsetStatement(line)).toMatch(why);
  });
});
