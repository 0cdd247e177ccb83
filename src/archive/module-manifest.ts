import { clip } from './findings.js';
import { DEFAULT_LIMITS } from './limits.js';
import { readXml, type XmlResult } from './xml-reader.js';

export interface DeclaredResource {
  /** Element name: Resource, FileCopy, UnitTest, CPF, ... */
  element: string;
  /** Name (or Path, SourcePath, Url) attribute: what IPM uses as the resource name. */
  name: string;
  /** Processor: the element name, or ProcessorClass on a plain <Resource>. */
  processor: string | null;
  scope: string | null;
  attributes: Record<string, string>;
}

export interface ModuleManifest {
  name: string | null;
  version: string | null;
  description: string | null;
  packaging: string | null;
  checksum: { algorithm: string | null; value: string } | null;
  /** Attributes of SystemRequirements, or null when the element is absent. */
  systemRequirements: Record<string, string> | null;
  updatePackage: string | null;
  dependencies: { name: string; version: string | null }[];
  resources: DeclaredResource[];
  /** Elements that must appear once but were repeated. */
  repeated: string[];
  /** Export/Document/@name (e.g. "dep-module.ZPM"), or null when absent. */
  documentName: string | null;
  /** What of /Export/Document/Module was not found, or null when the layout is right. */
  layoutProblem: string | null;
}

const MODULE = 'Export/Document/Module';
const SINGLE = ['Name', 'Version', 'Description', 'Packaging', 'Checksum', 'SystemRequirements', 'UpdatePackage'];
const NOT_RESOURCES = new Set(['Default', 'Parameter', 'Invoke', 'Mapping', 'SystemRequirements', 'Dependencies']);
const RESOURCE_NAME_ATTRIBUTES = ['Name', 'Path', 'SourcePath', 'Url'];

function resourceFrom(element: string, attributes: Record<string, string>): DeclaredResource | null {
  const key = RESOURCE_NAME_ATTRIBUTES.find((a) => attributes[a] !== undefined);
  if (key === undefined) return null;
  return {
    element,
    name: attributes[key]!,
    processor: element === 'Resource' ? (attributes.ProcessorClass ?? null) : element,
    scope: attributes.Scope ?? null,
    attributes,
  };
}

/** Longest name, version or document name kept from a deps/*.xml (longer ones cannot match anyway). */
const DEPENDENCY_FIELD_LENGTH = 1024;

/** Export/Document/Module/Dependencies/ModuleReference/Name: the deepest element read. */
const TRACK_DEPTH = 6;
const REFERENCE = `${MODULE}/Dependencies/ModuleReference`;

export interface ManifestReadOptions {
  maxDepth: number;
  /**
   * "module" reads everything the checks and the report need and keeps the text (module.xml);
   * "dependency" reads only the identity (a deps/<dep>.xml): no resources, references, description or text.
   */
  role: 'module' | 'dependency';
}

/** Reads the module manifest (module.xml, or the Module inside a deps/<dep>.xml export). */
export function readModuleManifest(
  bytes: Buffer,
  options: ManifestReadOptions = { maxDepth: DEFAULT_LIMITS.maxXmlDepth, role: 'module' },
): { xml: XmlResult; manifest: ModuleManifest } {
  const full = options.role === 'module';
  const textWanted = new Set(
    [...SINGLE.filter((c) => full || c !== 'Description').map((c) => `${MODULE}/${c}`)].concat(
      full ? [`${REFERENCE}/Name`, `${REFERENCE}/Version`] : [],
    ),
  );
  const m: ModuleManifest = {
    name: null,
    version: null,
    description: null,
    packaging: null,
    checksum: null,
    systemRequirements: null,
    updatePackage: null,
    dependencies: [],
    resources: [],
    repeated: [],
    documentName: null,
    layoutProblem: null,
  };
  const seen = new Map<string, number>();
  let root: string | null = null;
  let documents = 0;
  let modules = 0;
  let checksumAlgorithm: string | null = null;
  let reference: { name: string | null; version: string | null } | null = null;
  const count = (what: string) => {
    const n = (seen.get(what) ?? 0) + 1;
    seen.set(what, n);
    if (n === 2) m.repeated.push(what);
    return n;
  };
  const xml = readXml(
    bytes,
    {
      trackDepth: TRACK_DEPTH,
      wantsText: (path) => textWanted.has(path),
      open(path, attributes) {
        if (root === null) root = path;
        if (path === 'Export/Document' && ++documents === 1) m.documentName = attributes.name ?? null;
        if (path === MODULE && ++modules === 2) m.repeated.push('Document/Module');
        if (modules > 1) return;
        if (path === `${MODULE}/Checksum`) checksumAlgorithm = attributes.Algorithm ?? null;
        if (path === `${MODULE}/SystemRequirements` && m.systemRequirements === null)
          m.systemRequirements = { ...attributes };
        if (!full) return;
        if (path === REFERENCE) reference = { name: null, version: null };
        const parts = path.split('/');
        const isModuleChild = parts.length === 4 && path.startsWith(`${MODULE}/`);
        const isWrappedResource = parts.length === 5 && path.startsWith(`${MODULE}/Resources/`);
        if ((isModuleChild || isWrappedResource) && !NOT_RESOURCES.has(parts[parts.length - 1]!)) {
          const resource = resourceFrom(parts[parts.length - 1]!, attributes);
          if (resource) m.resources.push(resource);
        }
      },
      close(path, text) {
        if (modules > 1) return;
        if (reference && path === `${REFERENCE}/Name`) reference.name = text.trim();
        if (reference && path === `${REFERENCE}/Version`) reference.version = text.trim();
        if (reference && path === REFERENCE) {
          if (reference.name) m.dependencies.push({ name: reference.name, version: reference.version || null });
          reference = null;
        }
        if (!path.startsWith(`${MODULE}/`)) return;
        const child = path.slice(MODULE.length + 1);
        if (!SINGLE.includes(child)) return;
        if (count(child) > 1) return;
        const value = text.trim();
        if (child === 'Name') m.name = value || null;
        else if (child === 'Version') m.version = value || null;
        else if (child === 'Description') m.description = value;
        else if (child === 'Packaging') m.packaging = value;
        else if (child === 'Checksum') m.checksum = { algorithm: checksumAlgorithm, value };
        else if (child === 'UpdatePackage') m.updatePackage = value || null;
      },
    },
    { maxDepth: options.maxDepth, keepText: full },
  );
  if (!full) {
    // Kept for every deps/*.xml: cut, and detached from the document's text.
    m.name = m.name === null ? null : clip(m.name, DEPENDENCY_FIELD_LENGTH);
    m.version = m.version === null ? null : clip(m.version, DEPENDENCY_FIELD_LENGTH);
    m.documentName = m.documentName === null ? null : clip(m.documentName, DEPENDENCY_FIELD_LENGTH);
    m.packaging = m.packaging === null ? null : clip(m.packaging, DEPENDENCY_FIELD_LENGTH);
  }
  if (xml.ok) {
    if (root !== 'Export') m.layoutProblem = `the root element is <${root}>, expected <Export>`;
    else if (documents === 0) m.layoutProblem = 'there is no /Export/Document element';
    else if (modules === 0) m.layoutProblem = 'there is no /Export/Document/Module element';
    if (documents > 1) m.repeated.push('Export/Document');
  }
  return { xml, manifest: m };
}

export function isTestScoped(resource: DeclaredResource): boolean {
  const scope = resource.scope?.toLowerCase();
  return scope === 'test' || scope === 'verify';
}
