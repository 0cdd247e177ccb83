import { describe, expect, it } from 'vitest';
import { parseModuleIdentity } from '../../../src/ipm/manifest.js';

describe('parseModuleIdentity', () => {
  it('reads Name and Version of the module element only', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Export generator="Cache" version="25">
  <Document name="simple-db-module.ZPM">
    <Module>
      <Name>simple-db-module</Name>
      <Version>1.0.0</Version>
      <Dependencies><ModuleReference><Name>dep</Name><Version>2.0.0</Version></ModuleReference></Dependencies>
    </Module>
  </Document>
</Export>`;
    expect(parseModuleIdentity(xml)).toEqual({ name: 'simple-db-module', version: '1.0.0' });
  });
  it('refuses unusable manifests', () => {
    expect(() =>
      parseModuleIdentity(
        '<Export><Document><Module><Name>a b</Name><Version>1.0.0</Version></Module></Document></Export>',
      ),
    ).toThrow(/not a valid IPM module name/);
    expect(() =>
      parseModuleIdentity(
        '<Export><Document><Module><Name>a</Name><Version>1.0</Version></Module></Document></Export>',
      ),
    ).toThrow(/not a semantic version/);
    expect(() => parseModuleIdentity('<Export><Document><Module><Name>a</Name></Module></Document></Export>')).toThrow(
      /Version/,
    );
    expect(() => parseModuleIdentity('<Export>')).toThrow(/well-formed/);
    expect(() =>
      parseModuleIdentity(
        '<!DOCTYPE Export [<!ENTITY n "a">]><Export><Document><Module><Name>&n;</Name><Version>1.0.0</Version></Module></Document></Export>',
      ),
    ).toThrow(/DOCTYPE/);
  });
});
