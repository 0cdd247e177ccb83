import { SaxesParser } from 'saxes';

/**
 * Called for each element down to `trackDepth` levels, with its path from the root
 * ("Export/Document/Module/Name"); deeper elements are parsed (and counted against the depth
 * limit) but not reported, so a path is never longer than trackDepth names.
 */
export interface XmlVisitor {
  trackDepth: number;
  open?(path: string, attributes: Record<string, string>): void;
  /** Whether close() needs the element's own character data; text is collected for no other element. */
  wantsText?(path: string): boolean;
  /** `text` is the element's own character data (not its descendants'), untrimmed; "" unless wantsText said yes. */
  close?(path: string, text: string): void;
}

export interface XmlOptions {
  /** Deepest nesting accepted; deeper is the xml-too-deep result. */
  maxDepth: number;
  /** Keep the decoded document text in the result (only module.xml's is needed, for the OCI annotation). */
  keepText?: boolean;
}

export type XmlResult =
  | { ok: true; text: string | null }
  | {
      ok: false;
      code: 'xml-doctype' | 'xml-not-well-formed' | 'xml-unsupported-encoding' | 'limit-xml-depth';
      detail: string;
    };

class DoctypeFound extends Error {}
class TooDeep extends Error {}

/** Longest element path reported to a visitor; the paths IPM's manifests are read by are far shorter. */
const MAX_TRACKED_PATH = 512;

function decode(
  bytes: Buffer,
): { text: string } | { code: 'xml-unsupported-encoding' | 'xml-not-well-formed'; detail: string } {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    return { code: 'xml-unsupported-encoding', detail: 'it is UTF-16; IPM writes UTF-8' };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(
    bytes.toString('latin1', start, start + 256),
  )?.[1];
  const encoding = (declared ?? 'utf-8').toLowerCase();
  if (encoding === 'iso-8859-1' || encoding === 'latin1') return { text: bytes.toString('latin1', start) };
  if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'us-ascii' && encoding !== 'ascii') {
    return { code: 'xml-unsupported-encoding', detail: `it declares encoding "${declared}"; expected UTF-8` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    return { code: 'xml-not-well-formed', detail: 'it is not valid UTF-8' };
  }
}

/**
 * Parses a whole (size-limited) XML document. Any DOCTYPE is refused: DTDs and entity
 * declarations are never read, let alone expanded; references to undeclared entities fail.
 * Work and memory are linear in the document: element paths are built incrementally and only
 * to visitor.trackDepth, text is kept only for the elements the visitor wants.
 */
export function readXml(bytes: Buffer, visitor: XmlVisitor, options: XmlOptions): XmlResult {
  const decoded = decode(bytes);
  if (!('text' in decoded)) return { ok: false, code: decoded.code, detail: decoded.detail };
  const parser = new SaxesParser({ xmlns: false, position: true });
  // paths[i] and texts[i] belong to the open element at depth i + 1 (for depths <= trackDepth);
  // null for an element whose path is too long to be one a visitor looks for, and below it.
  const paths: (string | null)[] = [];
  const texts: (string | null)[] = [];
  let depth = 0;
  parser.on('doctype', () => {
    throw new DoctypeFound();
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > options.maxDepth) throw new TooDeep();
    if (depth > visitor.trackDepth) return;
    const parent = depth === 1 ? '' : paths[depth - 2]!;
    const path =
      parent === null || parent.length + tag.name.length >= MAX_TRACKED_PATH
        ? null
        : depth === 1
          ? tag.name
          : `${parent}/${tag.name}`;
    paths.push(path);
    texts.push(path !== null && visitor.wantsText?.(path) ? '' : null);
    if (path !== null) visitor.open?.(path, tag.attributes as Record<string, string>);
  });
  const addText = (t: string) => {
    if (depth === 0 || depth > visitor.trackDepth) return;
    const own = texts[depth - 1];
    if (own !== null && own !== undefined) texts[depth - 1] = own + t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (depth-- > visitor.trackDepth) return;
    const path = paths.pop()!;
    const text = texts.pop() ?? '';
    if (path !== null) visitor.close?.(path, text);
  });
  try {
    parser.write(decoded.text).close();
  } catch (err) {
    if (err instanceof DoctypeFound) {
      return {
        ok: false,
        code: 'xml-doctype',
        detail: 'it has a DOCTYPE declaration (DTD/entities are refused, never expanded)',
      };
    }
    if (err instanceof TooDeep) {
      return {
        ok: false,
        code: 'limit-xml-depth',
        detail: `it nests elements more than limits.maxXmlDepth (${options.maxDepth}) deep`,
      };
    }
    return { ok: false, code: 'xml-not-well-formed', detail: (err as Error).message };
  }
  return { ok: true, text: options.keepText ? decoded.text : null };
}
