import type { CollectedArchive, ParsedXmlEntry } from './archive-collector.js';
import type { FindingList } from './findings.js';
import { irisMajorMinor, isIrisMajorMinor, isSemver, isSha256Hex } from '../naming/grammar.js';
import { ipmArchiveFileName, isIpmArchiveFileName } from '../naming/ipm.js';
import { isTestScoped, type DeclaredResource } from './module-manifest.js';
import type { DependencyReport, ModuleReport, VerificationReport } from './report.js';

export interface Expectations {
  expectedIrisVersion?: string;
  expectedModuleName?: string;
  expectedModuleVersion?: string;
}

export interface PackageFacts {
  module: ModuleReport | null;
  checksum: VerificationReport['checksum'];
  dependencies: DependencyReport[];
  builtWithTestResources: boolean | null;
}

function nestedHint(collected: CollectedArchive, name: string): string {
  const nested = collected.entries.find(
    (e) =>
      e.path.toLowerCase().endsWith(`/${name.toLowerCase()}`) ||
      (e.path !== name && e.path.toLowerCase() === name.toLowerCase()),
  );
  return nested
    ? ` Found "${nested.path}" instead: IPM expects "${name}" at the top level of the archive, exactly so named.`
    : '';
}

function xmlProblem(findings: FindingList, entry: ParsedXmlEntry): boolean {
  if (entry.xml.ok) return false;
  findings.add(
    entry.xml.code,
    `"${entry.path}" is rejected: ${entry.xml.detail}. Rebuild the package with IPM.`,
    entry.path,
  );
  return true;
}

/**
 * The checks that need the whole archive: IRIS.DAT and module.xml present and consistent,
 * deps/ complete, caller expectations, file name, test resources. `complete` is false when
 * parsing stopped early; absences are then not reported, the stopping error explains them.
 */
export function checkPackage(
  collected: CollectedArchive,
  fileName: string,
  expected: Expectations,
  complete: boolean,
  findings: FindingList,
): PackageFacts {
  checkIrisDat(collected, complete, findings);
  const module = checkModuleXml(collected, expected, complete, findings);
  const checksum = checkChecksum(collected, module, findings);
  const dependencies = checkDependencies(collected, module, complete, findings);
  if (module) checkFileName(fileName, module, findings);
  const builtWithTestResources = module ? judgeTestResources(collected, module, findings) : null;
  return { module: module?.report ?? null, checksum, dependencies, builtWithTestResources };
}

/** IRIS.DAT or module.xml absent, or present as something other than a regular file. */
function reportMissing(
  collected: CollectedArchive,
  complete: boolean,
  findings: FindingList,
  name: 'IRIS.DAT' | 'module.xml',
  wrongKind: string | null,
  what: string,
): void {
  const code = name === 'IRIS.DAT' ? 'iris-dat-missing' : 'module-xml-missing';
  if (wrongKind) {
    findings.add(code, `${name} is a ${wrongKind}, expected a regular file (${what}).`, name);
  } else if (complete && !collected.entries.some((e) => e.path === name && e.role !== 'rejected')) {
    findings.add(
      code,
      `the archive has no ${name}; a database package must hold ${what} at its top level.${nestedHint(collected, name)}`,
    );
  }
}

function checkIrisDat(collected: CollectedArchive, complete: boolean, findings: FindingList): void {
  const dat = collected.irisDat;
  if (!dat) {
    reportMissing(collected, complete, findings, 'IRIS.DAT', collected.irisDatWrongKind, 'the routines database');
    return;
  }
  if (dat.size === 0) {
    findings.add(
      'iris-dat-empty',
      'IRIS.DAT is empty (0 bytes); expected the routines database. Re-run package-database.',
      'IRIS.DAT',
    );
  } else if (dat.size % 8192 !== 0) {
    findings.add(
      'iris-dat-size-unaligned',
      `IRIS.DAT is ${dat.size} bytes, not a multiple of the 8192-byte IRIS block; it may be cut short or not an IRIS database.`,
      'IRIS.DAT',
    );
  }
}

interface ModuleFacts {
  report: ModuleReport;
  resources: DeclaredResource[];
  declaredDependencies: { name: string; version: string | null }[];
}

function checkModuleXml(
  collected: CollectedArchive,
  expected: Expectations,
  complete: boolean,
  findings: FindingList,
): ModuleFacts | null {
  const entry = collected.moduleXml;
  if (!entry) {
    reportMissing(
      collected,
      complete,
      findings,
      'module.xml',
      collected.moduleXmlWrongKind,
      'the enriched module manifest',
    );
    return null;
  }
  if (xmlProblem(findings, entry)) return null;
  const m = entry.manifest;
  if (m.layoutProblem) {
    findings.add(
      'module-xml-layout',
      `module.xml is not an IPM module manifest: ${m.layoutProblem}. Expected /Export/Document/Module.`,
      'module.xml',
    );
    return null;
  }
  for (const element of m.repeated) {
    findings.add(
      'module-element-duplicate',
      `module.xml has more than one <${element}>; IPM writes each once and readers would disagree on which counts. Rebuild the package.`,
      'module.xml',
    );
  }
  if (!m.name) findings.add('module-name-missing', 'module.xml has no Module/Name.', 'module.xml');
  if (!m.version) findings.add('module-version-missing', 'module.xml has no Module/Version.', 'module.xml');
  else if (!isSemver(m.version)) {
    findings.add(
      'module-version-not-semver',
      `Module/Version "${m.version}" is not a semantic version (X.Y.Z); IPM resolves and publishes X.Y.Z versions.`,
      'module.xml',
    );
  }
  if (m.packaging !== 'database') {
    findings.add(
      'packaging-not-database',
      `module.xml does not declare <Packaging>database</Packaging> (got ${m.packaging === null ? 'no Packaging element' : `"${m.packaging}"`}); this is not a database package. Build it with package-database.`,
      'module.xml',
    );
  }
  const sysreq = m.systemRequirements;
  const irisVersion = sysreq?.Version?.trim() || null;
  if (!irisVersion) {
    findings.add(
      'iris-version-missing',
      'module.xml has no SystemRequirements/@Version; package-database writes the IRIS major.minor it ran on there.',
      'module.xml',
    );
  } else if (!isIrisMajorMinor(irisVersion)) {
    findings.add(
      'iris-version-malformed',
      `SystemRequirements/@Version "${irisVersion}" is not of the form YYYY.N (IRIS major.minor).`,
      'module.xml',
    );
  } else if (expected.expectedIrisVersion !== undefined) {
    const want = irisMajorMinor(expected.expectedIrisVersion) ?? expected.expectedIrisVersion;
    if (irisMajorMinor(irisVersion) !== want) {
      findings.add(
        'iris-version-mismatch',
        `the package installs only on IRIS ${irisVersion} (SystemRequirements/@Version), but IRIS ${want} was expected. Package it on an IRIS ${want} instance.`,
        'module.xml',
      );
    }
  }
  if (
    expected.expectedModuleName !== undefined &&
    m.name &&
    m.name.toLowerCase() !== expected.expectedModuleName.toLowerCase()
  ) {
    findings.add(
      'module-name-mismatch',
      `module.xml names module "${m.name}", but "${expected.expectedModuleName}" was expected.`,
      'module.xml',
    );
  }
  if (expected.expectedModuleVersion !== undefined && m.version && m.version !== expected.expectedModuleVersion) {
    findings.add(
      'module-version-mismatch',
      `module.xml gives version "${m.version}", but "${expected.expectedModuleVersion}" was expected.`,
      'module.xml',
    );
  }
  const testResources = m.resources.filter(isTestScoped).map((r) => r.name);
  const systemRequirements: Record<string, string> = { ...(sysreq ?? {}) };
  delete systemRequirements.Version;
  return {
    report: {
      name: m.name ?? '',
      version: m.version ?? '',
      description: m.description,
      packaging: m.packaging,
      irisVersion,
      systemRequirements,
      updatePackage: m.updatePackage,
      testResources,
      manifestXml: entry.xml.ok ? (entry.xml.text ?? '') : '',
    },
    resources: m.resources,
    declaredDependencies: m.dependencies,
  };
}

function checkChecksum(
  collected: CollectedArchive,
  module: ModuleFacts | null,
  findings: FindingList,
): VerificationReport['checksum'] {
  const manifestChecksum = collected.moduleXml?.manifest.checksum ?? null;
  const actual = collected.irisDat?.sha256 ?? null;
  const result = {
    algorithm: manifestChecksum?.algorithm ?? null,
    expected: manifestChecksum?.value ?? null,
    actual,
    match: false,
  };
  if (!module) return result;
  if (!manifestChecksum) {
    findings.add(
      'checksum-missing',
      'module.xml is missing the <Checksum Algorithm="SHA-256"> element that package-database writes; IPM refuses to install without it.',
      'module.xml',
    );
    return result;
  }
  if (manifestChecksum.algorithm !== 'SHA-256') {
    findings.add(
      'checksum-algorithm',
      `Checksum/@Algorithm is ${manifestChecksum.algorithm === null ? 'missing' : `"${manifestChecksum.algorithm}"`}, expected "SHA-256".`,
      'module.xml',
    );
  }
  if (!isSha256Hex(manifestChecksum.value)) {
    findings.add(
      'checksum-malformed',
      `the Checksum "${manifestChecksum.value.slice(0, 80)}" is not 64 hexadecimal digits.`,
      'module.xml',
    );
    return result;
  }
  if (actual === null) return result;
  result.match = actual === manifestChecksum.value.toLowerCase();
  if (!result.match) {
    findings.add(
      'checksum-mismatch',
      `IRIS.DAT SHA-256 mismatch. Expected: ${manifestChecksum.value} (module.xml) Actual: ${actual}. IRIS.DAT was altered or swapped after packaging: do not install it, rebuild the package.`,
      'IRIS.DAT',
    );
  }
  return result;
}

function checkDependencies(
  collected: CollectedArchive,
  module: ModuleFacts | null,
  complete: boolean,
  findings: FindingList,
): DependencyReport[] {
  if (collected.deps === 'file') {
    findings.add(
      'deps-missing',
      '"deps" is not a directory; IPM requires a deps/ directory (possibly empty) holding one <dependency>.xml per dependency.',
      'deps',
    );
  } else if (collected.deps === null && complete) {
    findings.add(
      'deps-missing',
      'the archive has no deps/ directory; IPM refuses a database package without it (it may be empty).',
    );
  }
  const reports = new Map<string, DependencyReport>();
  for (const [dep, entry] of collected.dependencyFiles) {
    const report: DependencyReport = { name: dep, declaredVersion: null, packagedVersion: null, depsFile: entry.path };
    reports.set(dep.toLowerCase(), report);
    if (xmlProblem(findings, entry)) continue;
    const m = entry.manifest;
    if (m.layoutProblem || m.documentName === null) {
      findings.add(
        'dependency-layout',
        `"${entry.path}" is not an IRIS export of a module: ${m.layoutProblem ?? 'Export/Document has no name attribute'}. Expected /Export/Document[@name="${dep}.ZPM"]/Module.`,
        entry.path,
      );
      continue;
    }
    report.packagedVersion = m.version;
    const wantDocument = `${dep}.ZPM`;
    if (
      m.documentName.toLowerCase() !== wantDocument.toLowerCase() ||
      (m.name ?? '').toLowerCase() !== dep.toLowerCase()
    ) {
      findings.add(
        'dependency-name-mismatch',
        `"${entry.path}" exports Document "${m.documentName}" with Module/Name "${m.name ?? ''}", expected "${wantDocument}" and "${dep}".`,
        entry.path,
      );
    }
  }
  for (const declared of module?.declaredDependencies ?? []) {
    const existing = reports.get(declared.name.toLowerCase());
    if (existing) {
      existing.declaredVersion = declared.version;
      continue;
    }
    reports.set(declared.name.toLowerCase(), {
      name: declared.name,
      declaredVersion: declared.version,
      packagedVersion: null,
      depsFile: null,
    });
    if (collected.deps === 'directory' || complete) {
      findings.add(
        'dependency-file-missing',
        `module.xml declares dependency "${declared.name}" but the archive has no deps/${declared.name}.xml; the installing instance must already have it or get it from a registry.`,
        `deps/${declared.name}.xml`,
      );
    }
  }
  return [...reports.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function checkFileName(fileName: string, module: ModuleFacts, findings: FindingList): void {
  const { name, version } = module.report;
  if (!name || !version) return;
  const expectedName = ipmArchiveFileName(name, version);
  if (!isIpmArchiveFileName(fileName)) {
    findings.add(
      'file-name-nonstandard',
      `the file name "${fileName}" does not follow IPM's <name>-<version>-database.tgz pattern (for this module: "${expectedName}").`,
    );
  } else if (fileName.toLowerCase() !== expectedName.toLowerCase()) {
    findings.add(
      'file-name-mismatch',
      `the file name "${fileName}" follows IPM's pattern but module.xml says "${name}" version "${version}" (expected "${expectedName}"). The file was renamed or holds another module: check which it is.`,
    );
  }
}

const FILE_PROCESSORS = ['filecopy', 'pythonwheel', 'cpf'];

function judgeTestResources(collected: CollectedArchive, module: ModuleFacts, findings: FindingList): boolean | null {
  const testScoped = module.resources.filter(isTestScoped);
  if (testScoped.length === 0) {
    findings.add(
      'test-resources-undetermined',
      'module.xml declares no test-scoped resources (Scope="test" or "verify"), so there is nothing to tell.',
    );
    return null;
  }
  const fileResources = testScoped.filter((r) =>
    FILE_PROCESSORS.includes((r.processor ?? '').split('.').pop()!.toLowerCase()),
  );
  if (fileResources.length === 0) {
    findings.add(
      'test-resources-undetermined',
      `module.xml declares test-scoped resources (${testScoped.map((r) => r.name).join(', ')}) that are compiled into IRIS.DAT, whose contents cannot be inspected here.`,
    );
    return null;
  }
  const paths = collected.entries.filter((e) => e.role !== 'rejected').map((e) => e.path);
  const present = fileResources.filter((r) => {
    const clean = r.name.replace(/^\/+|\/+$/g, '');
    const base = clean.split('/').pop()!;
    return paths.some((p) => p === clean || p.startsWith(`${clean}/`) || p === base || p.endsWith(`/${base}`));
  });
  if (present.length > 0) {
    findings.add(
      'built-with-test-resources',
      `test-scoped files are packaged (${present.map((r) => r.name).join(', ')}): the package was built with -dev. Do not ship it to production.`,
    );
    return true;
  }
  findings.add(
    'built-without-test-resources',
    `test-scoped files declared in module.xml (${fileResources.map((r) => r.name).join(', ')}) are not packaged: the package was built without -dev.`,
  );
  return false;
}
