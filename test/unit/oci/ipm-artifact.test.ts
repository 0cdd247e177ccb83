import { describe, expect, it } from 'vitest';
import {
  buildIpmManifest,
  canonicalJson,
  checkModuleVersion,
  EMPTY_CONFIG_DIGEST,
  IPM_ANNOTATION_KEYS,
  ipmAcceptanceViolations,
  ipmAnnotations,
  moduleXmlOneLine,
  serializeManifest,
  type IpmAnnotations,
  type IpmPackageFacts,
} from '../../../src/oci/ipm-artifact.js';
import { sha256Digest } from '../../../src/naming/grammar.js';
import { IpmDbError } from '../../../src/util/errors.js';

const facts: IpmPackageFacts = {
  moduleName: 'DemoModule',
  version: '1.2.3',
  irisVersion: '2025.1',
  description: 'demo',
  moduleXml: '<?xml version="1.0"?>\n<Module>\r\n  <Name>DemoModule</Name>\n</Module>\n',
  source: 'https://github.com/acme/demo',
  created: '2026-01-02T03:04:05Z',
  layer: { digest: `sha256:${'a'.repeat(64)}`, size: 1234 },
};

describe('IPM module versions', () => {
  it('refuses prerelease and build versions unless allowed', () => {
    expect(checkModuleVersion('10.0.1')).toBe('10.0.1');
    for (const v of ['1.2.3-beta.1', '1.2.3+build']) {
      const err = (() => {
        try {
          checkModuleVersion(v);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(IpmDbError);
      expect((err as IpmDbError).code).toBe('prerelease-version');
      expect(checkModuleVersion(v, true)).toBe(v);
    }
    expect(() => checkModuleVersion('1.2', true)).toThrow(/not a semantic version/);
    expect(() => checkModuleVersion('01.2.3')).toThrow(/not a semantic version/);
  });
});

describe('IPM manifest', () => {
  it('has the config, one tar layer titled <module>-<version>-database.tgz, and the annotations', () => {
    const m = buildIpmManifest(facts);
    expect(m.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(m.config).toEqual({
      mediaType: 'application/vnd.unknown.config.v1+json',
      digest: sha256Digest('{}'),
      size: 2,
    });
    expect(EMPTY_CONFIG_DIGEST).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(m.layers).toEqual([
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: facts.layer.digest,
        size: 1234,
        annotations: { 'org.opencontainers.image.title': 'DemoModule-1.2.3-database.tgz' },
      },
    ]);
    expect(m.annotations).toEqual({
      'org.opencontainers.image.title': 'DemoModule',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.created': '2026-01-02T03:04:05Z',
      'org.opencontainers.image.description': 'demo',
      'org.opencontainers.image.source': 'https://github.com/acme/demo',
      'com.intersystems.ipm.platformVersion': '2025.1',
      'com.intersystems.ipm.packaging': 'database',
      'com.intersystems.ipm.module.v1+xml': '<?xml version="1.0"?><Module>  <Name>DemoModule</Name></Module>',
    });
    expect(Object.keys(m.annotations ?? {}).every((k) => (IPM_ANNOTATION_KEYS as readonly string[]).includes(k))).toBe(
      true,
    );
    expect(ipmAcceptanceViolations(m, '1.2.3_database__2025.1')).toEqual([]);
  });

  it('cannot carry an annotation outside the allow-list', () => {
    const extra = { 'org.opencontainers.image.revision': 'abc' } as unknown as IpmAnnotations;
    expect(() => ipmAnnotations(extra)).toThrow(/"org.opencontainers.image.revision" is not one IPM accepts/);
  });

  it('joins module.xml lines as IPM does, without a BOM', () => {
    expect(moduleXmlOneLine('\uFEFF<a>\r\n <b/>\r</a>\n')).toBe('<a> <b/></a>');
  });

  it('serialises deterministically whatever the key order', () => {
    const a = buildIpmManifest(facts);
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const b = reversed(a) as typeof a;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(serializeManifest(a)).toEqual(serializeManifest(b));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    const other = serializeManifest(buildIpmManifest({ ...facts, created: '2026-01-02T03:04:06Z' }));
    expect(other.digest).not.toBe(serializeManifest(a).digest);
  });
});

describe('IPM acceptance rules', () => {
  it('lists each rule a foreign manifest breaks', () => {
    const bad = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: facts.layer.digest, size: 1 },
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          digest: facts.layer.digest,
          size: 1,
          annotations: { 'org.opencontainers.image.title': 'x.zip' },
        },
      ],
      annotations: {
        'org.opencontainers.image.revision': 'abc',
        'org.opencontainers.image.version': '1.2.3-rc.1',
        'com.intersystems.ipm.module.v1+xml': '<a>\n</a>',
      },
    };
    const rules = ipmAcceptanceViolations(bad, 'latest').map((v) => v.rule);
    for (const rule of [
      'manifest-media-type',
      'config-media-type',
      'one-layer',
      'layer-title',
      'annotation-key',
      'title',
      'module-xml',
      'version',
      'packaging',
      'platform-version',
      'tag',
    ]) {
      expect(rules).toContain(rule);
    }
    expect(ipmAcceptanceViolations('nope', undefined).map((v) => v.rule)).toEqual(['manifest-json']);
  });

  it('flags a tag that does not match version and platform', () => {
    const m = buildIpmManifest(facts);
    expect(ipmAcceptanceViolations(m, '1.2.3_database__2024.1')).toEqual([
      {
        rule: 'tag',
        message: 'tag "1.2.3_database__2024.1" should be "1.2.3_database__2025.1" for this version and platform',
      },
    ]);
  });
});
