/**
 * The name and version of the module in a module directory's module.xml
 * (`/Export/Document/Module/Name` and `/Version`), validated for use in IPM commands.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { IpmDbError } from '../util/errors.js';
import { isValid } from '../iris/validate.js';

export interface ModuleIdentity {
  name: string;
  version: string;
}

export function parseModuleIdentity(xml: string, where = 'module.xml'): ModuleIdentity {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  const found: Record<'Name' | 'Version', string | null> = { Name: null, Version: null };
  let text = '';
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('closetag', (tag) => {
    const path = stack.join('/');
    if (
      (tag.name === 'Name' || tag.name === 'Version') &&
      path === `Export/Document/Module/${tag.name}` &&
      found[tag.name] === null
    )
      found[tag.name] = text.trim();
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new IpmDbError('module-xml-invalid', `${where} is not well-formed XML: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (!found.Name || !found.Version)
    throw new IpmDbError(
      'module-xml-invalid',
      `${where} has no /Export/Document/Module/${found.Name ? 'Version' : 'Name'}.`,
      {
        hint: 'The module directory must hold an IPM module.xml.',
      },
    );
  if (!isValid('module name', found.Name))
    throw new IpmDbError(
      'module-xml-invalid',
      `${where}: module name "${found.Name}" is not a valid IPM module name (letters, digits, ".", "-", "_").`,
    );
  if (!isValid('module version', found.Version))
    throw new IpmDbError(
      'module-xml-invalid',
      `${where}: version "${found.Version}" is not a semantic version (e.g. 1.2.3).`,
    );
  return { name: found.Name, version: found.Version };
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
