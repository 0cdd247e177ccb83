import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/archive/tar-header.ts
var BLOCK_SIZE = 512;
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  // contiguous file: an ordinary file to every reader
  "1": "hardlink",
  "2": "symlink",
  "3": "chardev",
  "4": "blockdev",
  "5": "directory",
  "6": "fifo",
  x: "pax-header",
  g: "pax-global",
  L: "gnu-longname",
  K: "gnu-longlink"
};
var ZERO_BLOCK = Buffer.alloc(BLOCK_SIZE);
function isZeroBlock(block) {
  return block.equals(ZERO_BLOCK);
}
function isAllZero(buf) {
  for (let off = 0; off < buf.length; off += BLOCK_SIZE) {
    const part = buf.subarray(off, Math.min(off + BLOCK_SIZE, buf.length));
    if (!part.equals(ZERO_BLOCK.subarray(0, part.length))) return false;
  }
  return true;
}
function cString(block, start, length) {
  const end = block.indexOf(0, start);
  return block.toString("utf8", start, end < 0 || end > start + length ? start + length : end);
}
function parseNumericField(block, start, length) {
  const first = block[start];
  if (first & 128) {
    if (first === 255) return null;
    let value2 = first & 127;
    for (let i2 = 1; i2 < length; i2++) {
      value2 = value2 * 256 + block[start + i2];
      if (value2 > Number.MAX_SAFE_INTEGER) return null;
    }
    return value2;
  }
  let i = start;
  const end = start + length;
  while (i < end && (block[i] === 32 || block[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = block[i];
    if (c === 32 || c === 0) break;
    if (c < 48 || c > 55) return null;
    value = value * 8 + (c - 48);
    digits++;
  }
  for (; i < end; i++) if (block[i] !== 32 && block[i] !== 0) return null;
  return digits === 0 ? 0 : value;
}
function checksums(block) {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const b = i >= 148 && i < 156 ? 32 : block[i];
    unsigned += b;
    signed += b >= 128 ? b - 256 : b;
  }
  return { unsigned, signed };
}
function parseTarHeader(block) {
  const stored = parseNumericField(block, 148, 8);
  const { unsigned, signed } = checksums(block);
  if (stored === null || stored !== unsigned && stored !== signed) {
    return {
      ok: false,
      code: "tar-header-checksum",
      detail: `header checksum field reads ${stored === null ? "unreadable" : stored} but the header sums to ${unsigned}`
    };
  }
  const size = parseNumericField(block, 124, 12);
  if (size === null) return { ok: false, code: "tar-header-invalid", detail: "the size field is not a number" };
  const magic = block.toString("latin1", 257, 263);
  const format = magic === "ustar\0" ? "ustar" : magic === "ustar " ? "gnu" : "v7";
  const name = cString(block, 0, 100);
  const prefix = format === "ustar" ? cString(block, 345, 155) : "";
  const typeflag = String.fromCharCode(block[156]);
  const type = TYPES[typeflag] ?? "unsupported";
  return {
    ok: true,
    header: {
      path: prefix === "" ? name : `${prefix}/${name}`,
      nameFieldFull: Buffer.byteLength(name) >= 99,
      size: type === "directory" || type === "symlink" || type === "hardlink" ? 0 : size,
      typeflag,
      type,
      linkname: cString(block, 157, 100),
      format
    }
  };
}
function parsePaxRecords(data) {
  const records = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break;
    const space = data.indexOf(32, pos);
    if (space < 0 || space - pos > 20) throw new Error(`pax record at byte ${pos} has no length`);
    const lengthText = data.toString("latin1", pos, space);
    if (!/^[1-9][0-9]*$/.test(lengthText)) throw new Error(`pax record at byte ${pos} has length "${lengthText}"`);
    const length = Number(lengthText);
    const end = pos + length;
    if (end > data.length || data[end - 1] !== 10) throw new Error(`pax record at byte ${pos} overruns its length`);
    const record = data.toString("utf8", space + 1, end - 1);
    const eq = record.indexOf("=");
    if (eq <= 0) throw new Error(`pax record at byte ${pos} has no key=value`);
    records.set(record.slice(0, eq), record.slice(eq + 1));
    pos = end;
  }
  return records;
}

// src/archive/tar-stream.ts
var TarStreamParser = class {
  constructor(visitor, limits) {
    this.visitor = visitor;
    this.limits = limits;
  }
  visitor;
  limits;
  state = "header";
  headerBuf = Buffer.alloc(BLOCK_SIZE);
  headerFill = 0;
  remaining = 0;
  entry = null;
  sink = null;
  extension = null;
  pendingPath = null;
  pendingLink = null;
  pendingSize = null;
  position = 0;
  entries = 0;
  zeroBlocks = 0;
  /** Number of real entries seen so far. */
  get entryCount() {
    return this.entries;
  }
  /** Bytes of decompressed stream consumed so far. */
  get bytesSeen() {
    return this.position;
  }
  /** End-of-archive zero blocks seen (0 for IPM's own writer). */
  get endBlocks() {
    return this.zeroBlocks;
  }
  /** Whether parsing stopped on a fatal problem (the rest of the stream is being ignored). */
  get stopped() {
    return this.state === "stopped";
  }
  write(chunk) {
    if (this.state === "stopped") return;
    if (this.position + chunk.length > this.limits.maxTotalSize) {
      const allowed = this.limits.maxTotalSize - this.position;
      this.consume(chunk.subarray(0, allowed));
      if (!this.stopped) {
        this.fail(
          "limit-total-size",
          `the decompressed archive exceeds limits.maxTotalSize (${this.limits.maxTotalSize} bytes); verification stopped there. A genuine package this large needs a larger maxTotalSize; otherwise this is a decompression bomb.`
        );
      }
      return;
    }
    this.consume(chunk);
  }
  end() {
    const at = this.entry?.path;
    switch (this.state) {
      case "stopped":
        return;
      case "header":
        if (this.headerFill > 0 && isAllZero(this.headerBuf.subarray(0, this.headerFill))) {
          this.visitor.problem(
            "tar-trailing-data",
            `${this.headerFill} zero bytes, less than a block, follow the last entry. Something padded the archive: rebuild it with IPM.`
          );
        } else if (this.headerFill > 0) {
          this.visitor.problem(
            "tar-truncated",
            `the tar stream ends inside a header block (${this.headerFill} of ${BLOCK_SIZE} bytes at offset ${this.position - this.headerFill}). The archive is cut short: rebuild or re-download it.`
          );
        } else if (this.entries === 0) {
          this.visitor.problem("tar-empty", "the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.");
        } else {
          this.visitor.problem(
            "tar-no-end-marker",
            "the tar stream ends after its last entry without end-of-archive zero blocks, as IPM's own writer does."
          );
        }
        return;
      case "data":
      case "padding": {
        const what = this.state === "data" ? `${this.remaining} bytes of its data` : `${this.remaining} bytes of padding`;
        this.visitor.problem(
          "tar-truncated",
          `the tar stream ends inside entry "${at}": ${what} are missing. The archive is cut short: rebuild or re-download it.`,
          at
        );
        return;
      }
      case "extension":
        this.visitor.problem(
          "tar-truncated",
          "the tar stream ends inside a pax or GNU long-name record. The archive is cut short: rebuild or re-download it."
        );
        return;
      case "end":
        if (this.entries === 0) {
          this.visitor.problem("tar-empty", "the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.");
        }
    }
  }
  fail(code, message, entry) {
    this.visitor.problem(code, message, entry);
    this.closeSink();
    this.state = "stopped";
  }
  closeSink() {
    const sink = this.sink;
    this.sink = null;
    sink?.end();
  }
  consume(chunk) {
    let pos = 0;
    const length = chunk.length;
    while (pos < length && this.state !== "stopped") {
      switch (this.state) {
        case "data": {
          const n = Math.min(this.remaining, length - pos);
          this.sink?.data(chunk.subarray(pos, pos + n));
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) this.finishData();
          break;
        }
        case "padding":
        case "extension": {
          const n = Math.min(this.remaining, length - pos);
          if (this.state === "extension" && this.extension.kind !== "skip") {
            const ext = this.extension;
            const take = Math.max(0, Math.min(n, ext.buf.length - ext.fill));
            chunk.copy(ext.buf, ext.fill, pos, pos + take);
            ext.fill += take;
          }
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) {
            if (this.state === "extension") this.finishExtension();
            else this.state = "header";
          }
          break;
        }
        case "header": {
          let block;
          if (this.headerFill === 0 && length - pos >= BLOCK_SIZE) {
            block = chunk.subarray(pos, pos + BLOCK_SIZE);
            pos += BLOCK_SIZE;
          } else {
            const n = Math.min(BLOCK_SIZE - this.headerFill, length - pos);
            chunk.copy(this.headerBuf, this.headerFill, pos, pos + n);
            this.headerFill += n;
            pos += n;
            if (this.headerFill < BLOCK_SIZE) {
              this.position += n;
              break;
            }
            this.position += n - BLOCK_SIZE;
            block = this.headerBuf;
          }
          this.headerFill = 0;
          const offset = this.position;
          this.position += BLOCK_SIZE;
          this.onHeader(block, offset);
          break;
        }
        case "end": {
          const rest = chunk.subarray(pos);
          pos = length;
          this.position += rest.length;
          if (!isAllZero(rest)) {
            this.fail(
              "tar-trailing-data",
              `non-zero data follows the end-of-archive zero block(s) near offset ${this.position - rest.length}. Something was appended to the archive: rebuild it with IPM.`
            );
          } else {
            this.zeroBlocks += Math.floor(rest.length / BLOCK_SIZE);
          }
          break;
        }
      }
    }
  }
  onHeader(block, offset) {
    if (isZeroBlock(block)) {
      this.zeroBlocks = 1;
      this.state = "end";
      return;
    }
    const parsed = parseTarHeader(block);
    if (!parsed.ok) {
      const hint = parsed.code === "tar-header-checksum" ? "The archive is corrupt or was altered after IPM wrote it: rebuild it." : "The archive is corrupt: rebuild it.";
      this.fail(parsed.code, `tar header at offset ${offset}: ${parsed.detail}. ${hint}`);
      return;
    }
    const header = parsed.header;
    switch (header.type) {
      case "pax-header":
      case "pax-global":
      case "gnu-longname":
      case "gnu-longlink":
        this.startExtension(header.type, header.size, offset);
        return;
    }
    const entry = { ...header, offset };
    if (this.pendingPath !== null) entry.path = this.pendingPath;
    if (this.pendingLink !== null) entry.linkname = this.pendingLink;
    if (this.pendingSize !== null && header.type !== "directory") entry.size = this.pendingSize;
    if (this.pendingPath !== null) entry.nameFieldFull = false;
    this.pendingPath = this.pendingLink = this.pendingSize = null;
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      this.fail(
        "limit-entry-count",
        `the archive holds more than limits.maxEntries (${this.limits.maxEntries}) entries; verification stopped at "${entry.path}". A genuine package this large needs a larger maxEntries.`,
        entry.path
      );
      return;
    }
    this.entry = entry;
    const sink = this.visitor.entry(entry);
    if (sink === "abort") {
      this.state = "stopped";
      return;
    }
    this.sink = sink;
    this.remaining = entry.size;
    if (entry.size === 0) this.finishData();
    else this.state = "data";
  }
  finishData() {
    this.closeSink();
    const pad = (BLOCK_SIZE - this.entry.size % BLOCK_SIZE) % BLOCK_SIZE;
    this.remaining = pad;
    this.state = pad === 0 ? "header" : "padding";
  }
  startExtension(kind, size, offset) {
    if (size > this.limits.maxHeaderExtensionSize) {
      this.fail(
        "limit-header-extension-size",
        `the ${kind} record at offset ${offset} is ${size} bytes, over limits.maxHeaderExtensionSize (${this.limits.maxHeaderExtensionSize}). IPM never writes such records: the archive is not from IPM or is hostile.`
      );
      return;
    }
    const padded = size + (BLOCK_SIZE - size % BLOCK_SIZE) % BLOCK_SIZE;
    this.extension = {
      kind: kind === "pax-global" ? "skip" : kind,
      buf: Buffer.alloc(kind === "pax-global" ? 0 : size),
      fill: 0
    };
    this.remaining = padded;
    if (padded === 0) this.finishExtension();
    else this.state = "extension";
  }
  finishExtension() {
    const ext = this.extension;
    this.extension = null;
    this.state = "header";
    if (ext.kind === "skip") return;
    if (ext.kind === "gnu-longname" || ext.kind === "gnu-longlink") {
      const nul = ext.buf.indexOf(0);
      const text = ext.buf.toString("utf8", 0, nul < 0 ? ext.buf.length : nul);
      if (ext.kind === "gnu-longname") this.pendingPath = text;
      else this.pendingLink = text;
      return;
    }
    let records;
    try {
      records = parsePaxRecords(ext.buf);
    } catch (err) {
      this.fail(
        "tar-extension-invalid",
        `a pax extended header is malformed (${err.message}); verification stopped there. The archive is corrupt or hostile.`
      );
      return;
    }
    const path = records.get("path");
    if (path !== void 0) this.pendingPath = path;
    const link = records.get("linkpath");
    if (link !== void 0) this.pendingLink = link;
    const size = records.get("size");
    if (size !== void 0) {
      if (!/^[0-9]{1,16}$/.test(size) || !Number.isSafeInteger(Number(size))) {
        this.fail(
          "tar-extension-invalid",
          `a pax extended header gives size "${size}", not a byte count; verification stopped there.`
        );
        return;
      }
      this.pendingSize = Number(size);
    }
  }
};

// src/archive/entry-path.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function normaliseEntryPath(raw) {
  const problems = [];
  if (raw.includes("\uFFFD")) problems.push({ code: "entry-unsafe-characters", detail: "is not valid UTF-8" });
  if (CONTROL.test(raw)) problems.push({ code: "entry-unsafe-characters", detail: "holds a control character" });
  if (raw.includes("\\")) problems.push({ code: "entry-unsafe-characters", detail: "holds a backslash" });
  if (raw.startsWith("/") || raw.startsWith("\\") || /^[A-Za-z]:/.test(raw)) {
    problems.unshift({ code: "entry-absolute-path", detail: "is absolute" });
  }
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || s.includes("\\") && s.split("\\").includes(".."))) {
    problems.unshift({ code: "entry-parent-traversal", detail: 'has a ".." segment' });
  }
  const path = segments.join("/");
  const skip = path === "" && /^(\.\/?)+$/.test(raw);
  if (path === "" && !skip && problems.length === 0) problems.push({ code: "entry-empty-path", detail: "is empty" });
  return { path, skip, problems };
}
function printablePath(raw) {
  return JSON.stringify(raw);
}

export {
  normaliseEntryPath,
  printablePath,
  isAllZero,
  TarStreamParser
};
