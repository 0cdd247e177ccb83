import { printable } from '../util/untrusted.js';
import type { Finding, VerificationReport } from './report.js';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

function findingLines(title: string, list: Finding[]): string[] {
  if (list.length === 0) return [];
  return [
    '',
    `${title} (${list.length}):`,
    ...list.map((f) => `  - [${f.code}]${f.entry ? ` ${printable(f.entry)}:` : ''} ${printable(f.message)}`),
  ];
}

/** The report as a person reads it in a terminal or a job log. */
export function renderReport(r: VerificationReport): string {
  const roles = new Map<string, number>();
  for (const e of r.entries) roles.set(e.role, (roles.get(e.role) ?? 0) + 1);
  const lines = [
    `${r.valid ? 'VALID' : 'INVALID'}: ${r.archive.path}`,
    '',
    `Archive   ${bytes(r.archive.size)} compressed, ${bytes(r.archive.uncompressedSize)} in ${r.archive.entryCount} entries` +
      (r.archive.fullyRead === false ? ' (verification stopped early)' : ''),
    `          sha256 ${r.archive.sha256}`,
    `Entries   ${[...roles].map(([role, n]) => `${n} ${role}`).join(', ') || 'none'}`,
  ];
  if (r.module) {
    lines.push(
      // Names and versions come from the archive's module.xml: one line each, whatever they hold.
      `Module    ${printable(r.module.name) || '(no name)'} ${printable(r.module.version) || '(no version)'}, packaging ${printable(r.module.packaging ?? '(none)')}, IRIS ${printable(r.module.irisVersion ?? '(not stated)')}`,
    );
    if (r.module.updatePackage) lines.push(`          update steps in ${printable(r.module.updatePackage)}`);
  } else {
    lines.push('Module    (module.xml not read)');
  }
  lines.push(
    `IRIS.DAT  ${r.irisDat ? bytes(r.irisDat.size) : '(not found)'}`,
    `Checksum  expected ${r.checksum.expected ?? '(none)'}${r.checksum.algorithm ? ` (${r.checksum.algorithm})` : ''}`,
    `          actual   ${r.checksum.actual ?? '(not computed)'}  ${r.checksum.match ? 'MATCH' : 'NO MATCH'}`,
  );
  if (r.dependencies.length === 0) lines.push('Deps      none');
  for (const [i, d] of r.dependencies.entries()) {
    const declared = d.declaredVersion ? `declared ${d.declaredVersion}` : 'transitive';
    const packaged = d.depsFile ? `packaged ${d.packagedVersion ?? '?'} in ${d.depsFile}` : 'no deps file';
    lines.push(`${i === 0 ? 'Deps     ' : '         '} ${printable(`${d.name}: ${declared}, ${packaged}`)}`);
  }
  const tests =
    r.builtWithTestResources === null ? 'unknown' : r.builtWithTestResources ? 'included (-dev)' : 'not included';
  lines.push(`Tests     test resources ${tests}`);
  lines.push(
    ...findingLines('Errors', r.errors),
    ...findingLines('Warnings', r.warnings),
    ...findingLines('Notes', r.infos),
  );
  lines.push('', `Verified in ${r.durationMs} ms.`);
  return lines.join('\n');
}
