import { SaxesParser } from 'saxes';

/** Called for each element with its path from the root ("Export/Document/Module/Name"). */
export interface XmlVisitor {
  open?(path: string, attributes: Record<string, string>): void;
  /** `text` is the element's own character data (not its descendants'), untrimmed. */
  close?(path: string, text: string): void;
}

export type XmlResult =
  | { ok: true; text: string }
  | { ok: false; code: 'xml-doctype' | 'xml-not-well-formed' | 'xml-unsupported-encoding'; detail: string };

class DoctypeFound extends Error {}

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
 */
export function readXml(bytes: Buffer, visitor: XmlVisitor): XmlResult {
  const decoded = decode(bytes);
  if (!('text' in decoded)) return { ok: false, code: decoded.code, detail: decoded.detail };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  const texts: string[] = [];
  parser.on('doctype', () => {
    throw new DoctypeFound();
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    texts.push('');
    visitor.open?.(stack.join('/'), tag.attributes as Record<string, string>);
  });
  const addText = (t: string) => {
    if (texts.length) texts[texts.length - 1] += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const path = stack.join('/');
    stack.pop();
    visitor.close?.(path, texts.pop() ?? '');
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
    return { ok: false, code: 'xml-not-well-formed', detail: (err as Error).message };
  }
  return { ok: true, text: decoded.text };
}
