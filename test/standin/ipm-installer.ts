// Writes an IPM installer export (`zpm-<version>.xml`) for the stand-in. What the stand-in
// learns from it is what IRIS would: the classes it defines (database packaging is available
// exactly when it defines %IPM.Lifecycle.Database, as in IPM builds that have it) and the zpm
// module document with its version. Real installers hold the class bodies; these hold names.
import { writeFileSync } from 'node:fs';

export const BASE_CLASSES = [
  '%IPM.Main',
  '%IPM.Utils.Build',
  '%IPM.Utils.Module',
  '%IPM.Storage.Module',
  '%IPM.Storage.ModuleSetting.NamespaceConfig',
  '%IPM.General.Update.VersionBase',
  '%IPM.Lifecycle.Base',
  '%IPM.Lifecycle.Module',
];

/**
 * Not an IPM class: marks a hypothetical IPM build whose package-database also compiles the
 * dependencies' code into IRIS.DAT (a reviewer asked for it on pull request #1121; the source as of
 * the contract's commit does not). Without it the stand-in follows the source: dependency code stays out.
 */
export const DEPENDENCY_CODE_MARKER = '%IPM.StandIn.PackagesDependencyCode';

export interface InstallerOptions {
  databasePackaging: boolean;
  /** A build that packages the dependencies' code too (see DEPENDENCY_CODE_MARKER); default false. */
  dependencyCode?: boolean;
}

export function ipmInstallerXml(version: string, opts: InstallerOptions): string {
  const classes = [
    ...BASE_CLASSES,
    ...(opts.databasePackaging ? ['%IPM.Lifecycle.Database'] : []),
    ...(opts.databasePackaging && opts.dependencyCode ? [DEPENDENCY_CODE_MARKER] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Export generator="IRIS" version="26">',
    ...classes.map((c) => `<Class name="${c}">\n<Super>%RegisteredObject</Super>\n</Class>`),
    '<Document name="zpm.ZPM">',
    `<Module>\n<Name>zpm</Name>\n<ExternalName>IPM</ExternalName>\n<Version>${version}</Version>\n<Packaging>module</Packaging>\n</Module>`,
    '</Document>',
    '</Export>',
    '',
  ].join('\n');
}

export function writeIpmInstaller(file: string, version: string, opts: InstallerOptions): void {
  writeFileSync(file, ipmInstallerXml(version, opts));
}
