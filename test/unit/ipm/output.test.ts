import { describe, expect, it } from 'vitest';
import { classifyIpmMessage, parsePackageOutput, parseSwapOutput } from '../../../src/ipm/output.js';

const SUM = '3f5a0c9be1d24e6f8a7b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f';

describe('IPM output', () => {
  it('reads the checksum and the archive path of package-database', () => {
    const text = [
      'Starting database packaging: simple-db-module v1.0.0',
      'Computing SHA-256 checksum...',
      `  Checksum: ${SUM.toUpperCase()}`,
      'Database package generated:',
      '\t/tmp/ipm-db/out-2/simple-db-module-1.0.0-database.tgz',
    ].join('\n');
    expect(parsePackageOutput(text)).toEqual({
      checksum: SUM,
      archivePath: '/tmp/ipm-db/out-2/simple-db-module-1.0.0-database.tgz',
    });
    expect(parsePackageOutput('nothing here')).toEqual({ checksum: null, archivePath: null });
  });

  it('reads the swap result', () => {
    expect(
      parseSwapOutput(
        '\nDatabase swap complete for namespace USER-INST\n  Backup: /usr/irissys/mgr/user-inst-code/IRIS_USER-INST-CODE_20261122041500.DAT\n',
      ),
    ).toEqual({
      namespace: 'USER-INST',
      backupPath: '/usr/irissys/mgr/user-inst-code/IRIS_USER-INST-CODE_20261122041500.DAT',
    });
  });
});

describe('installer messages map to stable codes', () => {
  // The texts of contract section 4, as Database.cls and Main.cls print them.
  const table: Array<[string, string]> = [
    ['Database package is missing IRIS.DAT in: /tmp/ipm-db/pkg-1/x/', 'package-missing-iris-dat'],
    ['Database package is missing module.xml in: /tmp/x/', 'package-missing-module-xml'],
    ['module.xml does not declare <Packaging>database</Packaging>. Got: module', 'not-a-database-package'],
    ['Database package is missing deps/ directory in: /tmp/x/', 'package-missing-deps'],
    ['module.xml is missing <Checksum> element.', 'package-missing-checksum'],
    [`IRIS.DAT SHA-256 mismatch. Expected: ${SUM} Actual: ${'0'.repeat(64)}`, 'checksum-mismatch'],
    [
      'The module cannot be installed on the current version (2025.1) of the system, version "2026.1" is required',
      'iris-version-mismatch',
    ],
    [
      "A database package ('other-module') is already installed in this namespace. Only one database package per namespace is allowed.",
      'second-database-package',
    ],
    [
      'IPM must be mapped from another namespace. %IPM classes were found in the current routines database.',
      'ipm-not-mapped',
    ],
    ['Database packaging is not currently supported for mirrored databases (USER-CODE)', 'mirrored-database'],
    ['Database packages cannot be installed in developer mode.', 'dev-mode-install'],
    ["Module 'x' has update steps. Please use the 'update' command instead.", 'use-update'],
    ['Database swap cancelled by user.', 'swap-cancelled'],
  ];
  for (const [text, code] of table) it(code, () => expect(classifyIpmMessage(text)?.code).toBe(code));
  it('unknown text has no code', () => expect(classifyIpmMessage('Something else went wrong')).toBeNull());
});
