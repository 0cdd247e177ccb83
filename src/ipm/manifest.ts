/**
 * The name and version of the module in a module directory's module.xml
 * (`/Export/Document/Module/Name` and `/Version`), validated for use in IPM commands.
 * Read with the archive verifier's parser, so a module directory and a package are held to
 * the same XML rules (no DOCTYPE, UTF-8, first occurrence wins).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import { printable } from '../util/untrusted.js';
import { readModuleManifest, type ModuleManifest } from '../archive/module-manifest.js';
import { isModuleName, isSemver } from '../naming/grammar.js';

export interface ModuleIdentity {
  name: string;
  version: string;
}

/** The whole manifest of a module.xml text; throws when the XML is refused. */
export function parseModuleXml(xml: string, where = 'module.xml'): ModuleManifest {
  const { xml: result, manifest } = readModuleManifest(Buffer.from(xml, 'utf8'));
  if (!result.ok) {
    const what = result.code === 'xml-not-well-formed' ? 'is not well-formed XML' : 'is refused';
    throw new IpmDbError('module-xml-invalid', `${where} ${what}: ${result.detail}`);
  }
  return manifest;
}

export function parseModuleIdentity(xml: string, where = 'module.xml'): ModuleIdentity {
  const { name, version } = parseModuleXml(xml, where);
  if (!name || !version)
    throw new IpmDbError(
      'module-xml-invalid',
      `${where} has no /Export/Document/Module/${name ? 'Version' : 'Name'}.`,
      {
        hint: 'The module directory must hold an IPM module.xml.',
      },
    );
  if (!isModuleName(name))
    throw new IpmDbError(
      'module-xml-invalid',
      `${where}: module name "${printable(name)}" is not a valid IPM module name (letters, digits, ".", "-", "_").`,
    );
  if (!isSemver(version))
    throw new IpmDbError(
      'module-xml-invalid',
      `${where}: version "${printable(version)}" is not a semantic version (e.g. 1.2.3).`,
    );
  return { name, version };
}

export async function readModuleIdentity(moduleDir: string): Promise<ModuleIdentity> {
  const file = join(moduleDir, 'module.xml');
  const xml = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new IpmDbError('module-xml-missing', `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point --module at the directory that holds the module's module.xml.",
    });
  });
  return parseModuleIdentity(xml, file);
}
