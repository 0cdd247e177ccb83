// module.xml as IPM reads and the Database lifecycle enriches it (contract section 3): a tiny
// element tree built with saxes, the fields the stand-in needs, and the packaging transform
// (Packaging/Checksum/SystemRequirements after Version, older copies dropped, other
// SystemRequirements attributes kept, each child of Module on its own line).
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => stack[stack.length - 1]?.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]?.children.push(t));
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el, name)[0];
}

export function text(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${node.children.map(serialize).join('')}</${node.name}>`;
}

export interface ResourceSpec {
  kind: string;
  name: string;
  scope: string;
  attrs: Record<string, string>;
}

export interface Manifest {
  root: XmlElement;
  module: XmlElement;
  name: string;
  /** <ExternalName>: what `list` shows before the name (Storage/Module.cls ExternalName). */
  externalName: string;
  version: string;
  packaging: string;
  checksum: string | undefined;
  systemRequirementsVersion: string;
  sourcesRoot: string;
  dependencies: { name: string; version: string }[];
  resources: ResourceSpec[];
  updatePackage: string;
  unitTests: { name: string; packageName: string }[];
}

/** Reads /Export/Document/Module; throws with a readable message when it is not a module manifest. */
export function readManifest(xml: string): Manifest {
  const root = parseXml(xml);
  const doc = root.name === 'Export' ? child(root, 'Document') : undefined;
  const module = doc ? child(doc, 'Module') : root.name === 'Module' ? root : undefined;
  if (!module) throw new Error('module.xml has no /Export/Document/Module element');
  const name = text(child(module, 'Name')).trim();
  if (!name) throw new Error('module.xml has no <Name>');
  const deps = child(module, 'Dependencies');
  const resourceKinds = new Set(['Resource', 'FileCopy', 'CPF', 'PythonWheel', 'WebApplication', 'Invoke']);
  const checksumEl = child(module, 'Checksum');
  return {
    root,
    module,
    name,
    externalName: text(child(module, 'ExternalName')).trim(),
    version: text(child(module, 'Version')).trim(),
    packaging: text(child(module, 'Packaging')).trim(),
    checksum: checksumEl ? text(checksumEl).trim() : undefined,
    systemRequirementsVersion: child(module, 'SystemRequirements')?.attrs.Version ?? '',
    sourcesRoot: text(child(module, 'SourcesRoot')).trim(),
    dependencies: deps
      ? elements(deps, 'ModuleReference').map((r) => ({
          name: text(child(r, 'Name')).trim(),
          version: text(child(r, 'Version')).trim(),
        }))
      : [],
    resources: elements(module)
      .filter((e) => resourceKinds.has(e.name))
      .map((e) => ({ kind: e.name, name: e.attrs.Name ?? '', scope: e.attrs.Scope ?? '', attrs: e.attrs })),
    updatePackage: text(child(module, 'UpdatePackage')).trim(),
    unitTests: elements(module, 'UnitTest').map((e) => ({
      name: e.attrs.Name ?? '',
      packageName: e.attrs.Package ?? '',
    })),
  };
}

export function isTestScoped(scope: string): boolean {
  return ['test', 'verify'].includes(scope.toLowerCase());
}

const DROPPED = new Set(['Packaging', 'Checksum', 'SystemRequirements']);

/** The enriched module.xml a database package carries (contract section 3). */
export function enrichManifest(xml: string, checksumHex: string, irisMajorMinor: string): string {
  const m = readManifest(xml);
  const oldReq = child(m.module, 'SystemRequirements');
  const reqAttrs: Record<string, string> = { Version: irisMajorMinor };
  for (const [k, v] of Object.entries(oldReq?.attrs ?? {})) if (k !== 'Version') reqAttrs[k] = v;
  const lines: string[] = [];
  for (const el of elements(m.module)) {
    if (DROPPED.has(el.name)) continue;
    lines.push(serialize(el));
    if (el.name === 'Version') {
      lines.push('<Packaging>database</Packaging>');
      lines.push(`<Checksum Algorithm="SHA-256">${checksumHex}</Checksum>`);
      lines.push(serialize({ name: 'SystemRequirements', attrs: reqAttrs, children: [] }));
    }
  }
  const moduleXml = `<Module${attrsOf(m.module)}>${lines.map((l) => `\n      ${l}`).join('')}\n    </Module>`;
  const doc = child(m.root, 'Document')!;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Export${attrsOf(m.root)}>\n  <Document${attrsOf(doc)}>\n    ${moduleXml}\n  </Document>\n</Export>\n`;
}

function attrsOf(el: XmlElement): string {
  return Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
}

/** What $system.OBJ.Export of "<name>.ZPM" writes: the module document alone. */
export function exportModuleDocument(manifestXml: string): string {
  const m = readManifest(manifestXml);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Export generator="IRIS" version="26">\n<Document name="${escapeAttr(m.name)}.ZPM">\n${serialize(m.module)}\n</Document>\n</Export>\n`;
}
