// IPM installed from a source tree, as IPM's own CI does it (intersystems/ipm: Dockerfile and
// iris.script): `$System.OBJ.Load("<root>/preload/cls/IPM/Installer.cls","ck")`, then
// `##class(IPM.Installer).setup("<root>/",3)`. What setup does follows preload/cls/IPM/Installer.cls
// (XData PM, the %Installer manifest its objectgenerator method compiles):
//   MODDIR = the path argument, SRCDIR = MODDIR _ "src" (plain concatenation: the path must end in "/")
//   ClassMapping %IPM (and RoutineMapping %IPM.*) from the current namespace's routines database
//   Import File=SRCDIR Recurse=1        every class under src/, compiled
//   Invoke %IPM.Main:UpdateLanguageExtensions (CheckStatus)
//   Invoke IPM.Installer:ZPMInit        default registry and settings
//   Invoke IPM.Installer:ZPMLoad        `load MODDIR -DDeveloperMode=0 -DNoMapping=1`: the zpm module
// Like the installer XML (ipm-installer.ts), class bodies are not interpreted: the stand-in records
// the classes the tree defines, so %IPM.Lifecycle.Database exists exactly when the tree has it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from './manifest.js';
import type { Session } from './session.js';
import { parseUdl } from './udl.js';
import { IrisError, OK, StatusError, str, type Value } from './values.js';

/** `$system.OBJ.Load(file,"ck")` of a UDL class file: the class is stored in the namespace and compiled. */
export function loadClassFile(s: Session, file: string): Value {
  if (!existsSync(file)) return new StatusError([{ code: 5012, text: `File '${file}' does not exist` }]);
  const t = s.term;
  t.freshLine();
  t.write(`\nLoad started on ${new Date().toLocaleString('en-US')}\nLoading file ${file} as udl\n`);
  let name: string;
  const source = readFileSync(file, 'utf8');
  try {
    name = parseUdl(source, file).name;
  } catch (e) {
    t.write(`ERROR #5475: Error compiling routine: ${(e as Error).message}\nDetected 1 errors during load.\n`);
    return new StatusError([{ code: 5475, text: `Error compiling routine: ${(e as Error).message}` }]);
  }
  const db = s.instance.classDatabase(s.namespace, name);
  s.instance.update(db, (c) => void (c.classes[name] = { source, module: '' }));
  t.write(`Compiling class ${name}\nCompiling routine ${name}.1\nLoad finished successfully.\n`);
  return OK;
}

function classFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...classFiles(path));
    else if (/\.cls$/i.test(entry)) out.push(path);
  }
  return out;
}

function failed(s: Session, text: string): StatusError {
  s.term.line(`ERROR #5001: ${text}`);
  return StatusError.general(text);
}

/** `##class(IPM.Installer).setup(root, logLevel)`: the %Installer manifest XData PM, step by step. */
export function installerSetup(s: Session, args: Value[]): Value {
  if (!s.instance.findClass(s.namespace, 'IPM.Installer')) throw new IrisError('CLASS DOES NOT EXIST', 'IPM.Installer');
  const modDir = str(args[0] ?? '');
  const srcDir = `${modDir}src`;
  const log = (line: string): void => s.term.line(`${new Date().toISOString().slice(0, 19).replace('T', ' ')} ${line}`);
  log(`0 IPM.Installer: Installation starting at ${new Date().toISOString()}, LogLevel=${str(args[1] ?? '0')}`);
  const config = s.instance.config();
  const nsKey = Object.keys(config.namespaces).find((k) => k.toUpperCase() === s.namespace.toUpperCase())!;
  const routinesDb = config.namespaces[nsKey]!.routines;
  config.namespaces[nsKey]!.packageMappings['%IPM'] = routinesDb;
  s.instance.saveConfig(config);
  log(`1 ClassMapping: %IPM from ${routinesDb}`);
  if (!existsSync(srcDir) || !statSync(srcDir).isDirectory())
    return failed(s, `Directory '${srcDir}' does not exist (Import File="\${SRCDIR}")`);
  const classes: { name: string; source: string }[] = [];
  for (const file of classFiles(srcDir)) {
    const source = readFileSync(file, 'utf8');
    try {
      classes.push({ name: parseUdl(source, file).name, source });
    } catch (e) {
      return failed(s, `Error compiling ${file}: ${(e as Error).message}`);
    }
  }
  log(`1 Import: ${srcDir} (${classes.length} classes)`);
  for (const c of classes) {
    const db = s.instance.classDatabase(s.namespace, c.name);
    s.instance.update(db, (content) => void (content.classes[c.name] = { source: c.source, module: 'zpm' }));
  }
  if (!s.instance.classExists(s.namespace, '%IPM.Main'))
    return failed(s, `Class '%IPM.Main' does not exist (Invoke %IPM.Main:UpdateLanguageExtensions)`);
  log('1 Invoke: %IPM.Main:UpdateLanguageExtensions');
  log('1 Invoke: IPM.Installer:ZPMInit');
  const manifestFile = join(modDir, 'module.xml');
  if (!existsSync(manifestFile)) return failed(s, `No module.xml found in directory ${modDir}`);
  const xml = readFileSync(manifestFile, 'utf8');
  const m = readManifest(xml);
  if (m.name.toLowerCase() !== 'zpm') return failed(s, `${manifestFile} defines module ${m.name}, not zpm`);
  log(`1 Invoke: IPM.Installer:ZPMLoad (load ${modDir} -DDeveloperMode=0 -DNoMapping=1)`);
  s.instance.update(routinesDb, (content) => void (content.ipmVersion = m.version));
  s.ipm.registerModule(m, modDir, 'module', xml, false);
  log(`0 IPM.Installer: Installation succeeded at ${new Date().toISOString()}`);
  return OK;
}
