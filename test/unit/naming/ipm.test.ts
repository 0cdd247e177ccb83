import { describe, expect, it } from 'vitest';
import {
  formatDatabaseTag,
  ipmArchiveFileName,
  ipmDatabaseTag,
  ipmRepositoryPath,
  isIpmArchiveFileName,
  mentionsDatabaseTag,
  parseDatabaseTag,
} from '../../../src/naming/ipm.js';

describe('IPM names', () => {
  it('builds the repository from namespace and lower-cased module name', () => {
    expect(ipmRepositoryPath('acme', 'DemoModule')).toBe('acme/demomodule');
    expect(ipmRepositoryPath('acme/team/', 'a-b.c_d')).toBe('acme/team/a-b.c_d');
  });

  it('rejects path components outside the distribution grammar', () => {
    expect(ipmRepositoryPath('Acme-Org', 'x')).toBe('acme-org/x');
    expect(() => ipmRepositoryPath('acme_', 'x')).toThrow(/namespace component "acme_"/);
    expect(() => ipmRepositoryPath('acme', 'bad..name')).toThrow(/module name/);
    expect(() => ipmRepositoryPath('acme', '-x')).toThrow();
    expect(() => ipmRepositoryPath('', 'x')).toThrow(/namespace is empty/);
  });

  it('makes the database tag and validates it', () => {
    expect(ipmDatabaseTag('1.2.3', '2025.1')).toBe('1.2.3_database__2025.1');
    expect(ipmDatabaseTag('1.2.3+build.5', '2024.3')).toBe('1.2.3_build.5_database__2024.3');
    expect(() => ipmDatabaseTag('1.2.3', '25.1')).toThrow(/IRIS version "25.1"/);
    expect(() => ipmDatabaseTag(`1.2.3-${'x'.repeat(130)}`, '2025.1')).toThrow(/not a valid OCI tag/);
  });

  it('reads the version and IRIS release back out of a database tag', () => {
    expect(parseDatabaseTag('1.2.3_database__2025.1')).toEqual({ version: '1.2.3', irisMajorMinor: '2025.1' });
    expect(parseDatabaseTag('1.2.3_build.5_database__2024.10')).toEqual({
      version: '1.2.3_build.5',
      irisMajorMinor: '2024.10',
    });
    expect(parseDatabaseTag('1.2.3_database__25.1')).toBeNull();
    expect(parseDatabaseTag('1.2.3')).toBeNull();
    expect(mentionsDatabaseTag('1.2.3_database__x')).toBe(true);
    expect(mentionsDatabaseTag('1.2.3-database')).toBe(false);
    expect(formatDatabaseTag('1.0.0+b', 'x')).toBe('1.0.0_b_database__x');
  });

  it('names the archive <module>-<version>-database.tgz, keeping the case', () => {
    expect(ipmArchiveFileName('DemoOrders', '1.0.0')).toBe('DemoOrders-1.0.0-database.tgz');
    expect(isIpmArchiveFileName('demoorders-1.0.0-database.TGZ')).toBe(true);
    expect(isIpmArchiveFileName('demoorders-1.0.0.tgz')).toBe(false);
  });
});
