// $listbuild values as the stand-in stores them: IRIS's layout for short strings (length byte,
// type 1, bytes; long ones: 0, two length bytes, type 1), every element kept as its string form.

/** The bytes of an ObjectScript string: 8-bit strings as is, wide ones as UTF-8 (as $zconvert would). */
export function bytesOf(s: string): Buffer {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\xff]*$/.test(s) ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8');
}

export function listBuild(items: string[]): string {
  return items
    .map((item) => {
      const bytes = bytesOf(item).toString('latin1');
      if (bytes.length < 254) return String.fromCharCode(bytes.length + 2) + '\x01' + bytes;
      const n = bytes.length + 4;
      return '\0' + String.fromCharCode(n & 255, (n >> 8) & 255) + '\x01' + bytes;
    })
    .join('');
}

/** The elements of a list made by listBuild ('' for anything that is not one). */
export function listItems(list: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < list.length) {
    let len = list.charCodeAt(i);
    let head = 2;
    if (len === 0) {
      len = list.charCodeAt(i + 1) + (list.charCodeAt(i + 2) << 8);
      head = 4;
    }
    if (len < head || i + len > list.length) return [];
    out.push(list.slice(i + head, i + len));
    i += len;
  }
  return out;
}
