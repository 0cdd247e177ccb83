import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IRIS_UPGRADE,
  UPGRADE_SCENARIOS
} from "./chunk-S472CTFC.js";
import {
  printable
} from "./chunk-RWNQWFBA.js";
import {
  TarStreamParser,
  normaliseEntryPath,
  printablePath,
  readModuleManifest
} from "./chunk-NOEEE5VN.js";
import {
  childProcessRunner,
  findOnPath,
  runCommand,
  sha256OfFile
} from "./chunk-UPQPADT4.js";
import {
  formatDuration
} from "./chunk-G7AT5NQ2.js";
import {
  ipmDatabaseTag,
  ipmRepositoryPath,
  parseDatabaseTag
} from "./chunk-ULIA56ZP.js";
import {
  redact,
  registerSecret
} from "./chunk-KHG3NGCP.js";
import {
  IMAGE_REFERENCE,
  MODULE_NAME,
  SEMVER,
  SHA256_HEX_SOURCE,
  imageTag,
  isDigest,
  isGitCommit,
  isModuleName,
  isPlainVersion,
  isSemver,
  isSha256Hex,
  parseReference
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  errorMessage
} from "./chunk-PS7E4X32.js";

// src/ipm/ipm-source.ts
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createGunzip } from "node:zlib";
var DEFAULT_IPM_REPOSITORY = "https://github.com/intersystems/ipm";
var IPM_INSTALLER_CLASS_FILE = "preload/cls/IPM/Installer.cls";
var REQUIRED_FILES = [IPM_INSTALLER_CLASS_FILE, "module.xml"];
var REQUIRED_DIRS = ["src"];
function parseIpmCommit(raw, input = "--ipm-git") {
  const text = raw.trim();
  if (isGitCommit(text)) return text.toLowerCase();
  if (/^[0-9a-fA-F]{4,39}$/.test(text))
    throw new UsageError(
      `${input} "${text}" is a short commit hash; a pin must be the full 40-hexadecimal-digit commit.`,
      `Expand it with: git rev-parse ${text} (in a clone of the IPM repository).`
    );
  throw new UsageError(
    `${input} "${text}" is not a commit: a branch or tag name moves, so it cannot pin IPM.`,
    "Give the full 40-hexadecimal-digit commit, e.g. from: git ls-remote https://github.com/intersystems/ipm <branch>"
  );
}
function parseIpmRepository(raw, input = "--ipm-git-repository") {
  const text = raw.trim() || DEFAULT_IPM_REPOSITORY;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${input} "${text}" is not a URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new UsageError(`${input} "${text}" must be an https URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  if (url.username || url.password)
    throw new UsageError(
      `${input} must not carry credentials.`,
      "The source archive of a public repository needs none; use a public mirror."
    );
  if (url.search || url.hash)
    throw new UsageError(
      `${input} "${text}" must not have a query or fragment.`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`
    );
  const path = url.pathname.replace(/\/+$/, "").replace(/\.git$/, "");
  if (!/^(\/[A-Za-z0-9._-]+)+$/.test(path))
    throw new UsageError(
      `${input} "${text}" does not name a repository (owner/name).`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`
    );
  return `${url.protocol}//${url.host}${path}`;
}
function sourceArchiveUrl(pin) {
  return `${pin.repository}/archive/${pin.commit}.tar.gz`;
}
function expectedTopFolder(pin) {
  return `${pin.repository.split("/").pop()}-${pin.commit}`;
}
function sourceCacheKey(pin) {
  const repo = createHash("sha256").update(pin.repository).digest("hex").slice(0, 12);
  return `ipm-source-${repo}-${pin.commit}`;
}
var DEFAULT_LIMITS = { maxEntries: 5e4, maxTotalSize: 512 * 1024 * 1024 };
function invalid(pin, message) {
  return new IpmDbError("ipm-source-invalid", `The source archive ${sourceArchiveUrl(pin)} ${message}`, {
    hint: "Check the commit and ipm-git-repository: the archive must be the repository snapshot GitHub serves for that commit."
  });
}
async function unpackSourceArchive(archive, pin, destination, limits = DEFAULT_LIMITS) {
  const top = expectedTopFolder(pin);
  const entries = await readEntries(archive, pin, top, limits);
  const partial = `${destination}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await mkdir(partial, { recursive: true });
    for (const e of entries) {
      const target = join(partial, e.path);
      if (e.kind === "directory") await mkdir(target, { recursive: true, mode: 511 });
      else {
        await mkdir(dirname(target), { recursive: true, mode: 511 });
        await writeFile(target, Buffer.concat(e.data));
        await chmod(target, 438);
      }
    }
    await makeDirectoriesWritable(partial, entries);
    const root = join(partial, top);
    for (const f of REQUIRED_FILES)
      if (!(await stat(join(root, f)).catch(() => null))?.isFile())
        throw invalid(pin, `has no ${top}/${f}: it is not an IPM source tree IPM's installer can set up.`);
    for (const d of REQUIRED_DIRS)
      if (!(await stat(join(root, d)).catch(() => null))?.isDirectory())
        throw invalid(pin, `has no ${top}/${d}/ folder: it is not an IPM source tree.`);
    await rm(destination, { recursive: true, force: true });
    await rename(partial, destination);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
  return join(destination, top);
}
async function makeDirectoriesWritable(root, entries) {
  const dirs = /* @__PURE__ */ new Set();
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i <= (e.kind === "directory" ? parts.length : parts.length - 1); i++)
      dirs.add(parts.slice(0, i).join("/"));
  }
  for (const d of dirs) await chmod(join(root, d), 511);
}
async function readEntries(archive, pin, top, limits) {
  const entries = [];
  const problems = [];
  let total = 0;
  const parser = new TarStreamParser(
    {
      entry(header) {
        const name = normaliseEntryPath(header.path);
        if (name.skip) return null;
        if (name.problems.length > 0) {
          problems.push(`entry ${printablePath(header.path)} ${name.problems[0].detail}`);
          return "abort";
        }
        if (name.path !== top && !name.path.startsWith(`${top}/`)) {
          problems.push(`entry ${printablePath(header.path)} is not under ${top}/`);
          return "abort";
        }
        if (header.type !== "file" && header.type !== "directory") {
          problems.push(`entry ${printablePath(header.path)} is a ${header.type}; only files and folders are expected`);
          return "abort";
        }
        const entry = { path: name.path, kind: header.type, data: [] };
        entries.push(entry);
        if (header.type === "directory") return null;
        total += header.size;
        return { data: (chunk) => entry.data.push(Buffer.from(chunk)), end: () => {
        } };
      },
      problem(code, message) {
        if (code !== "tar-no-end-marker" && code !== "tar-trailing-data") problems.push(message);
      }
    },
    { maxEntries: limits.maxEntries, maxTotalSize: limits.maxTotalSize, maxHeaderExtensionSize: 1024 * 1024 }
  );
  try {
    await new Promise((resolve2, reject) => {
      const gunzip = createGunzip();
      gunzip.on("data", (chunk) => parser.write(chunk));
      gunzip.on("end", () => resolve2());
      gunzip.on("error", reject);
      gunzip.end(archive);
    });
  } catch (err) {
    throw invalid(pin, `is not a gzip file: ${err.message}.`);
  }
  parser.end();
  if (problems.length > 0) throw invalid(pin, `cannot be used: ${problems[0]}.`);
  if (entries.length === 0) throw invalid(pin, "is empty.");
  if (total > limits.maxTotalSize) throw invalid(pin, `unpacks to more than ${limits.maxTotalSize} bytes.`);
  return entries;
}
async function resolveIpmSource(pin, local, options) {
  await mkdir(options.workDir, { recursive: true });
  const url = sourceArchiveUrl(pin);
  const tree = join(options.workDir, `ipm-source-${pin.commit}`);
  if (local) {
    const bytes2 = await readFile(local.path);
    const sha2 = createHash("sha256").update(bytes2).digest("hex");
    if (sha2 !== local.sha256)
      throw new IpmDbError(
        "installer-checksum-mismatch",
        `The IPM source archive ${local.path} has SHA-256 ${sha2}, not the ${local.sha256} recorded when it was fetched.`
      );
    const root2 = await unpackSourceArchive(bytes2, pin, tree);
    return { root: root2, archiveSha256: sha2, archivePath: local.path, url, origin: "path" };
  }
  const archivePath = join(options.workDir, `${sourceCacheKey(pin)}.tar.gz`);
  const key2 = sourceCacheKey(pin);
  if (options.cache && await options.cache.restore(key2, archivePath).catch(() => false)) {
    const bytes2 = await readFile(archivePath).catch(() => null);
    if (bytes2) {
      try {
        const root2 = await unpackSourceArchive(bytes2, pin, tree);
        const sha2 = createHash("sha256").update(bytes2).digest("hex");
        return { root: root2, archiveSha256: sha2, archivePath, url, origin: "cache" };
      } catch {
      }
    }
    await rm(archivePath, { force: true });
  }
  const bytes = await options.download(url);
  const root = await unpackSourceArchive(bytes, pin, tree);
  const partial = `${archivePath}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, archivePath);
  if (options.cache) await options.cache.save(key2, archivePath).catch(() => {
  });
  const sha = createHash("sha256").update(bytes).digest("hex");
  return { root, archiveSha256: sha, archivePath, url, origin: "download" };
}

// src/ipm/installer.ts
import { createHash as createHash2 } from "node:crypto";
import { copyFile, mkdir as mkdir2, rename as rename2, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
function installerPin(resolved) {
  if (resolved.git) return `git-${resolved.git.commit}`;
  return `${resolved.version ?? "xml"}-${resolved.sha256}`;
}
var KNOWN_INSTALLER_SHA256 = {};
var IPM_RELEASE_URL = "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml";
function installerUrl(version, releaseUrl = IPM_RELEASE_URL) {
  return releaseUrl.replaceAll("{version}", version);
}
async function parseInstallerSpec(spec, sha256, cwd) {
  if (sha256 !== void 0 && !isSha256Hex(sha256))
    throw new UsageError(`--ipm-sha256 must be 64 hexadecimal digits, got "${sha256}".`);
  const version = spec.replace(/^v/, "");
  const looksLikePath = spec.endsWith(".xml") || spec.includes("/") || spec.includes("\\");
  if (!looksLikePath && isSemver(version)) {
    return { kind: "version", version, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
  }
  const path = resolve(cwd, spec);
  const info = await stat2(path).catch(() => null);
  if (!info?.isFile())
    throw new UsageError(
      `--ipm "${spec}" is neither an IPM version (e.g. 0.10.10) nor an installer XML file that exists.`
    );
  return { kind: "path", path, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
}
async function resolveInstaller(source, options) {
  if (source.kind === "git") {
    const pin = { commit: source.commit, repository: source.repository };
    const tree = await resolveIpmSource(pin, source.archive, {
      workDir: options.workDir,
      ...options.cache ? { cache: options.cache } : {},
      download: (url2) => downloadBytes(url2, { ...options, maxBytes: options.maxBytes ?? 256 * 1024 * 1024 }, "the IPM source archive")
    });
    return {
      path: tree.root,
      sha256: tree.archiveSha256,
      version: null,
      origin: tree.origin,
      url: tree.url,
      git: { ...pin, archivePath: tree.archivePath }
    };
  }
  if (source.kind === "path") {
    const actual2 = await sha256OfFile(source.path);
    if (source.sha256 && actual2 !== source.sha256)
      throw new IpmDbError(
        "installer-checksum-mismatch",
        `The IPM installer ${source.path} has SHA-256 ${actual2}, not the pinned ${source.sha256}.`,
        {
          hint: "Use the installer the checksum was taken from, or update the pinned checksum."
        }
      );
    return { path: source.path, sha256: actual2, version: null, origin: "path", url: null };
  }
  const expected = source.sha256 ?? KNOWN_INSTALLER_SHA256[source.version];
  const url = installerUrl(source.version, options.releaseUrl);
  if (!expected)
    throw new UsageError(
      `No SHA-256 is known for IPM ${source.version}: pass --ipm-sha256 <hex> (action input ipm-sha256) with the checksum of ${url}.`,
      "Compute it once with: curl -sL <url> | sha256sum"
    );
  await mkdir2(options.workDir, { recursive: true });
  const destination = join2(options.workDir, `zpm-${source.version}.xml`);
  const key2 = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key2, destination).catch(() => false)) {
    const cached = await sha256OfFile(destination).catch(() => "");
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: "cache", url };
    await rm2(destination, { force: true });
  }
  const bytes = await downloadBytes(url, options, "the IPM installer");
  const actual = createHash2("sha256").update(bytes).digest("hex");
  if (actual !== expected)
    throw new IpmDbError(
      "installer-checksum-mismatch",
      `The IPM installer downloaded from ${url} has SHA-256 ${actual}, not the pinned ${expected}.`,
      {
        hint: "The file was not used. Check the pinned checksum against the release."
      }
    );
  const partial = `${destination}.partial`;
  await writeFile2(partial, bytes);
  await rename2(partial, destination);
  if (options.cache) await options.cache.save(key2, destination).catch(() => {
  });
  return { path: destination, sha256: actual, version: source.version, origin: "download", url };
}
async function downloadBytes(url, options, what) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let response;
  try {
    response = await fetchImpl(url, { redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs ?? 12e4) });
  } catch (err) {
    throw new IpmDbError(
      "installer-download-failed",
      `Could not download ${what} from ${url}: ${err.message}.`,
      {
        hint: "Check the network, or pass a local installer file with --ipm <path>.",
        cause: err
      }
    );
  }
  if (!response.ok)
    throw new IpmDbError("installer-download-failed", `Downloading ${url} answered HTTP ${response.status}.`, {
      hint: "Check that the IPM version has a release with a zpm-<version>.xml asset, or that the commit exists in the repository."
    });
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > maxBytes)
    throw new IpmDbError("installer-download-failed", `${url} is ${length} bytes, more than the ${maxBytes} accepted.`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > maxBytes)
    throw new IpmDbError(
      "installer-download-failed",
      `${url} is ${body.length} bytes, more than the ${maxBytes} accepted.`
    );
  return body;
}
function directoryCache(dir) {
  const fileFor = (key2) => join2(dir, `${key2.replace(/[^A-Za-z0-9._-]/g, "_")}${key2.startsWith("ipm-source-") ? ".tar.gz" : ".xml"}`);
  return {
    async restore(key2, destination) {
      const file = fileFor(key2);
      if (!await stat2(file).catch(() => null)) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key2, source) {
      await mkdir2(dir, { recursive: true });
      await copyFile(source, fileFor(key2));
    }
  };
}

// src/util/limiter.ts
var Limiter = class {
  constructor(limit) {
    this.limit = limit;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`a limit must be a whole number >= 1, not ${limit}`);
  }
  limit;
  active = 0;
  waiting = [];
  /** How many hold a slot now. */
  get inUse() {
    return this.active;
  }
  /** Waits for a slot; the caller must release() it. */
  acquire() {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve2) => this.waiting.push(resolve2));
  }
  /** Takes a slot only when one is free now. */
  tryAcquire() {
    if (this.active >= this.limit) return false;
    this.active++;
    return true;
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
  /** Runs `work` holding a slot. */
  async run(work) {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
};
async function mapBounded(items, slots, work, shouldStart = () => true) {
  const results = new Array(items.length).fill(void 0);
  await Promise.all(
    items.map(
      (item, index) => slots.run(async () => {
        if (!shouldStart()) return;
        results[index] = await work(item, index);
      })
    )
  );
  return results;
}

// src/pipeline/stages.ts
import { stat as stat7 } from "node:fs/promises";
import { basename as basename3 } from "node:path";

// src/iris/container.ts
import { randomBytes } from "node:crypto";
import { chmod as chmod2, lstat, mkdtemp, readFile as readFile2, rename as rename3, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join3 } from "node:path";

// src/iris/docker.ts
var Docker = class {
  host;
  binary;
  runner;
  defaultTimeoutMs;
  constructor(options = {}) {
    this.host = options.host;
    this.binary = options.binary ?? "docker";
    this.runner = options.runner ?? childProcessRunner;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 6e4;
  }
  /** Runs `docker <args>`; never throws for a non-zero exit (see `check`). */
  async call(args, options = {}) {
    const env = { ...options.env ?? {} };
    if (this.host) env.DOCKER_HOST = this.host;
    const result = await this.runner.run(this.binary, args, {
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      env,
      ...options.input === void 0 ? {} : { input: options.input }
    });
    if (result.exitCode === 127 && /^timeout: failed to run command/m.test(result.stderr))
      throw dockerMissing(this.binary);
    return result;
  }
  /** Runs `docker <args>` and throws IpmDbError(code) unless it exits 0. */
  async check(code, what, args, options = {}) {
    const result = await this.call(args, options);
    if (result.timedOut)
      throw new IpmDbError(
        "docker-timeout",
        `${what}: docker did not answer within ${formatDuration(options.timeoutMs ?? this.defaultTimeoutMs)}.`,
        {
          details: redact(result.stderr.trim())
        }
      );
    if (result.exitCode !== 0) {
      const stderr = redact(result.stderr.trim());
      throw daemonProblem(stderr) ?? new IpmDbError(code, `${what} failed (docker exit ${result.exitCode}): ${firstLine(stderr)}`, {
        details: stderr
      });
    }
    return result;
  }
  /** A clear error when the docker CLI is missing or its daemon is not running. */
  async assertAvailable() {
    if (!this.binary.includes("/") && !findOnPath(this.binary)) throw dockerMissing(this.binary);
    const result = await this.call(["version", "--format", "{{.Server.Version}}"], { timeoutMs: 3e4 });
    if (result.exitCode !== 0 || result.timedOut) {
      const stderr = redact(result.stderr.trim());
      throw daemonProblem(stderr) ?? new IpmDbError(
        "docker-unavailable",
        `The Docker daemon did not answer "docker version": ${firstLine(stderr) || "no answer"}.`,
        {
          hint: "Start Docker (or set DOCKER_HOST) and try again.",
          details: stderr
        }
      );
    }
    return result.stdout.trim();
  }
};
function dockerMissing(binary) {
  return new IpmDbError("docker-missing", `The docker command ("${binary}") was not found.`, {
    hint: 'Install Docker (https://docs.docker.com/get-docker/) and make sure "docker" is on PATH.'
  });
}
function daemonProblem(stderr) {
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connect: no such file or directory|connection refused/i.test(
    stderr
  ))
    return new IpmDbError("docker-daemon-down", "The Docker daemon is not running or not reachable.", {
      hint: 'Start Docker (e.g. "sudo systemctl start docker" or Docker Desktop), or point DOCKER_HOST at a running daemon.',
      details: stderr
    });
  if (/permission denied.*docker\.sock/i.test(stderr))
    return new IpmDbError("docker-permission", "Permission denied talking to the Docker daemon.", {
      hint: 'Add your user to the "docker" group or run with the rights to use the Docker socket.',
      details: stderr
    });
  return null;
}
function firstLine(text) {
  return text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

// src/iris/validate.ts
var PATTERNS = {
  "module name": MODULE_NAME,
  "module version": SEMVER,
  // %SYS, or letters/digits/'-'/'_' starting with a letter (what InitializeNamespace produces, e.g. USER-PKG).
  namespace: /^(%SYS|[A-Z][A-Z0-9_-]{0,62})$/,
  "namespace postfix": /^[A-Z][A-Z0-9]{0,15}$/,
  // Absolute, no spaces (IPM's shell splits arguments on spaces), no '..' segment.
  "container path": /^(?=.{1,1024}$)(\/(?!\.\.?(\/|$))[A-Za-z0-9._+@=,-]+)+\/?$/,
  "class name": /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
  "environment variable name": /^[A-Z_][A-Z0-9_]{0,63}$/,
  "result key": /^[a-z][A-Za-z0-9_.-]{0,63}$/,
  variable: /^[a-zA-Z][a-zA-Z0-9]{0,30}(\.[A-Z][A-Za-z0-9]{0,62})?$/,
  "IPM modifier": /^-[a-z][a-z-]{0,40}$/,
  "container name": /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/,
  image: IMAGE_REFERENCE,
  "label value": /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/
};
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function hasControlCharacter(value) {
  return CONTROL.test(value);
}
function preview(value) {
  const shown = JSON.stringify(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
function unsafeValue(kind, value, why) {
  return new IpmDbError("unsafe-value", `Refusing ${kind} ${preview(value)}: ${why}.`, {
    hint: "Nothing was sent to IRIS. Use a value made only of the characters the pattern allows."
  });
}
function validate(kind, value) {
  if (typeof value !== "string") throw unsafeValue(kind, String(value), "not a string");
  if (hasControlCharacter(value)) throw unsafeValue(kind, value, "it contains a line break or control character");
  if (!PATTERNS[kind].test(value)) throw unsafeValue(kind, value, `it does not match ${PATTERNS[kind].source}`);
  return value;
}
function isValid(kind, value) {
  return typeof value === "string" && !hasControlCharacter(value) && PATTERNS[kind].test(value);
}
function validateNamespace(value) {
  return validate("namespace", typeof value === "string" ? value.toUpperCase() : value);
}

// src/iris/objectscript.ts
var RESULT_PREFIX = "##IPMDB ";
var STEP_KEY = "ipmdb.step";
var DONE_KEY = "ipmdb.done";
var RESERVED_PREFIX = "ipmdb.";
function quote(value) {
  if (hasControlCharacter(value)) throw unsafeValue("string", value, "it contains a line break or control character");
  return `"${value.replaceAll('"', '""')}"`;
}
var FAIL = "if 'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }";
function renderExpression(e) {
  switch (e.kind) {
    case "literal":
      return quote(e.value);
    case "integer":
      if (!Number.isSafeInteger(e.value)) throw unsafeValue("integer", String(e.value), "not a safe integer");
      return String(e.value);
    case "zversion":
      return "$zversion";
    case "versionMajor":
      return "$system.Version.GetMajor()";
    case "versionMinor":
      return "$system.Version.GetMinor()";
    case "versionNumber":
      return "$system.Version.GetNumber()";
    case "currentNamespace":
      return "$namespace";
    case "classExists":
      return `##class(%Dictionary.CompiledClass).%ExistsId(${quote(validate("class name", e.className))})`;
    case "ipmVersion":
      return '##class(%IPM.Main).GetVersionModule("zpm")';
    case "namespaceExists":
      return `##class(%SYS.Namespace).Exists(${quote(validateNamespace(e.namespace))})`;
    case "environment":
      return `$system.Util.GetEnviron(${quote(validate("environment variable name", e.name))})`;
    case "variable":
      return validate("variable", e.name);
    case "newNamespaceConfig":
      return "##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()";
  }
}
function renderIpmCommand(c) {
  if (c.words.length === 0) throw new IpmDbError("unsafe-value", "Refusing an empty IPM command.");
  const parts = [];
  for (const word of c.words) parts.push(checkIpmToken(word, "IPM argument"));
  for (const [flag, value] of c.modifiers) {
    parts.push(validate("IPM modifier", flag));
    if (value !== void 0) parts.push(checkIpmToken(value, "IPM modifier value"));
  }
  return parts.join(" ");
}
function checkIpmToken(token, kind) {
  if (typeof token !== "string" || token.length === 0) throw unsafeValue(kind, String(token), "it is empty");
  if (hasControlCharacter(token)) throw unsafeValue(kind, token, "it contains a line break or control character");
  if (!/^[A-Za-z0-9/][A-Za-z0-9._+@=,/:-]*$/.test(token))
    throw unsafeValue(kind, token, "only letters, digits and . _ + @ = , / : - are allowed, not starting with -");
  return token;
}
function renderOperation(op) {
  switch (op.kind) {
    case "emit":
      return `write ${quote(`${RESULT_PREFIX}${checkKey(op.key)}=`)},${renderExpression(op.expression)},!`;
    case "set":
      return `set ${validate("variable", op.variable)}=${renderExpression(op.expression)}`;
    case "switchNamespace": {
      const ns = quote(validateNamespace(op.namespace));
      return `set $namespace=${ns} if $namespace'=${ns} { do $system.Process.Terminate($job,1) }`;
    }
    case "loadXml":
      return `set sc=$system.OBJ.Load(${quote(validate("container path", op.path))},"ck") ${FAIL}`;
    case "ipmInstallerSetup": {
      const root = validate("container path", op.root);
      if (!root.endsWith("/"))
        throw unsafeValue("container path", root, 'setup appends "src" to it: it must end with /');
      return `set sc=##class(IPM.Installer).setup(${quote(root)},3) ${FAIL}`;
    }
    case "initializeNamespace": {
      const postfix = quote(validate("namespace postfix", op.postfix));
      const out = validate("variable", op.resultVariable);
      const cfg = validate("variable", op.configVariable);
      return `set sc=##class(%IPM.Utils.Build).InitializeNamespace(${postfix},1,.${out},${cfg}) ${FAIL}`;
    }
    case "ipm":
      return `set sc=##class(%IPM.Main).Shell(${quote(renderIpmCommand(op.command))}) ${FAIL}`;
    case "surfaceLine":
      if (op.text.trim() === "") throw unsafeValue("ObjectScript line", op.text, "it is empty");
      if (hasControlCharacter(op.text))
        throw unsafeValue("ObjectScript line", op.text, "it contains a line break or control character");
      if (op.text.includes(`${RESULT_PREFIX}${RESERVED_PREFIX}`))
        throw unsafeValue(
          "ObjectScript line",
          op.text,
          `it writes the session runner's own ${RESERVED_PREFIX} markers`
        );
      return op.text;
  }
}
function checkKey(key2) {
  validate("result key", key2);
  return key2;
}
function describeOperation(op) {
  switch (op.kind) {
    case "emit":
      return `read ${op.key}`;
    case "set":
      return `set ${op.variable}`;
    case "switchNamespace":
      return `switch to namespace ${op.namespace}`;
    case "loadXml":
      return `load ${op.path}`;
    case "ipmInstallerSetup":
      return `IPM.Installer setup ${op.root}`;
    case "initializeNamespace":
      return `create namespace -${op.postfix}`;
    case "ipm":
      return `zpm "${renderIpmCommand(op.command)}"`;
    case "surfaceLine":
      return op.label ?? `ObjectScript: ${op.text.length > 60 ? `${op.text.slice(0, 57)}...` : op.text}`;
  }
}
function renderScript(operations) {
  const lines = [];
  operations.forEach((op, i) => {
    if (op.kind === "emit" && op.key.startsWith(RESERVED_PREFIX))
      throw new IpmDbError("unsafe-value", `Result key "${op.key}" is reserved by the session runner.`);
    lines.push(marker(STEP_KEY, String(i + 1)));
    lines.push(renderOperation(op));
  });
  lines.push(marker(DONE_KEY, "1"));
  lines.push("halt");
  for (const line of lines) {
    if (hasControlCharacter(line)) throw unsafeValue("script line", line, "it contains a control character");
  }
  return { text: lines.join("\n") + "\n", lines };
}
function marker(key2, value) {
  return `write ${quote(`${RESULT_PREFIX}${key2}=`)},${quote(value)},!`;
}

// src/iris/output.ts
var PROMPT = /^(?:%?[A-Za-z][A-Za-z0-9_-]*(?: \d+[a-z]\d*)?>)+/;
var RESULT = new RegExp(`^${RESULT_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([a-z][A-Za-z0-9_.-]*)=(.*)$`);
var OBJECTSCRIPT_ERROR = /^<[A-Z][A-Z ]{1,40}>(?=$|[ *%A-Za-z0-9^+])/;
var ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
function stripPrompt(line) {
  return line.replace(/\r$/, "").replace(ANSI, "").replace(PROMPT, "");
}
function parseSessionOutput(raw) {
  const values3 = /* @__PURE__ */ new Map();
  const results = [];
  let lastStep = 0;
  let completed = false;
  const text = [];
  const objectScriptErrors = [];
  for (const rawLine of raw.split("\n")) {
    const line = stripPrompt(rawLine);
    const at = line.indexOf(RESULT_PREFIX);
    const m = at < 0 ? null : RESULT.exec(line.slice(at));
    if (m) {
      const [, key2, value] = m;
      if (at > 0) text.push(line.slice(0, at));
      if (key2 === STEP_KEY) lastStep = /^\d+$/.test(value) ? Number.parseInt(value, 10) : lastStep;
      else if (key2 === DONE_KEY) completed = completed || value === "1";
      else {
        values3.set(key2, value);
        results.push({ key: key2, value });
      }
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values: values3, results, lastStep, completed, text: trimBlankLines(text).join("\n"), objectScriptErrors };
}
function trimBlankLines(lines) {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  const out = [];
  for (const l of lines.slice(start, end)) {
    if (l.trim() === "" && out.length > 0 && out[out.length - 1].trim() === "") continue;
    out.push(l);
  }
  return out;
}
function tail(text, n) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(Math.max(0, lines.length - n)).join("\n");
}

// src/iris/startup.ts
var LICENCE_EXPIRED = "iris-licence-expired";
var LICENCE_CORE_LIMIT = "iris-licence-core-limit";
var EXPIRED_LINE = /Community License expired/i;
var INVALID_LINE = /Invalid Community Edition license, may have exceeded core limit/i;
function licenceFailure(image, log, details) {
  if (EXPIRED_LINE.test(log))
    return new IpmDbError(
      LICENCE_EXPIRED,
      `The community licence of ${image} has expired: IRIS stopped during startup ("Community License expired.").`,
      {
        hint: "Community images carry a time-limited licence: run on a newer community release, or on a licensed image. The reusable workflow with iris-versions auto skips such a version.",
        details
      }
    );
  if (INVALID_LINE.test(log))
    return new IpmDbError(
      LICENCE_CORE_LIMIT,
      `IRIS in ${image} refused its community licence during startup ("Invalid Community Edition license, may have exceeded core limit"): the container sees more CPU cores than the community licence allows.`,
      {
        hint: "Run on a runner with fewer cores, or give the container fewer CPUs (docker run --cpuset-cpus through docker-arg / extra docker arguments), or use a licensed image.",
        details
      }
    );
  return null;
}

// src/iris/container.ts
var RUN_LABEL = "ipm-db.run";
var WORK_DIR = "/tmp/ipm-db";
var WAIT_READY_SCRIPTS = [
  "/usr/irissys/dev/Cloud/ICM/waitReady.sh",
  "/usr/irissys/dev/Container/waitReady.sh"
];
var DEFAULT_MESSAGES_LOG = "/usr/irissys/mgr/messages.log";
function newRunId() {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}
function needsCheckCapsFalse(image) {
  return /^(2021\.|2022\.1($|[.-]))/.test(imageTag(image) ?? "");
}
function containerNameFor(runId) {
  return validate("container name", `ipm-db-${validate("label value", runId)}`);
}
function buildRunArgs(spec, name) {
  validate("image", spec.image);
  const args = ["run", "-d", "--name", name, "--label", `${RUN_LABEL}=${validate("label value", spec.runId)}`];
  args.push(`--network=${validate("label value", spec.network ?? "none")}`);
  for (const m of spec.mounts ?? []) {
    for (const part of [m.source, m.target]) {
      if (hasControlCharacter(part) || part.includes(",") || part.includes(":"))
        throw unsafeValue("mount", part, 'mount paths may not contain ",", ":" or control characters');
    }
    validate("container path", m.target);
    args.push(
      "--mount",
      `type=${m.source.startsWith("/") ? "bind" : "volume"},source=${m.source},target=${m.target}${m.readOnly ? ",readonly" : ""}`
    );
  }
  for (const [k, v] of Object.entries(spec.env ?? {})) {
    validate("environment variable name", k);
    if (hasControlCharacter(v)) throw unsafeValue("environment value", v, "it contains a control character");
    args.push("-e", `${k}=${v}`);
  }
  for (const a of spec.extraDockerArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue("docker argument", a, "it contains a control character");
    args.push(a);
  }
  args.push(spec.image);
  const checkCaps = spec.checkCapsFalse ?? needsCheckCapsFalse(spec.image);
  if (checkCaps) args.push("--check-caps", "false");
  for (const a of spec.irisArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue("IRIS argument", a, "it contains a control character");
    args.push(a);
  }
  return args;
}
async function dockerLogin(docker, login) {
  registerSecret(login.password);
  if (hasControlCharacter(login.registry) || login.registry.startsWith("-") || !login.registry)
    throw unsafeValue("registry", login.registry, "not a registry host name");
  if (hasControlCharacter(login.username) || login.username.startsWith("-") || !login.username)
    throw unsafeValue("user name", login.username, "not a user name");
  await docker.check(
    "docker-login-failed",
    `docker login ${login.registry}`,
    ["login", login.registry, "-u", login.username, "--password-stdin"],
    {
      input: login.password,
      timeoutMs: 6e4
    }
  );
}
function messagesLogFor(spec) {
  const data = spec.env?.ISC_DATA_DIRECTORY;
  return data ? `${data.replace(/\/+$/, "")}/mgr/messages.log` : DEFAULT_MESSAGES_LOG;
}
async function startIris(docker, spec, options) {
  const name = spec.name ? validate("container name", spec.name) : containerNameFor(spec.runId);
  const container = new IrisContainer(docker, name, spec.runId, messagesLogFor(spec));
  try {
    const args = buildRunArgs(spec, name);
    options.onResource?.({ kind: "container", name });
    options.logger.debug(`docker ${args.join(" ")}`);
    await docker.check("iris-start-failed", `Starting ${spec.image}`, args, {
      timeoutMs: options.runTimeoutMs ?? 6e5
    });
    await container.waitReady({ ...options, image: spec.image });
  } catch (err) {
    await container.remove().catch(() => {
    });
    throw err;
  }
  return container;
}
var IrisContainer = class {
  constructor(docker, name, runId, messagesLogPath) {
    this.docker = docker;
    this.name = name;
    this.runId = runId;
    this.messagesLogPath = messagesLogPath;
  }
  docker;
  name;
  runId;
  messagesLogPath;
  /** `docker exec [-i] [-e NAME...] <c> <command...>`; values of `secretEnv` travel in the client's environment only. */
  exec(command, options = {}) {
    const args = ["exec"];
    if (options.input !== void 0) args.push("-i");
    for (const [k, v] of Object.entries(options.secretEnv ?? {})) {
      validate("environment variable name", k);
      registerSecret(v);
      args.push("-e", k);
    }
    args.push(this.name, ...command);
    return this.docker.call(args, {
      ...options.input === void 0 ? {} : { input: options.input },
      ...options.secretEnv ? { env: options.secretEnv } : {},
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs }
    });
  }
  /**
   * Creates a directory (its parent must exist) with `docker cp` of an empty mode-0777 directory,
   * so IRIS (user irisowner) can write into it and the image needs no mkdir. Idempotent.
   */
  async mkdir(path) {
    validate("container path", path);
    const empty = await mkdtemp(join3(tmpdir(), "ipm-db-dir-"));
    try {
      await chmod2(empty, 511);
      await this.docker.check("container-file-failed", `Creating ${path} in the container`, [
        "cp",
        `${empty}/.`,
        `${this.name}:${path}`
      ]);
    } finally {
      await rm3(empty, { recursive: true, force: true });
    }
  }
  async copyIn(hostPath, containerPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    await this.docker.check(
      "container-copy-failed",
      `Copying ${hostPath} into the container`,
      ["cp", hostPath, `${this.name}:${containerPath}`],
      { timeoutMs }
    );
  }
  /**
   * Copies one regular file out. docker cp copies a link as a link (and a FIFO or device as one):
   * it lands in a fresh directory beside `hostPath`, is checked with lstat, and only a regular file
   * is moved into place, so nothing the container made is ever followed on the host.
   */
  async copyOut(containerPath, hostPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    const staging = await mkdtemp(join3(dirname2(hostPath), ".ipm-db-copy-"));
    try {
      const copy = join3(staging, "file");
      await this.docker.check(
        "container-copy-failed",
        `Copying ${containerPath} out of the container`,
        ["cp", `${this.name}:${containerPath}`, copy],
        { timeoutMs }
      );
      const info = await lstat(copy);
      if (!info.isFile())
        throw new IpmDbError(
          "container-file-refused",
          `${containerPath} in the container is ${fileKind(info)}, not a regular file: it was not copied out.`,
          { hint: "The module or IPM made it so; only regular files leave the container." }
        );
      await rename3(copy, hostPath);
    } finally {
      await rm3(staging, { recursive: true, force: true });
    }
  }
  /** A text file's content, copied out with `docker cp` (works on images without cat). */
  async readFile(path) {
    const dir = await mkdtemp(join3(tmpdir(), "ipm-db-read-"));
    try {
      const file = join3(dir, "file");
      await this.copyOut(path, file, 6e4);
      return await readFile2(file, "utf8");
    } finally {
      await rm3(dir, { recursive: true, force: true });
    }
  }
  async isRunning() {
    const r = await this.docker.call(["inspect", "-f", "{{.State.Running}} {{.State.ExitCode}}", this.name], {
      timeoutMs: 3e4
    });
    if (r.exitCode !== 0) return { running: false, exitCode: null };
    const [running, code] = r.stdout.trim().split(" ");
    return { running: running === "true", exitCode: code === void 0 ? null : Number(code) };
  }
  /** The last lines of `docker logs` and of messages.log, for error details (never throws). */
  async diagnostics(lines = 40) {
    const parts = [];
    const logs = await this.docker.call(["logs", "--tail", String(lines), this.name], { timeoutMs: 3e4 }).catch(() => null);
    if (logs)
      parts.push(
        `--- docker logs ${this.name} (last ${lines} lines) ---
${tail(`${logs.stdout}${logs.stderr}`, lines) || "(empty)"}`
      );
    const messages = await this.readFile(this.messagesLogPath).catch(() => null);
    if (messages !== null)
      parts.push(`--- ${this.messagesLogPath} (last ${lines} lines) ---
${tail(messages, lines)}`);
    else parts.push(`--- ${this.messagesLogPath}: not readable ---`);
    return redact(parts.join("\n"));
  }
  /**
   * Waits until IRIS answers: waitReady.sh at either documented path when the image has
   * one, otherwise a session that just halts. Bounded by `readyTimeoutMs`.
   */
  async waitReady(options) {
    const limit = options.readyTimeoutMs ?? 3e5;
    const interval = options.pollIntervalMs ?? 2e3;
    const deadline = Date.now() + limit;
    let scripts = [...WAIT_READY_SCRIPTS];
    let lastProblem = "";
    for (let attempt = 1; Date.now() < deadline && attempt <= 1e4; attempt++) {
      const state = await this.isRunning();
      if (!state.running) {
        const details2 = await this.diagnostics();
        throw licenceFailure(options.image ?? this.name, details2, details2) ?? new IpmDbError(
          "iris-exited",
          `The IRIS container ${this.name} stopped before it was ready (exit ${state.exitCode ?? "unknown"}).`,
          {
            hint: 'Read the container log below; for 2021.* / 2022.1.* images "--check-caps false" is passed automatically.',
            details: details2
          }
        );
      }
      const remaining = Math.max(1e3, deadline - Date.now());
      let probe2 = null;
      while (scripts.length > 0) {
        const script = scripts[0];
        probe2 = await this.exec([script], { timeoutMs: Math.min(remaining, 12e4) });
        if (isMissingExecutable(probe2)) {
          scripts = scripts.slice(1);
          probe2 = null;
          continue;
        }
        break;
      }
      if (!probe2)
        probe2 = await this.exec(["iris", "session", "IRIS"], {
          input: "halt\n",
          timeoutMs: Math.min(remaining, 6e4)
        });
      if (probe2.exitCode === 0 && !probe2.timedOut) {
        options.logger.debug(`IRIS ready after ${attempt} probe(s)`);
        return;
      }
      lastProblem = firstLine(redact(`${probe2.stderr}
${probe2.stdout}`)) || `exit ${probe2.exitCode}`;
      if (Date.now() + interval >= deadline) break;
      await sleep(interval);
    }
    const details = await this.diagnostics();
    throw licenceFailure(options.image ?? this.name, details, details) ?? new IpmDbError(
      "iris-not-ready",
      `IRIS in container ${this.name} was not ready within ${formatDuration(limit)} (last probe: ${lastProblem || "none"}).`,
      {
        hint: "Raise the readiness timeout, or read the container log and messages.log below for why IRIS did not start.",
        details
      }
    );
  }
  /** Stops and removes the container (and its anonymous volumes); named volumes stay. */
  async remove() {
    await this.docker.check("docker-cleanup-failed", `Removing ${this.name}`, ["rm", "-f", "-v", this.name], {
      timeoutMs: 12e4
    });
  }
};
function fileKind(info) {
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice() || info.isCharacterDevice()) return "a device";
  return "not a regular file";
}
function isMissingExecutable(r) {
  return (r.exitCode === 126 || r.exitCode === 127) && /no such file|not found|executable file not found/i.test(r.stderr);
}
function sleep(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
async function removeRunResources(docker, runId, opts = {}) {
  const problems = [];
  const removed = [];
  const recorded = opts.recorded ?? [];
  const containers = new Set(recorded.filter((r) => r.kind === "container").map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === "volume").map((r) => r.name));
  if (isValid("label value", runId)) {
    const ours = (value) => value === runId || opts.family === true && Boolean(value?.startsWith(`${runId}-`));
    const format = (field) => `{{${field}}}	{{.Label "${RUN_LABEL}"}}`;
    const listed = async (what, args, into) => {
      const result = await docker.call(args, { timeoutMs: 3e4 });
      if (result.exitCode !== 0 || result.timedOut) {
        problems.push(`Listing the run's ${what} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
        return;
      }
      for (const line of result.stdout.split("\n")) {
        const [name, value] = line.trim().split("	");
        if (name && ours(value)) into.add(name);
      }
    };
    await listed(
      "containers",
      ["ps", "--all", "--filter", `label=${RUN_LABEL}`, "--format", format(".Names")],
      containers
    );
    await listed("volumes", ["volume", "ls", "--filter", `label=${RUN_LABEL}`, "--format", format(".Name")], volumes);
  }
  const remove = async (kind, name, args, gone) => {
    const result = await docker.call(args, { timeoutMs: 12e4 });
    if (result.exitCode === 0 && !result.timedOut) removed.push({ kind, name });
    else if (!gone.test(result.stderr))
      problems.push(`Removing ${kind} ${name} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
  };
  for (const name of containers)
    await remove("container", name, ["rm", "--force", "--volumes", name], /No such container/i);
  for (const name of volumes) await remove("volume", name, ["volume", "rm", "--force", name], /no such volume/i);
  return { removed, problems };
}
async function removeRun(docker, runId) {
  validate("label value", runId);
  const { removed, problems } = await removeRunResources(docker, runId);
  if (problems.length > 0) throw new IpmDbError("docker-cleanup-failed", problems.join("\n"));
  return removed.map((r) => r.name);
}

// src/ipm/manifest.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join as join4 } from "node:path";
function parseModuleXml(xml, where = "module.xml") {
  const { xml: result, manifest } = readModuleManifest(Buffer.from(xml, "utf8"));
  if (!result.ok) {
    const what = result.code === "xml-not-well-formed" ? "is not well-formed XML" : "is refused";
    throw new IpmDbError("module-xml-invalid", `${where} ${what}: ${result.detail}`);
  }
  return manifest;
}
function parseModuleIdentity(xml, where = "module.xml") {
  const { name, version } = parseModuleXml(xml, where);
  if (!name || !version)
    throw new IpmDbError(
      "module-xml-invalid",
      `${where} has no /Export/Document/Module/${name ? "Version" : "Name"}.`,
      {
        hint: "The module directory must hold an IPM module.xml."
      }
    );
  if (!isModuleName(name))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: module name "${printable(name)}" is not a valid IPM module name (letters, digits, ".", "-", "_").`
    );
  if (!isSemver(version))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: version "${printable(version)}" is not a semantic version (e.g. 1.2.3).`
    );
  return { name, version };
}
async function readModuleIdentity(moduleDir) {
  const file = join4(moduleDir, "module.xml");
  const xml = await readFile3(file, "utf8").catch((err) => {
    throw new IpmDbError("module-xml-missing", `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point module-path (--module-path) at the directory that holds the module's module.xml."
    });
  });
  return parseModuleIdentity(xml, file);
}

// src/pipeline/python-deps.ts
import { access } from "node:fs/promises";
import { join as join5 } from "node:path";
async function hasRequirementsTxt(moduleDir) {
  try {
    await access(join5(moduleDir, "requirements.txt"));
    return true;
  } catch {
    return false;
  }
}
async function networkMode(container) {
  const r = await container.docker.check("docker-inspect-failed", `Inspecting ${container.name}`, [
    "inspect",
    "--format",
    "{{.HostConfig.NetworkMode}}",
    container.name
  ]);
  return r.stdout.trim();
}
function pythonDepsWithoutNetwork(moduleName2, requirements, exportPythonDeps, mode) {
  if (!requirements || !exportPythonDeps || mode !== "none") return null;
  return new IpmDbError(
    "python-deps-need-network",
    `${moduleName2} has a requirements.txt, and package-database downloads its Python dependencies with pip into the package (wheels/), but the IRIS container has no network (--network none).`,
    {
      hint: "Run the container with a network that reaches your Python package index, or set export-python-deps: false (--no-export-python-deps) to package without the wheels (then install them yourself where the package is installed)."
    }
  );
}

// src/ipm/installed.ts
function moduleName(name) {
  if (!isValid("module name", name)) throw new IpmDbError("unsafe-value", `"${name}" is not an IPM module name`);
  return name;
}
function guardedLine(label, body) {
  return `try { ${body} } catch e { write "##IPMDB error=",${quote(label)},"|",e.DisplayString(),! }`;
}
function moduleStateLine(name) {
  return guardedLine(
    `module ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName(name))}) write "##IPMDB module=",$select($isobject(m):m.VersionString_"|"_m.Packaging,1:""),!`
  );
}
function values(output, key2) {
  return output.results.filter((line) => line.key === key2).map((line) => line.value);
}
function parseModuleState(output) {
  const [value] = values(output, "module");
  if (value === void 0) throw new IpmDbError("upgrade-parse", "IRIS printed no module state line");
  if (value === "") return null;
  const bar = value.lastIndexOf("|");
  return { version: value.slice(0, bar), packaging: value.slice(bar + 1) };
}
function guardedErrors(output) {
  return values(output, "error").map((value) => {
    const bar = value.indexOf("|");
    return bar < 0 ? value : `${value.slice(0, bar)}: ${value.slice(bar + 1)}`;
  });
}
function throwOnGuardedError(output, doing, code = "objectscript-error") {
  const errors = guardedErrors(output);
  if (errors.length > 0)
    throw new IpmDbError(code, `${doing} failed in IRIS: ${errors.join("; ")}`, { details: output.raw });
}

// src/ipm/dependencies.ts
function dependencyCheckLine(name) {
  if (!isValid("module name", name)) throw new IpmDbError("unsafe-value", `"${name}" is not an IPM module name`);
  const q = quote(name);
  const each = `set n=m.Resources.GetAt(i).Name,t=$zconvert($extract(n,$length(n)-3,$length(n)),"U"),b=$extract(n,1,$length(n)-4) if t=".CLS" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Dictionary.CompiledClass).%ExistsId(b),! } elseif t=".PKG" { kill c set sc=$system.OBJ.GetPackageList(.c,b) write "##IPMDB depres=",${q},"|",n,"|",$data(c)\\10,! } elseif t=".INC" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Library.RoutineMgr).Exists(n),! }`;
  return guardedLine(
    `dependency ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${q}) write "##IPMDB dep=",${q},"|",$select($isobject(m):m.VersionString,1:""),! if $isobject(m) { for i=1:1:m.Resources.Count() { ${each} } }`
  );
}
function parseDependencyStates(output) {
  const states = /* @__PURE__ */ new Map();
  for (const { key: key2, value } of parseSessionOutput(output).results) {
    if (key2 === "dep") {
      const bar = value.indexOf("|");
      const name = value.slice(0, bar);
      const version = value.slice(bar + 1);
      states.set(name, { name, version: version === "" ? null : version, resources: [] });
    } else if (key2 === "depres") {
      const [name, resource, present] = value.split("|");
      const state = states.get(name ?? "");
      if (state && resource) state.resources.push({ name: resource, present: present === "1" });
    }
  }
  return [...states.values()];
}
function dependencyProblems(states, expected) {
  const problems = [];
  for (const name of expected) {
    const state = states.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!state || state.version === null) {
      problems.push(`dependency ${name} is not installed (IPM has no module record for it)`);
      continue;
    }
    const missing = state.resources.filter((r) => !r.present).map((r) => r.name);
    if (missing.length > 0)
      problems.push(
        `dependency ${name} ${state.version} is registered but its code is missing: ${missing.join(", ")} not found`
      );
  }
  return problems;
}
function missingDependencyError(problems, module, namespace) {
  return new IpmDbError(
    "dependency-code-missing",
    `After installing ${module} into ${namespace}: ${problems.join("; ")}.`,
    {
      hint: "IPM's package-database (pull request #1121) compiles only the module's own resources into IRIS.DAT and ships dependencies as manifests in deps/, so their code is not installed with the package. Use an IPM build that packages dependency code, or install the dependencies into a database mapped into the namespace."
    }
  );
}
function superclassNotPackaged(text, module) {
  const m = /#5373: Class '([^']+)', used by '([^':]+):super', does not exist/.exec(text);
  if (!m) return null;
  return new IpmDbError(
    "superclass-not-packaged",
    `package-database ${module} could not compile ${m[2]}: its superclass ${m[1]} is not part of the module.`,
    {
      hint: `IPM's package-database compiles only the module's own resources, in a fresh routines database where the dependencies' classes are not visible (Lifecycle/Database.cls RemapRoutinesDB, LoadResourcesIntoDatabase). Move ${m[1]} into the module or stop extending it, or use an IPM build that packages dependency code.`,
      details: text
    }
  );
}

// src/pipeline/containers.ts
import { join as join11 } from "node:path";

// src/iris/session.ts
var DEFAULT_SESSION_TIMEOUT_MS = 6e5;
var COMMUNITY_LICENCE_UNITS = 5;
var MAX_CONCURRENT_SESSIONS = COMMUNITY_LICENCE_UNITS - 1;
function sessionArgs(namespace) {
  return ["iris", "session", "IRIS", "-U", validateNamespace(namespace)];
}
var IrisSessionRunner = class {
  constructor(container, maxConcurrent = MAX_CONCURRENT_SESSIONS) {
    this.container = container;
    this.slots = new Limiter(maxConcurrent);
  }
  container;
  slots;
  run(request) {
    return this.slots.run(() => this.runNow(request));
  }
  async runNow(request) {
    const namespace = validateNamespace(request.namespace);
    const secretEnv = request.secretEnv ?? {};
    for (const [name, value] of Object.entries(secretEnv)) {
      validate("environment variable name", name);
      registerSecret(value);
    }
    const script = renderScript(request.operations);
    const timeoutMs = request.timeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const result = await this.container.exec(sessionArgs(namespace), {
      input: script.text,
      secretEnv,
      timeoutMs
    });
    const raw = redact(result.stdout);
    const output = parseSessionOutput(raw);
    const stderr = redact(result.stderr.trim());
    const failure = judge(result.exitCode, result.timedOut, output, request.operations, stderr);
    if (failure) throw sessionError(failure, request, namespace, timeoutMs);
    return { ...output, raw, exitCode: result.exitCode, durationMs: result.durationMs };
  }
};
function judge(exitCode, timedOut, output, operations, stderr = "") {
  const operation = output.lastStep > 0 ? operations[output.lastStep - 1] ?? null : null;
  const running = operation ? describeOperation(operation) : "session start";
  const base = { exitCode, output, operation, running, stderr };
  if (timedOut) return { reason: "timeout", ...base };
  if (exitCode !== 0 && exitCode !== 1 && !output.completed) return { reason: "ended-early", ...base };
  if (exitCode !== 0) return { reason: "exit-status", ...base };
  if (output.objectScriptErrors.length > 0) return { reason: "objectscript-error", ...base };
  if (!output.completed) return { reason: "ended-early", ...base };
  return null;
}
function sessionError(failure, request, namespace, timeoutMs) {
  const specific = request.classify?.(failure);
  if (specific) return specific;
  const details = [failure.output.text, failure.stderr].filter(Boolean).join("\n");
  const step = failure.output.lastStep > 0 ? `step ${failure.output.lastStep} of ${request.operations.length}` : null;
  const doing = request.purpose ?? `running ${failure.running}`;
  const context = request.purpose ? step ? ` (${step}: ${failure.running})` : "" : step ? ` (${step})` : "";
  switch (failure.reason) {
    case "timeout":
      return new IpmDbError(
        "session-timeout",
        `IRIS session in ${namespace} was stopped while ${doing}, at its ${formatDuration(timeoutMs)} limit${context}.`,
        {
          hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
          details
        }
      );
    case "exit-status":
      return new IpmDbError(
        "session-failed",
        `IRIS session in ${namespace} failed (exit ${failure.exitCode}) while ${doing}${context}: ${lastErrorLine(failure.output.text) ?? "no error text"}`,
        { details }
      );
    case "objectscript-error":
      return new IpmDbError(
        "objectscript-error",
        `IRIS reported ${failure.output.objectScriptErrors[0]} while ${doing} in ${namespace}${context}.`,
        { details }
      );
    case "ended-early":
      return new IpmDbError(
        "session-ended-early",
        `IRIS session in ${namespace} ended before the end of its script, while ${doing}${context}.`,
        {
          hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
          details
        }
      );
  }
}
function lastErrorLine(text) {
  const lines = text.split("\n").map((l) => l.trim());
  const ipm = lines.filter((l) => l.startsWith("ERROR! "));
  if (ipm.length > 0) return ipm[ipm.length - 1].slice("ERROR! ".length).trim();
  const status = lines.filter((l) => /^ERROR #\d+:/.test(l));
  if (status.length > 0) return status[status.length - 1];
  return null;
}

// src/iris/transcript.ts
import { appendFile, cp, mkdir as mkdir3 } from "node:fs/promises";
import { join as join6 } from "node:path";
var TRANSCRIPT_FILE = "transcript.jsonl";
function recordTranscript(container, dir) {
  let seq = 0;
  let chain = mkdir3(join6(dir, "files"), { recursive: true }).then(() => void 0);
  const append = (event) => {
    chain = chain.then(() => appendFile(join6(dir, TRANSCRIPT_FILE), JSON.stringify(event) + "\n"));
    return chain;
  };
  const exec = container.exec.bind(container);
  const mkdirIn = container.mkdir.bind(container);
  const copyIn = container.copyIn.bind(container);
  container.exec = async (command, options = {}) => {
    const result = await exec(command, options);
    if (command[0] === "iris" && command[1] === "session")
      await append({
        seq: ++seq,
        kind: "session",
        args: command,
        input: redact(options.input ?? ""),
        stdout: redact(result.stdout),
        exitCode: result.exitCode,
        secretNames: Object.keys(options.secretEnv ?? {})
      });
    return result;
  };
  container.mkdir = async (path) => {
    await mkdirIn(path);
    await append({ seq: ++seq, kind: "mkdir", path });
  };
  container.copyIn = async (hostPath, containerPath, timeoutMs) => {
    await copyIn(hostPath, containerPath, timeoutMs);
    const n = ++seq;
    const file = join6("files", String(n).padStart(4, "0"));
    await chain;
    await cp(hostPath, join6(dir, file), { recursive: true });
    await append({ seq: n, kind: "copyIn", path: containerPath, file });
  };
  return container;
}

// src/ipm/output.ts
var CHECKSUM_LINE = new RegExp(`^\\s*Checksum:\\s*(${SHA256_HEX_SOURCE})\\s*$`);
function parsePackageOutput(text) {
  const lines = text.split("\n");
  let checksum = null;
  let archivePath = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const c = CHECKSUM_LINE.exec(line);
    if (c) checksum = c[1].toLowerCase();
    if (/^\s*Database package generated:\s*$/.test(line)) {
      const next = lines[i + 1];
      if (next !== void 0 && next.trim() !== "") archivePath = next.trim();
    }
  }
  return { checksum, archivePath };
}
function parseSwapOutput(text) {
  const ns = /Database swap complete for namespace (\S+)/.exec(text);
  const backup = /^\s*Backup:\s*(\S.*?)\s*$/m.exec(text);
  return { namespace: ns ? ns[1] : null, backupPath: backup ? backup[1] : null };
}
var IPM_ERRORS = [
  {
    code: "package-missing-iris-dat",
    pattern: /Database package is missing IRIS\.DAT/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "package-missing-module-xml",
    pattern: /Database package is missing module\.xml/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "not-a-database-package",
    pattern: /does not declare <Packaging>database<\/Packaging>/i,
    hint: "Install a .tgz written by package-database, not a source package."
  },
  {
    code: "package-missing-deps",
    pattern: /Database package is missing deps\/ directory/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "package-missing-checksum",
    pattern: /module\.xml is missing <Checksum> element/i,
    hint: "The module.xml was not written by package-database; rebuild the archive."
  },
  {
    code: "checksum-mismatch",
    pattern: /IRIS\.DAT SHA-256 mismatch/i,
    hint: "IRIS.DAT changed after packaging: the archive is corrupt or was tampered with."
  },
  {
    code: "iris-version-mismatch",
    pattern: /cannot be installed on the current version/i,
    hint: "A database package installs only on the IRIS major.minor it was built on: build one per IRIS version."
  },
  {
    code: "second-database-package",
    pattern: /A database package \(.*\) is already installed in this namespace/i,
    hint: "Only one database package per namespace: install into a fresh namespace."
  },
  {
    code: "ipm-not-mapped",
    pattern: /IPM must be mapped from another namespace/i,
    hint: "Install IPM in its own namespace and map it (the driver does this); do not install IPM into the target routines database."
  },
  {
    code: "mirrored-database",
    pattern: /not currently supported for mirrored databases/i,
    hint: "Use a namespace whose routines database is not mirrored."
  },
  {
    code: "dev-mode-install",
    pattern: /Database packages cannot be installed in developer mode/i,
    hint: "Install without -dev."
  },
  {
    code: "use-update",
    pattern: /Please use the 'update' command instead/i,
    hint: 'The module has update steps: upgrade it with "update <module> -path <tgz> -swap-db".'
  },
  {
    code: "swap-cancelled",
    pattern: /Database swap cancelled by user/i,
    hint: "Pass -swap-db (the driver always does)."
  },
  { code: "only-database-package", pattern: /is only available as a database package/i, hint: "Re-run with -swap-db." },
  {
    // Later pull-request code (ReportPostSwapFailure): a failure after the swap, then a rollback.
    code: "install-rolled-back",
    pattern: /Attempting to roll back system state/i,
    hint: "IPM failed after swapping the database and tried to restore the previous state: read the error above the rollback lines."
  }
];
function ipmErrorText(text) {
  const ipm = lastErrorLine(text);
  if (ipm && !/^ERROR #\d+:/.test(ipm)) return ipm;
  const encountered = /ERROR: encountered an error:\s*(.*)$/m.exec(text);
  if (encountered && encountered[1].trim()) return encountered[1].trim();
  return ipm;
}
function classifyIpmMessage(text) {
  for (const e of IPM_ERRORS) if (e.pattern.test(text)) return { code: e.code, hint: e.hint };
  return null;
}
function ipmFailure(failure, fallbackCode, timeoutMs) {
  const text = failure.output.text;
  const details = [text, failure.stderr].filter(Boolean).join("\n");
  if (failure.reason === "timeout")
    return new IpmDbError(
      "session-timeout",
      `${failure.running} did not finish${timeoutMs ? ` within ${formatDuration(timeoutMs)}` : ""}; the session was stopped.`,
      {
        hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
        details
      }
    );
  const error = ipmErrorText(text);
  const known = classifyIpmMessage(error ?? text) ?? classifyIpmMessage(text);
  if (failure.reason === "ended-early" && !error)
    return new IpmDbError("session-ended-early", `The IRIS session ended before ${failure.running} finished.`, {
      hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
      details
    });
  if (failure.reason === "objectscript-error" && !error)
    return new IpmDbError(
      "objectscript-error",
      `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}.`,
      { details }
    );
  const message = error ? `${failure.running} failed: ${error}` : `${failure.running} failed (exit ${failure.exitCode}) without an error message.`;
  return new IpmDbError(known?.code ?? fallbackCode, message, { ...known ? { hint: known.hint } : {}, details });
}

// src/ipm/ipm-install.ts
import { basename as basename2 } from "node:path";

// src/ipm/operations.ts
import { chmod as chmod3, cp as cp2, mkdir as mkdir5, mkdtemp as mkdtemp2, readdir as readdir3, rm as rm4, stat as stat5 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, join as join9 } from "node:path";

// src/ipm/module-copy.ts
import { constants } from "node:fs";
import { copyFile as copyFile2, lstat as lstat2, mkdir as mkdir4, readdir, realpath, stat as stat3 } from "node:fs/promises";
import { dirname as dirname3, join as join7, sep } from "node:path";
var NOT_COPIED = /* @__PURE__ */ new Set([".git"]);
var DEPENDENCIES_DIR = ".modules";
var MAX_ENTRIES = 2e5;
function refused(message) {
  return new IpmDbError("module-link-refused", message, {
    hint: `Nothing was copied into IRIS. Replace the link with the file or directory itself, or make it point inside the module (links under ${DEPENDENCIES_DIR}/ may point anywhere inside the repository).`
  });
}
function inside(path, root) {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}
async function findRepositoryRoot(dir) {
  for (let current = dir, i = 0; i < 256; i++) {
    if (await lstat2(join7(current, ".git")).catch(() => null)) return current;
    const parent = dirname3(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}
async function walkModuleTree(moduleDir, destination, options = {}) {
  const moduleRoot = await realpath(moduleDir);
  const foundRepository = options.repositoryRoot ?? await findRepositoryRoot(moduleRoot);
  const repositoryCandidate = foundRepository ? await realpath(foundRepository) : moduleRoot;
  const repositoryRoot = inside(moduleRoot, repositoryCandidate) ? repositoryCandidate : moduleRoot;
  const origin = options.origin ?? moduleDir;
  let entries = 0;
  const describe = (rel) => `"${printable(rel)}" in the module ${printable(origin)}`;
  const visit = async (realDir, rel, dest, ancestors) => {
    if (dest) await mkdir4(dest, { mode: 493 });
    for (const entry of await readdir(realDir)) {
      if (NOT_COPIED.has(entry)) continue;
      if (++entries > MAX_ENTRIES)
        throw refused(
          `The module ${printable(origin)} holds more than ${MAX_ENTRIES} files once its links are followed.`
        );
      const entryRel = rel ? `${rel}/${entry}` : entry;
      const path = join7(realDir, entry);
      const target = dest ? join7(dest, entry) : null;
      let real = path;
      let info = await lstat2(path);
      if (info.isSymbolicLink()) {
        try {
          real = await realpath(path);
        } catch (err) {
          const code = err.code;
          if (code === "ELOOP") throw refused(`The symbolic link ${describe(entryRel)} loops.`);
          throw refused(`The symbolic link ${describe(entryRel)} points to nothing (${code ?? "unreadable"}).`);
        }
        const underDependencies = entryRel === DEPENDENCIES_DIR || entryRel.startsWith(`${DEPENDENCIES_DIR}/`);
        const root = underDependencies ? repositoryRoot : moduleRoot;
        if (!inside(real, root))
          throw refused(
            `The symbolic link ${describe(entryRel)} points to ${printable(real)}, outside the ${underDependencies ? "repository" : "module"} (${printable(root)}): refusing to copy it into IRIS.`
          );
        info = await stat3(real);
      }
      if (info.isDirectory()) {
        if (ancestors.includes(real))
          throw refused(`The symbolic link ${describe(entryRel)} points to a directory that contains it: a loop.`);
        await visit(real, entryRel, target, [...ancestors, real]);
      } else if (info.isFile()) {
        if (target) await copyFile2(real, target, constants.COPYFILE_EXCL);
      } else {
        throw refused(`${describe(entryRel)} is neither a regular file nor a directory (a socket, FIFO or device).`);
      }
    }
  };
  await visit(moduleRoot, "", destination, [moduleRoot]);
}
function copyModuleTree(moduleDir, destination, options = {}) {
  return walkModuleTree(moduleDir, destination, options);
}
function checkModuleTree(moduleDir, options = {}) {
  return walkModuleTree(moduleDir, null, options);
}

// src/ipm/compile-errors.ts
import { readdir as readdir2, readFile as readFile4, stat as stat4 } from "node:fs/promises";
import { join as join8, relative, sep as sep2 } from "node:path";
var LOCATED = /^(?:ERROR!\s+)?(?:>\s*)?ERROR:\s+(%?[A-Za-z][\w.%]*\.(?:cls|mac|inc|int))\((?:([%\w]+))?(?:\+(\d+))?\)\s*(?:#\d+)?\s*:?\s*(.*)$/;
var STATUS = /^(?:ERROR!\s+)?(?:>\s*)?ERROR #(\d+):\s*(.*)$/;
var TEXT = /^\s*TEXT:\s?(.*)$/;
var SUMMARY_CODES = /* @__PURE__ */ new Set(["5475", "5030"]);
function parseCompileErrors(output) {
  const lines = output.split("\n");
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (e) => {
    const key2 = `${e.document}|${e.label}|${e.offset}|${e.message}`;
    if (!seen.has(key2)) {
      seen.add(key2);
      found.push(e);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const located = LOCATED.exec(line);
    if (located) {
      const next = TEXT.exec(lines[i + 1] ?? "");
      add({
        document: located[1],
        label: located[2] ?? null,
        offset: located[3] === void 0 ? null : Number(located[3]),
        message: cleanMessage(located[4] ?? ""),
        text: next ? next[1].trim() : null
      });
      continue;
    }
    const status = STATUS.exec(line);
    if (status) {
      const [, code, message] = status;
      if (SUMMARY_CODES.has(code)) {
        const inner = /Errors:\s*(ERROR:.*)$/.exec(message);
        const innerLocated = inner ? LOCATED.exec(inner[1]) : null;
        if (innerLocated)
          add({
            document: innerLocated[1],
            label: innerLocated[2] ?? null,
            offset: innerLocated[3] === void 0 ? null : Number(innerLocated[3]),
            message: cleanMessage(innerLocated[4] ?? ""),
            text: null
          });
        else {
          const cls = /class '([^']+)'/.exec(message);
          if (cls && !found.some((f) => f.document === `${cls[1]}.cls`))
            add({
              document: `${cls[1]}.cls`,
              label: null,
              offset: null,
              message: `ERROR #${code}: ${message}`,
              text: null
            });
        }
        continue;
      }
      const document = documentOf(message);
      if (document) {
        const lineNo = /\bline (\d+)\b/i.exec(message);
        add({
          document,
          label: null,
          offset: lineNo ? Number(lineNo[1]) : null,
          message: `ERROR #${code}: ${message}`,
          text: null
        });
      }
    }
  }
  return found.filter(
    (e) => !(e.label === null && e.offset === null && e.message.startsWith("ERROR #5030") && found.some((f) => f !== e && f.document === e.document))
  );
}
function cleanMessage(message) {
  return message.replace(/\s*\[[^\]]*\^[^\]]*\]\s*$/, "").trim();
}
function documentOf(message) {
  const usedBy = /used by '([%\w.]+?)(?::[^']*)?'/.exec(message);
  if (usedBy) return `${usedBy[1]}.cls`;
  const cls = /class (?:definition )?'([%\w.]+)'/i.exec(message);
  if (cls) return `${cls[1]}.cls`;
  const doc = /'([%\w.]+\.(?:cls|mac|inc|int))'/i.exec(message);
  if (doc) return doc[1];
  return null;
}
function findDocument(document, files) {
  const dot = document.lastIndexOf(".");
  const ext = document.slice(dot + 1).toLowerCase();
  const name = document.slice(0, dot);
  const nested = `${name.replace(/^%/, "_").split(".").join("/")}.${ext}`.toLowerCase();
  const nestedPercent = `${name.split(".").join("/")}.${ext}`.toLowerCase();
  const flat = `${name}.${ext}`.toLowerCase();
  const matches = [];
  for (const f of files) {
    const lower = f.toLowerCase();
    if (lower === nested || lower.endsWith(`/${nested}`) || lower === nestedPercent || lower.endsWith(`/${nestedPercent}`) || lower === flat || lower.endsWith(`/${flat}`))
      matches.push(f);
  }
  matches.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return matches[0] ?? null;
}
function locateLine(source, document, label, offset, text) {
  const lines = source.split(/\r?\n/);
  const isClass = document.toLowerCase().endsWith(".cls");
  let line = null;
  let searchFrom = 0;
  if (label !== null) {
    const name = label.replace(/^z/, "");
    const header = isClass ? new RegExp(`^\\s*(?:Class)?Method\\s+(?:${escape(label)}|${escape(name)})\\s*\\(`, "i") : new RegExp(`^${escape(label)}(?![\\w%])`);
    const at = lines.findIndex((l) => header.test(l));
    if (at >= 0) {
      searchFrom = at;
      let anchor = at;
      if (isClass) {
        const brace = lines.findIndex((l, i) => i >= at && l.includes("{"));
        anchor = brace >= 0 ? brace : at;
      }
      line = anchor + 1 + (offset ?? 0);
    }
  } else if (offset !== null) {
    line = offset;
  }
  if (text) {
    const wanted = text.trim();
    if (line === null || lines[line - 1]?.trim() !== wanted) {
      const idx = lines.findIndex((l, i) => i >= searchFrom && l.trim() === wanted);
      if (idx >= 0) line = idx + 1;
    }
  }
  if (line !== null && (line < 1 || line > lines.length)) return null;
  return line;
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, "\\$&");
}
function resolveCompileErrors(raw, tree) {
  return raw.map((e) => {
    const file = findDocument(e.document, tree.keys());
    const source = file ? tree.get(file) : void 0;
    const line = source !== void 0 ? locateLine(source, e.document, e.label, e.offset, e.text) : null;
    return { file, document: e.document, line, message: e.message };
  });
}
var SOURCE_EXT = /\.(cls|mac|inc|int)$/i;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".github", ".vscode"]);
async function readSourceTree(moduleDir, limit = 5e3) {
  const tree = /* @__PURE__ */ new Map();
  const walk = async (dir) => {
    if (tree.size >= limit) return;
    const entries = await readdir2(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join8(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info = await stat4(full);
        if (info.size <= 2e6)
          tree.set(relative(moduleDir, full).split(sep2).join("/"), await readFile4(full, "utf8"));
      }
    }
  };
  await walk(moduleDir);
  return tree;
}

// src/ipm/writable.ts
var PROBE = ".ipm-db-write-check";
function writableLine(dir) {
  const q = quote(validate("container path", dir));
  const probe2 = quote(`${dir}/${PROBE}`);
  return `set ok=##class(%Library.File).CreateDirectory(${probe2}) if ok { set ok=##class(%Library.File).RemoveDirectory(${probe2}) } write "##IPMDB writable=",${q},"|",ok,!`;
}
function parseWritable(output) {
  return parseSessionOutput(output).results.filter((r) => r.key === "writable").map((r) => {
    const bar = r.value.lastIndexOf("|");
    return { dir: r.value.slice(0, bar), writable: r.value.slice(bar + 1) === "1" };
  });
}
function notWritableError(dirs, output) {
  return new IpmDbError(
    "iris-cannot-write",
    `IRIS cannot write into ${dirs.join(", ")} in the container: the user IRIS runs as may not create files there.`,
    {
      hint: "docker cp makes root the owner of what it copies and keeps the host modes; IRIS runs as its own user (irisowner, uid 51773, in the official images). Check the image user and the modes of the copied directories.",
      details: output
    }
  );
}

// src/ipm/operations.ts
var DEFAULTS = {
  loadMs: 12e5,
  packageMs: 12e5,
  installMs: 12e5,
  testMs: 18e5,
  shortMs: 3e5
};
var CompileFailedError = class extends IpmDbError {
  compileErrors;
  constructor(message, compileErrors, details) {
    super("compile-error", message, { hint: "Fix the compile errors listed above and run again.", details });
    this.name = "CompileFailedError";
    this.compileErrors = compileErrors;
  }
};
async function copyModuleIn(files, moduleDir, containerDir) {
  const staging = await mkdtemp2(join9(tmpdir2(), "ipm-db-module-"));
  try {
    const copy = join9(staging, "module");
    await copyModuleTree(moduleDir, copy);
    await makeReadableForIris(copy);
    await files.copyIn(copy, containerDir);
  } finally {
    await rm4(staging, { recursive: true, force: true });
  }
}
async function makeReadableForIris(path) {
  const info = await stat5(path);
  if (info.isDirectory()) {
    await chmod3(path, info.mode | 511);
    for (const entry of await readdir3(path)) await makeReadableForIris(join9(path, entry));
  } else {
    await chmod3(path, info.mode | 292);
  }
}
async function copyFileIn(files, hostFile, containerPath) {
  if (((await stat5(hostFile)).mode & 4) !== 0) return files.copyIn(hostFile, containerPath);
  const staging = await mkdtemp2(join9(tmpdir2(), "ipm-db-file-"));
  try {
    const copy = join9(staging, basename(hostFile));
    await cp2(hostFile, copy);
    await chmod3(copy, 420);
    await files.copyIn(copy, containerPath);
  } finally {
    await rm4(staging, { recursive: true, force: true });
  }
}
function compileFailure(failure, sources) {
  if (failure.reason === "timeout") return null;
  const raw = parseCompileErrors(failure.output.text);
  if (raw.length === 0) return null;
  const errors = resolveCompileErrors(raw, sources);
  const first = errors[0];
  const where = first.file ? `${first.file}${first.line ? `:${first.line}` : ""}` : first.document;
  return new CompileFailedError(
    `The module did not compile: ${errors.length} error(s); first at ${where}: ${first.message}`,
    errors,
    failure.output.text
  );
}
var IpmOperations = class {
  constructor(target, options = {}) {
    this.target = target;
    this.timeouts = { ...DEFAULTS, ...options.timeouts ?? {} };
    this.verbose = options.verbose ?? false;
  }
  target;
  timeouts;
  verbose;
  counter = 0;
  /** A fresh work directory in the container, e.g. /tmp/ipm-db/module-3. */
  async workDir(kind) {
    this.counter++;
    const dir = `${WORK_DIR}/${kind}-${this.counter}`;
    await this.target.files.mkdir(WORK_DIR);
    return dir;
  }
  verboseFlag() {
    return this.verbose ? [["-v"]] : [];
  }
  /** Runs IPM commands in a namespace; a failure becomes IPM's own error text. */
  async ipm(namespace, commands, timeoutMs, fallbackCode, classify) {
    const operations = commands.map((command) => ({ kind: "ipm", command }));
    return this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations,
      timeoutMs,
      classify: (failure) => classify?.(failure) ?? ipmFailure(failure, fallbackCode, timeoutMs)
    });
  }
  /**
   * Copies a module directory into the container and runs `load <dir>`. On failure, compile
   * errors are parsed and located in `moduleDir` (CompileFailedError).
   */
  async loadModule(namespace, moduleDir, options = {}) {
    const dir = await this.workDir("module");
    await copyModuleIn(this.target.files, moduleDir, dir);
    await this.checkWritable(namespace, [dir]);
    const command = {
      words: ["load", dir],
      modifiers: [...options.dev ? [["-dev"]] : [], ...this.verboseFlag()]
    };
    const sources = await readSourceTree(moduleDir);
    const result = await this.ipm(
      namespace,
      [command],
      this.timeouts.loadMs,
      "load-failed",
      (failure) => compileFailure(failure, sources)
    );
    return { output: result.text, containerPath: dir };
  }
  /** `package-database <m> -path <dir>`; the archive is copied to `hostOutDir`. */
  async packageDatabase(namespace, moduleName2, hostOutDir, options = {}) {
    validate("module name", moduleName2);
    const out = await this.workDir("out");
    await this.target.files.mkdir(out);
    await this.checkWritable(namespace, [out]);
    const modifiers = [["-path", out]];
    if (options.dev) modifiers.push(["-dev"]);
    if (options.exportPythonDeps === false) modifiers.push(["-no-export-python-deps"]);
    modifiers.push(...this.verboseFlag());
    const result = await this.ipm(
      namespace,
      [{ words: ["package-database", moduleName2], modifiers }],
      this.timeouts.packageMs,
      "package-failed",
      (failure) => failure.reason === "timeout" ? null : superclassNotPackaged(failure.output.text, moduleName2)
    );
    const parsed = parsePackageOutput(result.text);
    if (!parsed.archivePath)
      throw new IpmDbError(
        "package-output-unrecognised",
        `package-database ${moduleName2} succeeded but did not print "Database package generated:" with the archive path.`,
        {
          hint: "The IPM in use prints something else; report this with the output below.",
          details: result.text
        }
      );
    const containerPath = validate("container path", parsed.archivePath);
    if (!containerPath.startsWith(`${out}/`) || !containerPath.endsWith(".tgz"))
      throw new IpmDbError(
        "package-output-unrecognised",
        `package-database wrote ${containerPath}, not a .tgz under ${out}.`,
        { details: result.text }
      );
    const fileName = basename(containerPath);
    await mkdir5(hostOutDir, { recursive: true });
    const hostPath = join9(hostOutDir, fileName);
    await this.target.files.copyOut(containerPath, hostPath);
    return { hostPath, containerPath, fileName, checksum: parsed.checksum, output: result.text };
  }
  async copyPackageIn(hostTgz) {
    const fileName = basename(hostTgz);
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*\.tgz$/.test(fileName))
      throw new IpmDbError(
        "unsafe-value",
        `Refusing package file name ${JSON.stringify(fileName)}: use letters, digits, ".", "_", "+", "-" and end in .tgz.`
      );
    const dir = await this.workDir("pkg");
    await this.target.files.mkdir(dir);
    const containerPath = `${dir}/${fileName}`;
    await copyFileIn(this.target.files, hostTgz, containerPath);
    return containerPath;
  }
  /**
   * `load <tgz> -swap-db`: installs a local database package (a fresh install). `dev` adds
   * `-dev`, which IPM refuses for database packages (for negative tests).
   */
  async loadPackage(namespace, hostTgz, options = {}) {
    const tgz = await this.copyPackageIn(hostTgz);
    const modifiers = [
      ["-swap-db"],
      ...options.dev ? [["-dev"]] : [],
      ...this.verboseFlag()
    ];
    const result = await this.ipm(
      namespace,
      [{ words: ["load", tgz], modifiers }],
      this.timeouts.installMs,
      "install-failed"
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }
  /** `update <m> -path <tgz> -swap-db`: upgrades an installed module to a database package. */
  async updateModule(namespace, moduleName2, hostTgz) {
    validate("module name", moduleName2);
    const tgz = await this.copyPackageIn(hostTgz);
    const result = await this.ipm(
      namespace,
      [{ words: ["update", moduleName2], modifiers: [["-path", tgz], ["-swap-db"], ...this.verboseFlag()] }],
      this.timeouts.installMs,
      "update-failed"
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }
  /**
   * Fails unless IRIS, as the user it runs as, can create an entry in each directory (checked by
   * making and removing a subdirectory from inside IRIS, not assumed from who copied the files).
   */
  async checkWritable(namespace, dirs) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: dirs.map((dir) => ({ kind: "surfaceLine", text: writableLine(dir), label: `check ${dir}` })),
      timeoutMs: this.timeouts.shortMs
    });
    const refused2 = parseWritable(result.raw).filter((d) => !d.writable);
    if (refused2.length > 0)
      throw notWritableError(
        refused2.map((d) => d.dir),
        result.raw
      );
  }
  /**
   * The module as IPM's `%IPM.Storage.Module` records it in a namespace (version and packaging),
   * or null when it is not installed. Read from the object, not from `list` text.
   */
  async installedModule(namespace, moduleName2) {
    validate("module name", moduleName2);
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: [{ kind: "surfaceLine", text: moduleStateLine(moduleName2), label: `read module ${moduleName2}` }],
      timeoutMs: this.timeouts.shortMs
    });
    throwOnGuardedError(result, `Reading module ${moduleName2} in ${namespace}`);
    return parseModuleState(result);
  }
  /** Each dependency's module record and whether the code of its resources exists in the namespace. */
  async dependencyStates(namespace, names) {
    if (names.length === 0) return [];
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: names.map((name) => ({
        kind: "surfaceLine",
        text: dependencyCheckLine(name),
        label: `check dependency ${name}`
      })),
      timeoutMs: this.timeouts.shortMs
    });
    throwOnGuardedError(result, `Checking the dependencies in ${namespace}`);
    return parseDependencyStates(result.raw);
  }
  async uninstall(namespace, moduleName2) {
    validate("module name", moduleName2);
    const result = await this.ipm(
      namespace,
      [{ words: ["uninstall", moduleName2], modifiers: [] }],
      this.timeouts.shortMs,
      "uninstall-failed"
    );
    return result.text;
  }
  /** `test <m> -only -output-file <xml>`; the JUnit file is copied out even when tests fail. */
  async test(namespace, moduleName2, hostOutDir) {
    validate("module name", moduleName2);
    const out = await this.workDir("test");
    await this.target.files.mkdir(out);
    const junit = `${out}/junit-${moduleName2.toLowerCase()}.xml`;
    await mkdir5(hostOutDir, { recursive: true });
    const hostJunit = join9(hostOutDir, `junit-${moduleName2.toLowerCase()}.xml`);
    const copyJunit = async () => {
      try {
        await this.target.files.copyOut(junit, hostJunit);
        return hostJunit;
      } catch {
        return null;
      }
    };
    try {
      const result = await this.ipm(
        namespace,
        [{ words: ["test", moduleName2], modifiers: [["-only"], ["-output-file", junit]] }],
        this.timeouts.testMs,
        "tests-failed"
      );
      return { passed: true, junitPath: await copyJunit(), output: result.text, error: null };
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code === "session-timeout" || err.code === "session-ended-early")
        throw err;
      return { passed: false, junitPath: await copyJunit(), output: err.details ?? "", error: err.message };
    }
  }
  /**
   * Reads values in a namespace (`##IPMDB key=value`), e.g. for the upgrade stage's
   * update-step state queries once their expressions are in docs/iris-surface.md.
   */
  async query(namespace, values3, secretEnv) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: values3.map((v) => ({ kind: "emit", key: v.key, expression: v.expression })),
      timeoutMs: this.timeouts.shortMs,
      ...secretEnv ? { secretEnv } : {}
    });
    return result.values;
  }
};

// src/ipm/ipm-install.ts
var IPM_DIR = `${WORK_DIR}/ipm`;
var IPM_SOURCE_ROOT = `${IPM_DIR}/source/`;
function sourceInstallOperations(root = IPM_SOURCE_ROOT) {
  return [
    { kind: "loadXml", path: `${root}${IPM_INSTALLER_CLASS_FILE}` },
    { kind: "ipmInstallerSetup", root }
  ];
}
async function installIpm(target, installer, namespace, logger, timeoutMs) {
  await target.files.mkdir(WORK_DIR);
  await target.files.mkdir(IPM_DIR);
  let operations;
  if (installer.git) {
    await target.files.copyIn(installer.path, IPM_SOURCE_ROOT.replace(/\/$/, ""));
    logger.info(
      `Installing IPM from ${installer.git.repository} commit ${installer.git.commit} (source archive sha256 ${installer.sha256}) into ${namespace}`
    );
    operations = sourceInstallOperations();
  } else {
    const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$/.test(basename2(installer.path)) ? basename2(installer.path) : "ipm-installer.xml";
    await copyFileIn(target.files, installer.path, `${IPM_DIR}/${fileName}`);
    logger.info(
      `Installing IPM from ${installer.url ?? installer.path} (sha256 ${installer.sha256}) into ${namespace}`
    );
    operations = [{ kind: "loadXml", path: `${IPM_DIR}/${fileName}` }];
  }
  await target.sessions.run({
    namespace,
    operations,
    timeoutMs,
    classify: (f) => ipmFailure(f, "ipm-install-failed", timeoutMs)
  });
}

// src/ipm/bootstrap.ts
var CONFIGURE_IPM = [
  { words: ["config", "set", "ColorScheme", "none"], modifiers: [] },
  { words: ["config", "set", "analytics", "0"], modifiers: [] }
];
function parseIrisVersion(values3) {
  const zversion = values3.get("zversion") ?? "";
  const major = Number(values3.get("major"));
  const minor = Number(values3.get("minor"));
  if (!Number.isInteger(major) || !Number.isInteger(minor) || major <= 0)
    throw new IpmDbError(
      "iris-version-unknown",
      `Could not read the IRIS version (got major "${values3.get("major") ?? ""}", minor "${values3.get("minor") ?? ""}").`,
      {
        details: zversion
      }
    );
  const build = /\(Build ([^)]+)\)/.exec(zversion);
  return {
    zversion,
    major,
    minor,
    number: values3.get("number") ?? "",
    majorMinor: `${major}.${minor}`,
    build: build ? build[1] : null
  };
}
function ipmSession(target, namespace, operations, timeoutMs, code) {
  return target.sessions.run({ namespace, operations, timeoutMs, classify: (f) => ipmFailure(f, code, timeoutMs) });
}
async function detectIris(target, namespace, timeoutMs = 12e4) {
  const result = await target.sessions.run({
    namespace,
    timeoutMs,
    operations: [
      { kind: "emit", key: "zversion", expression: { kind: "zversion" } },
      { kind: "emit", key: "major", expression: { kind: "versionMajor" } },
      { kind: "emit", key: "minor", expression: { kind: "versionMinor" } },
      { kind: "emit", key: "number", expression: { kind: "versionNumber" } },
      { kind: "emit", key: "ipm", expression: { kind: "classExists", className: "%IPM.Main" } }
    ]
  });
  return { iris: parseIrisVersion(result.values), hasIpm: result.values.get("ipm") === "1" };
}
async function bootstrapIpm(target, options) {
  const home = validateNamespace(options.homeNamespace ?? "USER");
  const { iris, hasIpm } = await detectIris(target, home);
  options.logger.info(`IRIS ${iris.number || iris.majorMinor}${iris.build ? ` (build ${iris.build})` : ""}`);
  let previousIpmVersion = "";
  if (hasIpm) previousIpmVersion = (await readIpm(target, home)).version;
  if (options.installer) {
    await installIpm(target, options.installer, home, options.logger, options.installTimeoutMs ?? 9e5);
  } else if (!hasIpm) {
    throw new IpmDbError("ipm-missing", `The image has no IPM in ${home} and no IPM installer was given.`, {
      hint: "Pass --ipm-git <commit>, --ipm <version> --ipm-sha256 <hex> or --ipm <path to zpm-<version>.xml> (action inputs ipm-git / ipm-version / ipm-installer)."
    });
  }
  const ipm = await readIpm(target, home);
  if (!ipm.version)
    throw new IpmDbError("ipm-missing", `IPM is not usable in ${home} after installation (no zpm module found).`, {
      hint: "Check that the installer is an IPM release installer (zpm-<version>.xml), or the commit an IPM source tree."
    });
  if (!ipm.databasePackaging)
    throw new IpmDbError(
      "ipm-lacks-database-packaging",
      `IPM ${ipm.version} in ${home} has no database packaging (%IPM.Lifecycle.Database does not exist), so package-database cannot run.`,
      {
        hint: "Install an IPM build with database packaging: --ipm-git <commit of a tree that has it> (the default pin does), or an installer of a release that has it."
      }
    );
  await ipmSession(
    target,
    home,
    CONFIGURE_IPM.map((command) => ({ kind: "ipm", command })),
    12e4,
    "ipm-config-failed"
  );
  options.logger.info(
    `IPM ${ipm.version} in ${home}${previousIpmVersion && previousIpmVersion !== ipm.version ? ` (was ${previousIpmVersion})` : ""}`
  );
  return {
    iris,
    ipmVersion: ipm.version,
    previousIpmVersion,
    homeNamespace: home,
    installedFrom: options.installer ?? null
  };
}
async function readIpm(target, namespace) {
  const result = await target.sessions.run({
    namespace,
    timeoutMs: 12e4,
    operations: [
      { kind: "emit", key: "ipmversion", expression: { kind: "ipmVersion" } },
      { kind: "emit", key: "dbpackaging", expression: { kind: "classExists", className: "%IPM.Lifecycle.Database" } }
    ]
  });
  return {
    version: (result.values.get("ipmversion") ?? "").trim(),
    databasePackaging: result.values.get("dbpackaging") === "1"
  };
}

// src/ipm/namespaces.ts
function namespaceName(homeNamespace, postfix) {
  const home = validateNamespace(homeNamespace);
  return validateNamespace(`${home === "%SYS" ? "USER" : home}-${validate("namespace postfix", postfix)}`);
}
function createNamespaceOperations(options) {
  const name = namespaceName(options.homeNamespace, options.postfix);
  const ops = [{ kind: "set", variable: "cfg", expression: { kind: "newNamespaceConfig" } }];
  if (options.interoperability)
    ops.push({ kind: "set", variable: "cfg.EnableEnsemble", expression: { kind: "integer", value: 1 } });
  ops.push({ kind: "initializeNamespace", postfix: options.postfix, resultVariable: "ns", configVariable: "cfg" });
  ops.push({ kind: "emit", key: "namespace", expression: { kind: "variable", name: "ns" } });
  ops.push({ kind: "switchNamespace", namespace: name });
  for (const command of CONFIGURE_IPM) ops.push({ kind: "ipm", command });
  return ops;
}
async function createNamespace(target, options) {
  const expected = namespaceName(options.homeNamespace, options.postfix);
  const timeoutMs = options.timeoutMs ?? 3e5;
  const result = await target.sessions.run({
    namespace: options.homeNamespace,
    operations: createNamespaceOperations(options),
    timeoutMs,
    classify: (f) => ipmFailure(f, "namespace-create-failed", timeoutMs)
  });
  const created = (result.values.get("namespace") ?? "").toUpperCase();
  if (created !== expected)
    throw new IpmDbError(
      "namespace-create-failed",
      `InitializeNamespace created "${created}", expected "${expected}".`,
      { details: result.text }
    );
  return expected;
}

// src/pipeline/network.ts
import { readFile as readFile5, stat as stat6 } from "node:fs/promises";
import { join as join10 } from "node:path";
function isLoopbackHost(registry) {
  const withoutScheme = registry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const authority = withoutScheme.split("/")[0] ?? "";
  const host = authority.startsWith("[") ? authority.slice(1, authority.indexOf("]")) : authority.split(":")[0];
  return /^localhost$/i.test(host) || /^127(?:\.\d{1,3}){3}$/.test(host) || host === "::1";
}
function chooseNetwork(needs) {
  if (needs.requested) return { network: needs.requested, why: "asked for" };
  if (needs.irisRegistry && isLoopbackHost(needs.irisRegistry))
    return { network: "host", why: `IRIS must reach the registry ${needs.irisRegistry} on the runner's loopback` };
  if (needs.outbound) return { network: "bridge", why: "IPM downloads from the internet; no port is published" };
  return { network: "none", why: "nothing in the container needs the network" };
}
async function needsOutbound(moduleDir, exportPythonDeps) {
  const exists = (name) => stat6(join10(moduleDir, name)).then(
    () => true,
    () => false
  );
  if (exportPythonDeps && await exists("requirements.txt")) return true;
  return await declaresDependencies(moduleDir) && !await exists(".modules");
}
async function declaresDependencies(moduleDir) {
  try {
    return parseModuleXml(await readFile5(join10(moduleDir, "module.xml"), "utf8")).dependencies.length > 0;
  } catch {
    return false;
  }
}

// src/pipeline/containers.ts
async function startPipelineIris(ctx, runId, extra = {}) {
  const o = ctx.options;
  const network = extra.network ?? o.network ?? await defaultNetwork(ctx);
  const mounts = [...o.mounts ?? [], ...extra.mounts ?? []];
  const env = { ...o.env ?? {}, ...extra.env ?? {} };
  const container = await startIris(
    ctx.docker,
    {
      image: extra.image ?? o.image,
      runId,
      ...extra.checkCapsFalse !== void 0 ? { checkCapsFalse: extra.checkCapsFalse } : {},
      network,
      ...o.extraDockerArgs ? { extraDockerArgs: o.extraDockerArgs } : {},
      ...mounts.length > 0 ? { mounts } : {},
      ...Object.keys(env).length > 0 ? { env } : {}
    },
    {
      logger: ctx.logger,
      ...o.onResource ? { onResource: o.onResource } : {},
      ...o.timeouts?.startMs ? { runTimeoutMs: o.timeouts.startMs } : {},
      ...o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}
    }
  );
  return drive(ctx, container);
}
async function defaultNetwork(ctx) {
  const o = ctx.options;
  const choice = chooseNetwork({ outbound: await needsOutbound(o.moduleDir, o.exportPythonDeps ?? true) });
  ctx.logger.info(`IRIS container network: ${choice.network} (${choice.why})`);
  return choice.network;
}
function drive(ctx, container) {
  const o = ctx.options;
  if (o.recordTranscripts) recordTranscript(container, join11(o.outDir, "transcripts", container.name));
  const target = { sessions: new IrisSessionRunner(container), files: container };
  const ops = new IpmOperations(target, {
    ...o.timeouts ? { timeouts: o.timeouts } : {},
    verbose: o.verbose ?? false
  });
  return { container, target, ops };
}
function newPackageNamespace(ctx, target, homeNamespace, prefix) {
  return createNamespace(target, {
    homeNamespace,
    postfix: ctx.nextPostfix(prefix),
    interoperability: ctx.options.interoperability ?? false
  });
}
function setUpIpm(ctx, target, installer, homeNamespace) {
  const limit = ctx.options.timeouts?.ipmInstallMs;
  return bootstrapIpm(target, {
    installer,
    logger: ctx.logger,
    ...homeNamespace ? { homeNamespace } : {},
    ...limit ? { installTimeoutMs: limit } : {}
  });
}

// src/pipeline/warm.ts
import { tmpdir as tmpdir3 } from "node:os";
import { join as join12 } from "node:path";

// src/ipm/warm-image.ts
import { createHash as createHash3 } from "node:crypto";
var WARM_REPOSITORY = "ipm-db-warm";
var WARM_LABEL = "ipm-db.warm";
var WARM_BASE_LABEL = "ipm-db.warm.base";
function warmImageKey(baseImageId2, ipmPin, homeNamespace) {
  return createHash3("sha256").update(`${baseImageId2}
${ipmPin}
${homeNamespace}`).digest("hex").slice(0, 32);
}
function warmImageTag(key2) {
  return `${WARM_REPOSITORY}:${key2}`;
}
async function baseImageId(docker, image) {
  const inspect = () => docker.call(["image", "inspect", "--format", "{{.Id}}", image], { timeoutMs: 6e4 });
  let r = await inspect();
  if (r.exitCode !== 0) {
    const pull = await docker.call(["pull", image], { timeoutMs: 6e5 });
    if (pull.exitCode !== 0) return null;
    r = await inspect();
  }
  const id = r.stdout.trim();
  return r.exitCode === 0 && isDigest(id) ? id : null;
}
async function warmImageExists(docker, tag) {
  const r = await docker.call(["image", "inspect", "--format", "{{.Id}}", tag], { timeoutMs: 6e4 });
  return r.exitCode === 0;
}
async function dropWarmImage(docker, tag) {
  await docker.call(["rmi", "-f", tag], { timeoutMs: 12e4 }).catch(() => void 0);
}
async function commitWarmImage(container, tag, key2, baseImageId2, options) {
  const docker = container.docker;
  await docker.check(
    "warm-image-failed",
    `Stopping ${container.name} to commit it`,
    ["stop", "-t", "300", container.name],
    {
      timeoutMs: 33e4
    }
  );
  try {
    await docker.check(
      "warm-image-failed",
      `Committing ${container.name} as ${tag}`,
      [
        "commit",
        "--change",
        `LABEL ${WARM_LABEL}=${key2}`,
        "--change",
        `LABEL ${WARM_BASE_LABEL}=${baseImageId2}`,
        container.name,
        tag
      ],
      { timeoutMs: 6e5 }
    );
  } finally {
    await docker.check("warm-image-failed", `Starting ${container.name} again`, ["start", container.name], {
      timeoutMs: 12e4
    });
    await container.waitReady(options);
  }
}

// src/pipeline/warm.ts
var installers = /* @__PURE__ */ new WeakMap();
var warmStates = /* @__PURE__ */ new WeakMap();
function pipelineInstaller(ctx) {
  let p = installers.get(ctx);
  if (!p) {
    const o = ctx.options;
    p = o.installer ? resolveInstaller(o.installer, {
      workDir: join12(tmpdir3(), "ipm-db-installers"),
      ...o.installerCache ? { cache: o.installerCache } : {}
    }) : Promise.resolve(null);
    installers.set(ctx, p);
  }
  return p;
}
function warmState(ctx) {
  return warmStates.get(ctx) ?? null;
}
async function warmIdentity(ctx, image) {
  const installer = await pipelineInstaller(ctx);
  const baseId = installer ? await baseImageId(ctx.docker, image) : null;
  if (!installer || !baseId) return null;
  const key2 = warmImageKey(baseId, installerPin(installer), ctx.options.homeNamespace ?? "USER");
  return { key: key2, baseId, tag: warmImageTag(key2) };
}
async function startWithWarmImage(ctx) {
  const o = ctx.options;
  if (!o.warmIpmImage || !o.installer) return startPipelineIris(ctx, ctx.runId);
  const identity = await warmIdentity(ctx, o.image);
  if (!identity) {
    ctx.logger.warn(`No warm IPM image for ${o.image}: its image id could not be read.`);
    return startPipelineIris(ctx, ctx.runId);
  }
  const state = { ...identity, used: false };
  const { tag } = state;
  warmStates.set(ctx, state);
  if (!await warmImageExists(ctx.docker, tag)) return startPipelineIris(ctx, ctx.runId);
  try {
    const driven = await startPipelineIris(ctx, ctx.runId, {
      image: tag,
      checkCapsFalse: needsCheckCapsFalse(o.image)
    });
    state.used = true;
    ctx.logger.info(`Started from the warm IPM image ${tag}`);
    return driven;
  } catch (err) {
    ctx.logger.warn(
      `The warm IPM image ${tag} did not start (${errorMessage(err)}); starting ${o.image} and installing IPM afresh.`
    );
    await dropWarmImage(ctx.docker, tag);
    return startPipelineIris(ctx, ctx.runId);
  }
}
async function setUpIpmWarm(ctx, installer) {
  const o = ctx.options;
  const state = warmState(ctx);
  if (state?.used) {
    try {
      const setup2 = await setUpIpm(ctx, ctx.target, null, o.homeNamespace);
      return { ...setup2, installedFrom: installer };
    } catch (err) {
      ctx.logger.warn(
        `The warm IPM image ${state.tag} failed the IPM check (${errorMessage(err)}); installing IPM afresh in a new container.`
      );
      state.used = false;
      await dropWarmImage(ctx.docker, state.tag);
      await ctx.container.remove();
      const driven = await startPipelineIris(ctx, ctx.runId);
      ctx.container = driven.container;
      ctx.target = driven.target;
      ctx.ops = driven.ops;
    }
  }
  const setup = await setUpIpm(ctx, ctx.target, installer, o.homeNamespace);
  if (installer) recordIpmInstall(ctx, ctx.container.name);
  if (state && o.warmIpmImage) {
    try {
      await commitWarmImage(ctx.container, state.tag, state.key, state.baseId, {
        logger: ctx.logger,
        ...o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {},
        image: o.image
      });
      ctx.logger.info(`Committed the warm IPM image ${state.tag}`);
    } catch (err) {
      if (!(await ctx.container.isRunning()).running) throw err;
      ctx.logger.warn(`Could not commit the warm IPM image ${state.tag}: ${errorMessage(err)}`);
    }
  }
  return setup;
}
function recordIpmInstall(ctx, container) {
  (ctx.report.ipmInstalls ??= []).push(container);
}
async function warmImageForScenarios(ctx) {
  const state = warmState(ctx);
  if (!state || !ctx.options.warmIpmImage) return null;
  return state.used || await warmImageExists(ctx.docker, state.tag) ? state.tag : null;
}
async function warmImageOf(ctx, image) {
  if (!ctx.options.warmIpmImage || !ctx.options.installer) return null;
  const identity = await warmIdentity(ctx, image);
  return identity && await warmImageExists(ctx.docker, identity.tag) ? identity.tag : null;
}
async function setUpScenarioIpm(ctx, driven, fromWarmImage, installer, homeNamespace) {
  if (fromWarmImage) {
    try {
      await setUpIpm(ctx, driven.target, null, homeNamespace);
      return;
    } catch (err) {
      ctx.logger.warn(
        `IPM was not usable in ${driven.container.name}, started from the warm IPM image (${errorMessage(err)}); installing it afresh.`
      );
    }
  }
  await setUpIpm(ctx, driven.target, installer, homeNamespace);
  if (installer) recordIpmInstall(ctx, driven.container.name);
}

// src/iris/assumptions.ts
var PROBE_GLOBAL = "^IPMDBProbe";
var MAIN_PROBE_SCRIPT = [
  'write "##IPMDB probe.sum=",1+1,!',
  "set x=1/0",
  'write "##IPMDB probe.after-error=1",!',
  `set ${PROBE_GLOBAL}=1 write "##IPMDB probe.global=",$order(^$GLOBAL("^IPMDBProbd")),! kill ${PROBE_GLOBAL}`,
  "halt"
];
var TERMINATE_PROBE_SCRIPT = [
  "do $system.Process.Terminate($job,1)",
  'write "##IPMDB probe.after-terminate=1",!'
];
function probe(name, holds, expected, saw) {
  return { name, holds, expected, saw };
}
function judgeProbes(main, terminate) {
  const out = parseSessionOutput(main.stdout);
  const sum = out.values.get("probe.sum");
  const echoed = main.stdout.includes('"##IPMDB probe.sum="');
  const global = out.values.get("probe.global");
  const after = parseSessionOutput(terminate.stdout).values.get("probe.after-terminate");
  return [
    probe(
      "piped-session-output",
      sum === "2",
      'a "##IPMDB probe.sum=2" line (after the namespace prompt) for `write "##IPMDB probe.sum=",1+1,!`',
      sum === void 0 ? "no such line" : `probe.sum=${sum}`
    ),
    probe(
      "piped-session-no-echo",
      !echoed,
      "the script lines are not echoed back",
      echoed ? 'the input line `write "##IPMDB probe.sum=",...` in the output' : "no echo"
    ),
    probe(
      "direct-mode-error-format",
      out.objectScriptErrors.some((e) => e.startsWith("<DIVIDE>")),
      'a line starting "<DIVIDE>" for `set x=1/0`',
      out.objectScriptErrors.length > 0 ? out.objectScriptErrors.join(" / ") : "no line of the form <NAME> ..."
    ),
    probe(
      "error-continues-session",
      out.values.get("probe.after-error") === "1",
      "the line after a direct-mode error still runs",
      out.values.get("probe.after-error") === "1" ? "it ran" : "it did not run"
    ),
    probe(
      "global-directory",
      global === PROBE_GLOBAL || global === PROBE_GLOBAL.slice(1),
      `$order(^$GLOBAL("^IPMDBProbd")) returning "${PROBE_GLOBAL}" (with or without ^) once it is set`,
      global === void 0 ? "no probe.global line" : `probe.global=${global}`
    ),
    probe("exit-status-halt", main.exitCode === 0, "exit status 0 after halt", `exit status ${main.exitCode}`),
    probe(
      "exit-status-terminate",
      terminate.exitCode === 1 && after === void 0,
      "exit status 1 after $system.Process.Terminate($job,1), and nothing after it runs",
      `exit status ${terminate.exitCode}${after === void 0 ? "" : ", and the next line ran"}`
    )
  ];
}
function assumptionError(results, main, terminate) {
  const broken = results.find((r) => !r.holds);
  if (!broken) return null;
  return new IpmDbError(
    "assumption-failed",
    `assumption ${broken.name} does not hold: expected ${broken.expected}, saw ${broken.saw}`,
    {
      hint: 'This IRIS behaves differently from what the driver was built against (docs/iris-surface.md, "Assumptions"). Report it with the output below.',
      details: [
        `--- probe session (exit ${main.exitCode}) ---`,
        main.stdout,
        `--- terminate probe (exit ${terminate.exitCode}) ---`,
        terminate.stdout
      ].join("\n")
    }
  );
}
async function probeAssumptions(exec, namespace) {
  const main = await exec(namespace, MAIN_PROBE_SCRIPT);
  const terminate = await exec(namespace, TERMINATE_PROBE_SCRIPT);
  for (const [what, s] of [
    ["probe session", main],
    ["terminate probe", terminate]
  ])
    if (s.exitCode !== 0 && s.exitCode !== 1)
      throw new IpmDbError(
        "session-ended-early",
        `The IRIS ${what} in ${namespace} ended before the end of its script (exit ${s.exitCode}).`,
        { hint: "IRIS stopped or the session was cut off; read the IRIS output below.", details: s.stdout }
      );
  const results = judgeProbes(main, terminate);
  const error = assumptionError(results, main, terminate);
  if (error) throw Object.assign(error, { probes: results });
  return results;
}

// src/pipeline/stages.ts
function need(value, what) {
  if (value === null)
    throw new IpmDbError("pipeline-order", `Internal: ${what} is not available; a stage it depends on did not run.`);
  return value;
}
var startStage = {
  name: "start",
  async run(ctx) {
    const o = ctx.options;
    ctx.module = await readModuleIdentity(o.moduleDir);
    ctx.report.module = { ...ctx.module };
    await ctx.docker.assertAvailable();
    if (o.login) await dockerLogin(ctx.docker, o.login);
    const driven = await startWithWarmImage(ctx);
    const container = driven.container;
    ctx.container = container;
    ctx.target = driven.target;
    ctx.ops = driven.ops;
    await probeStart(ctx, container);
    return `${o.image} running as ${container.name} (module ${ctx.module.name} ${ctx.module.version})`;
  }
};
async function probeStart(ctx, container) {
  const exec = async (namespace, script) => {
    const r = await container.exec(sessionArgs(namespace), { input: script.join("\n") + "\n", timeoutMs: 6e4 });
    return { stdout: r.stdout, exitCode: r.exitCode };
  };
  try {
    ctx.report.assumptions = await probeAssumptions(exec, ctx.options.homeNamespace ?? "USER");
  } catch (err) {
    const probes = err.probes;
    if (probes) ctx.report.assumptions = probes;
    throw err;
  }
}
var ipmStage = {
  name: "ipm",
  async run(ctx) {
    need(ctx.target, "the container");
    const installer = await pipelineInstaller(ctx);
    const setup = await setUpIpmWarm(ctx, installer);
    const warm = warmState(ctx);
    ctx.setup = setup;
    ctx.report.irisVersion = setup.iris.majorMinor;
    ctx.report.irisBuild = setup.iris.build;
    ctx.report.ipmVersion = setup.ipmVersion;
    ctx.report.ipmSource = installer ? {
      url: installer.url ?? installer.path,
      sha256: installer.sha256,
      commit: installer.git?.commit ?? null,
      repository: installer.git?.repository ?? null
    } : null;
    const from = warm?.used ? ` (warm image ${warm.tag}, IPM checked)` : installer?.git ? ` (installed from commit ${installer.git.commit}, ${installer.origin}, archive sha256 ${installer.sha256})` : installer ? ` (installed from ${installer.origin})` : " (from the image)";
    return `IRIS ${setup.iris.number || setup.iris.majorMinor}, IPM ${setup.ipmVersion}${from}`;
  }
};
var loadStage = {
  name: "load",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const setup = need(ctx.setup, "IPM");
    ctx.packagingNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, "the container"),
      setup.homeNamespace,
      "PKG"
    );
    await ops.loadModule(ctx.packagingNamespace, ctx.options.moduleDir, { dev: ctx.options.dev ?? false });
    return `loaded and compiled in ${ctx.packagingNamespace}`;
  }
};
var packageStage = {
  name: "package",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const module = need(ctx.module, "the module");
    const exportPythonDeps = ctx.options.exportPythonDeps !== false;
    if (exportPythonDeps && await hasRequirementsTxt(ctx.options.moduleDir)) {
      const refusal = pythonDepsWithoutNetwork(
        module.name,
        true,
        exportPythonDeps,
        await networkMode(need(ctx.container, "the container"))
      );
      if (refusal) throw refusal;
    }
    const archive = await ops.packageDatabase(
      need(ctx.packagingNamespace, "the packaging namespace"),
      module.name,
      ctx.options.outDir,
      {
        dev: ctx.options.dev ?? false,
        ...ctx.options.exportPythonDeps === false ? { exportPythonDeps: false } : {}
      }
    );
    ctx.archive = archive;
    const { size } = await stat7(archive.hostPath);
    ctx.report.archive = {
      path: archive.hostPath,
      fileName: archive.fileName,
      size,
      sha256: "",
      irisDatSha256: archive.checksum
    };
    return `${archive.fileName} (${size} bytes, IRIS.DAT sha256 ${archive.checksum ?? "not printed"})`;
  }
};
var verifyStage = {
  name: "verify",
  async run(ctx) {
    const archive = need(ctx.archive, "the archive");
    const module = need(ctx.module, "the module");
    const report = await ctx.options.verifyArchive(archive.hostPath, {
      ...ctx.setup ? { expectedIrisVersion: ctx.setup.iris.majorMinor } : {},
      expectedModuleName: module.name,
      expectedModuleVersion: module.version
    });
    ctx.report.verification = report;
    if (ctx.report.archive) {
      ctx.report.archive.sha256 = report.archive.sha256;
      ctx.report.archive.size = report.archive.size;
      if (report.irisDat) ctx.report.archive.irisDatSha256 = report.irisDat.sha256;
    }
    if (archive.checksum && report.irisDat && report.irisDat.sha256 !== archive.checksum)
      throw new IpmDbError(
        "checksum-mismatch",
        `IRIS.DAT in ${archive.fileName} hashes to ${report.irisDat.sha256}, but IPM printed ${archive.checksum}.`
      );
    if (!report.valid) {
      const first = report.errors[0];
      throw new IpmDbError(
        "archive-invalid",
        `${archive.fileName} failed verification: ${report.errors.length} error(s)${first ? `; first: ${first.message}` : ""}`,
        {
          details: report.errors.map((e) => `${e.code}${e.entry ? ` (${e.entry})` : ""}: ${e.message}`).join("\n")
        }
      );
    }
    return `${archive.fileName}: valid, ${report.warnings.length} warning(s)`;
  }
};
var installStage = {
  name: "install",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const setup = need(ctx.setup, "IPM");
    const module = need(ctx.module, "the module");
    const archive = need(ctx.archive, "the archive");
    ctx.installNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, "the container"),
      setup.homeNamespace,
      "INST"
    );
    const swap = await ops.loadPackage(ctx.installNamespace, archive.hostPath);
    const installed = await ops.installedModule(ctx.installNamespace, module.name);
    if (!installed)
      throw new IpmDbError(
        "install-not-listed",
        `IPM has no record of ${module.name} in ${ctx.installNamespace} after installing ${basename3(archive.hostPath)}.`,
        { details: swap.output }
      );
    if (installed.version !== module.version)
      throw new IpmDbError(
        "install-wrong-version",
        `IPM records ${module.name} ${installed.version} in ${ctx.installNamespace} after installing ${module.version}.`
      );
    if (installed.packaging !== "database")
      throw new IpmDbError(
        "install-not-database",
        `IPM records ${module.name} in ${ctx.installNamespace} with packaging "${installed.packaging}", not "database", after installing ${basename3(archive.hostPath)}.`,
        { details: swap.output }
      );
    const dependencies = (ctx.report.verification?.dependencies ?? []).map((d) => d.name);
    const problems = dependencyProblems(await ops.dependencyStates(ctx.installNamespace, dependencies), dependencies);
    if (problems.length > 0) throw missingDependencyError(problems, module.name, ctx.installNamespace);
    return `${module.name} ${installed.version} installed in ${ctx.installNamespace}${swap.backupPath ? ` (backup ${swap.backupPath})` : ""}`;
  }
};
var testStage = {
  name: "test",
  skip(ctx) {
    if (!ctx.options.runTests) return "tests not requested";
    return null;
  },
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const module = need(ctx.module, "the module");
    const namespace = need(ctx.packagingNamespace, "the packaging namespace");
    const run2 = await ops.test(namespace, module.name, ctx.options.outDir);
    ctx.report.junitPath = run2.junitPath;
    if (!run2.passed)
      throw new IpmDbError("tests-failed", run2.error ?? `The tests of ${module.name} failed.`, { details: run2.output });
    return `tests passed in ${namespace}${run2.junitPath ? `; JUnit at ${run2.junitPath}` : ""}`;
  }
};
var DEFAULT_STAGES = [
  startStage,
  ipmStage,
  loadStage,
  packageStage,
  verifyStage,
  installStage,
  testStage
];

// src/pipeline/stage-result.ts
function stageFailure(stage, error, durationMs) {
  const hint = error instanceof IpmDbError && error.hint ? ` (${redact(error.hint)})` : "";
  const output = error instanceof IpmDbError && error.details ? redact(error.details) : void 0;
  const code = error instanceof IpmDbError ? error.code : void 0;
  return {
    stage,
    status: "failed",
    durationMs,
    message: redact(errorMessage(error)) + hint,
    ...code ? { code } : {},
    ...output ? { output } : {}
  };
}
function stageSkipped(stage, why) {
  return { stage, status: "skipped", durationMs: 0, message: why };
}

// src/pipeline/runner.ts
function emptyReport(image, startedAt) {
  return {
    schema: "ipm-db/run-report@1",
    image,
    irisVersion: null,
    irisBuild: null,
    ipmVersion: null,
    module: null,
    ok: false,
    stages: [],
    archive: null,
    verification: null,
    compileErrors: [],
    junitPath: null,
    upgrade: [],
    published: null,
    startedAt: startedAt.toISOString(),
    durationMs: 0
  };
}
function createContext(options, report) {
  const used = /* @__PURE__ */ new Set();
  return {
    options,
    report,
    logger: options.logger,
    docker: new Docker(options.docker ?? {}),
    runId: options.runId ?? newRunId(),
    container: null,
    target: null,
    ops: null,
    setup: null,
    module: null,
    packagingNamespace: null,
    installNamespace: null,
    archive: null,
    nextPostfix(prefix) {
      let candidate = prefix;
      for (let n = 2; used.has(candidate); n++) candidate = `${prefix}${n}`;
      used.add(candidate);
      return candidate;
    }
  };
}
async function runPipeline(options) {
  const started = /* @__PURE__ */ new Date();
  const report = emptyReport(options.image, started);
  const ctx = createContext(options, report);
  const stages = options.stages ?? DEFAULT_STAGES;
  const hooks = options.hooks ?? [];
  let failed = false;
  try {
    for (const stage of stages) {
      if (failed) {
        report.stages.push(stageSkipped(stage.name, "an earlier stage failed"));
        continue;
      }
      if (options.signal?.aborted) {
        failed = true;
        report.stages.push({
          stage: stage.name,
          status: "failed",
          durationMs: 0,
          message: "cancelled before this stage started"
        });
        options.logger.error(`${stage.name}: cancelled`);
        continue;
      }
      const skip = stage.skip?.(ctx) ?? null;
      if (skip !== null) {
        report.stages.push(stageSkipped(stage.name, skip));
        options.logger.info(`${stage.name}: skipped (${skip})`);
        continue;
      }
      for (const h of hooks) await h.beforeStage?.(stage.name, ctx);
      const t0 = Date.now();
      let result;
      try {
        const message = await options.logger.group(stage.name, () => stage.run(ctx));
        result = {
          stage: stage.name,
          status: "passed",
          durationMs: Date.now() - t0,
          ...message ? { message: redact(message) } : {}
        };
        options.logger.info(
          `${stage.name}: passed in ${formatDuration(result.durationMs)}${result.message ? ` - ${result.message}` : ""}`
        );
      } catch (err) {
        failed = true;
        result = stageFailure(stage.name, err, Date.now() - t0);
        if (err instanceof CompileFailedError) {
          report.compileErrors = err.compileErrors;
          for (const e of err.compileErrors)
            options.logger.error(e.message, {
              ...e.file ? { file: e.file } : {},
              ...e.line ? { line: e.line } : {},
              title: `Compile error in ${e.document}`
            });
        }
        options.logger.error(`${stage.name}: failed after ${formatDuration(result.durationMs)} - ${result.message}`);
        if (result.output) options.logger.info(result.output);
      }
      report.stages.push(result);
      for (const h of hooks) await h.afterStage?.(result, ctx);
    }
  } finally {
    await cleanUp(ctx);
    report.ok = !failed && report.stages.every((s) => s.status !== "failed");
    report.durationMs = Date.now() - started.getTime();
  }
  return report;
}
async function cleanUp(ctx) {
  if (!ctx.container) return;
  if (ctx.options.keepContainer && ctx.container) {
    ctx.logger.info(`Keeping container ${ctx.container.name} (remove it with: docker rm -f -v ${ctx.container.name})`);
    return;
  }
  try {
    const removed = await removeRun(ctx.docker, ctx.runId);
    if (removed.length > 0) ctx.logger.debug(`Removed ${removed.join(", ")}`);
  } catch (err) {
    ctx.logger.warn(`Could not remove the containers of run ${ctx.runId}: ${errorMessage(err)}`);
  }
}

// src/pipeline/upgrade/fingerprint.ts
var DEFAULT_EXCLUDED_GLOBALS = [
  "^IPM.*",
  "^%*",
  "^IRIS.*",
  "^ISC.*",
  "^CacheTemp*",
  "^UnitTest*",
  "^ERRORS",
  "^SPOOL",
  "^odd*",
  "^rOBJ",
  "^rMAC",
  "^rINC",
  "^rINDEX*",
  "^ROUTINE"
];
var PATTERN = /^\^%?[A-Za-z0-9.]*\*?$/;
function assertGlobalPattern(pattern) {
  if (!PATTERN.test(pattern) || pattern === "^" || pattern === "^*" || !pattern.endsWith("*") && !/^\^%?[A-Za-z]/.test(pattern)) {
    throw new UsageError(
      `"${pattern}" is not a global name or pattern`,
      "Write ^Name for one global or ^Prefix* for all globals starting with Prefix, e.g. ^MyApp.*"
    );
  }
  return pattern;
}
function matchesGlobal(pattern, name) {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
function selectGlobals(present, selection) {
  selection.include.forEach(assertGlobalPattern);
  selection.exclude.forEach(assertGlobalPattern);
  const included = (name) => selection.include.length === 0 || selection.include.some((p) => matchesGlobal(p, name));
  const excluded = (name) => selection.exclude.some((p) => matchesGlobal(p, name));
  const exact = selection.include.filter((p) => !p.endsWith("*"));
  return [.../* @__PURE__ */ new Set([...present.filter(included), ...exact])].filter((name) => !excluded(name)).sort();
}
function toDataFingerprint(globals) {
  return { globals: Object.fromEntries(globals.map((g) => [g.name, g])) };
}
var ABSENT = (name) => ({ name, nodes: 0, hash: "", nodeHashes: {} });
function complete(g) {
  return Object.keys(g.nodeHashes).length === g.nodes;
}
function nodeChanges(before, after) {
  if (!complete(before) || !complete(after)) return null;
  const changes = [];
  for (const [node, hash] of Object.entries(before.nodeHashes)) {
    const now = after.nodeHashes[node];
    if (now === void 0) changes.push({ kind: "removed", node });
    else if (now !== hash) changes.push({ kind: "changed", node });
  }
  for (const node of Object.keys(after.nodeHashes)) {
    if (!(node in before.nodeHashes)) changes.push({ kind: "added", node });
  }
  return changes;
}
function diffFingerprints(before, after) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(before.globals), ...Object.keys(after.globals)])].sort();
  const changes = [];
  for (const name of names) {
    const b = before.globals[name] ?? ABSENT(name);
    const a = after.globals[name] ?? ABSENT(name);
    if (b.nodes === a.nodes && b.hash === a.hash) continue;
    changes.push({
      global: name,
      kind: b.nodes === 0 ? "added" : a.nodes === 0 ? "removed" : "changed",
      nodesBefore: b.nodes,
      nodesAfter: a.nodes,
      hashBefore: b.hash,
      hashAfter: a.hash,
      nodeChanges: nodeChanges(b, a),
      declaredBy: []
    });
  }
  return changes;
}

// src/pipeline/upgrade/objectscript.ts
var GLOBAL_NAME = /^\^%?[A-Za-z][A-Za-z0-9.]*$/;
var CLASS_NAME = /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
var METHOD_NAME = /^%?[A-Za-z][A-Za-z0-9]*$/;
var DEFAULT_NODE_LIMIT = 500;
function quote2(value) {
  if (hasControlCharacter(value)) {
    throw new UsageError(`value ${JSON.stringify(value)} contains a control character and cannot be sent to IRIS`);
  }
  return quote(value);
}
function assertGlobalName(name) {
  if (!GLOBAL_NAME.test(name)) {
    throw new UsageError(
      `"${name}" is not a global name`,
      "Write globals as ^Name (letters, digits and dots), e.g. ^MyApp.DataD; patterns may end in *."
    );
  }
  return name;
}
function parseClassMethod(text, what) {
  const [className, methodName, extra] = text.trim().split(":");
  if (extra !== void 0 || !className || !methodName || !CLASS_NAME.test(className) || !METHOD_NAME.test(methodName)) {
    throw new UsageError(
      `${what} "${text}" is not of the form Package.Class:Method`,
      "Name a class method with its full class name, e.g. MyApp.Checks:OrdersKept."
    );
  }
  return { className, methodName };
}
function formatClassMethod(ref) {
  return `${ref.className}:${ref.methodName}`;
}
function assertClassName(name, what) {
  if (!CLASS_NAME.test(name)) throw new UsageError(`${what} "${name}" is not a class or package name`);
  return name;
}
var guarded = guardedLine;
function listGlobalsLine() {
  return guarded("list globals", 'set g="" for { set g=$order(^$GLOBAL(g)) quit:g=""  write "##IPMDB gname=",g,! }');
}
function fingerprintGlobalLine(name, nodeLimit = DEFAULT_NODE_LIMIT) {
  assertGlobalName(name);
  if (!Number.isInteger(nodeLimit) || nodeLimit < 0)
    throw new UsageError(`node limit must be a whole number >= 0, not ${nodeLimit}`);
  const b64 = "$system.Encryption.Base64Encode";
  const sha1 = "$system.Encryption.SHA1Hash";
  return guarded(
    `fingerprint ${name}`,
    `set g=${quote2(name)},n=0,h="",r=g,d=$data(@g)#2 for { if 'd { set r=$query(@r) quit:r="" } set d=0,v=$zconvert(@r,"O","UTF8"),n=n+1,h=${sha1}(h_$zconvert(r,"O","UTF8")_$c(0)_v) write:n'>${nodeLimit} "##IPMDB node=",r,"|",${b64}(${sha1}(v)),! } write "##IPMDB global=",g,"|",n,"|",${b64}(h),!`
  );
}
var STEP_TABLES = [
  ["any", "%IPM_Storage_UpdateStep.AnyMember"],
  ["primary", "%IPM_Storage_UpdateStep.PrimaryOnly"]
];
function updateStepLines() {
  return STEP_TABLES.map(
    ([kind, table]) => guarded(
      `update steps ${table}`,
      `set rs=##class(%SQL.Statement).%ExecDirect(,"SELECT ClassName,MethodName,TimeStampStart,TimeStampEnd,Status FROM ${table}") if rs.%SQLCODE<0 { write "##IPMDB error=",${quote2(table)},"|",rs.%Message,! } while rs.%Next() { write "##IPMDB step=${kind}|",rs.%Get("ClassName"),"|",rs.%Get("MethodName"),"|",rs.%Get("TimeStampStart"),"|",rs.%Get("TimeStampEnd"),"|",$system.Status.IsOK(rs.%Get("Status")),! }`
    )
  );
}
function expectedStepsLine(updatePackage) {
  const json = (v) => `$select($isobject(${v}):${v}.%ToJSON(),1:"[]")`;
  return guarded(
    `update package ${updatePackage}`,
    `kill l do ##class(%IPM.General.Update.VersionBase).GetUpdatePackageClassList(${quote2(assertClassName(updatePackage, "UpdatePackage"))},.l) set k="" for { set k=$order(l(k)) quit:k=""  set a=$select($system.CLS.IsMthd(l(k),"GetOrderedMethods"):$classmethod(l(k),"GetOrderedMethods"),1:""),p=$select($system.CLS.IsMthd(l(k),"GetOrderedMethodsPrimaryOnly"):$classmethod(l(k),"GetOrderedMethodsPrimaryOnly"),1:"") write "##IPMDB expected=",l(k),"|",${json("a")},"|",${json("p")},! }`
  );
}
function seedLine(ref) {
  const name = formatClassMethod(ref);
  return guarded(name, `do ##class(${ref.className}).${ref.methodName}() write "##IPMDB seeded=",${quote2(name)},!`);
}
function checkLine(ref) {
  const name = formatClassMethod(ref);
  return guarded(
    name,
    `set r=##class(${ref.className}).${ref.methodName}() write "##IPMDB check=",${quote2(name)},"|",r,!`
  );
}
function fileExistsLine(path) {
  return `write "##IPMDB exists=",${quote2(path)},"|",##class(%Library.File).Exists(${quote2(path)}),!`;
}

// src/pipeline/upgrade/declared.ts
function parseDeclaredChanges(text) {
  const entries = text.split(/[;\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "" && !entry.startsWith("#"));
  return entries.map((entry) => {
    const eq = entry.indexOf("=");
    if (eq < 0) {
      throw new UsageError(
        `declared change "${entry}" has no "="`,
        'Write Class:Method=^Global1,^Global2 (one entry per line or separated by ";").'
      );
    }
    const step = entry.slice(0, eq).trim();
    if (step.endsWith(":*")) assertClassName(step.slice(0, -2), "declared-change step class");
    else parseClassMethod(step, "declared-change step");
    const globals = entry.slice(eq + 1).split(",").map((g) => g.trim()).filter((g) => g !== "");
    if (globals.length === 0) throw new UsageError(`declared change "${entry}" names no global`);
    globals.forEach(assertGlobalPattern);
    return { step, globals };
  });
}
function declares(declaration, step, global) {
  const stepMatches = declaration.step.endsWith(":*") ? step.startsWith(declaration.step.slice(0, -1)) : declaration.step === step;
  return stepMatches && declaration.globals.some((pattern) => matchesGlobal(pattern, global));
}
function attributeChanges(changes, stepsThatRan2, declarations) {
  return changes.map((change) => ({
    ...change,
    declaredBy: stepsThatRan2.filter((step) => declarations.some((d) => declares(d, step, change.global)))
  }));
}
function undeclaredChangeProblems(changes) {
  return changes.filter((change) => change.declaredBy.length === 0).map((change) => {
    const what = change.kind === "removed" ? `disappeared (${change.nodesBefore} nodes before)` : change.kind === "added" ? `appeared (${change.nodesAfter} nodes)` : `changed (${change.nodesBefore} -> ${change.nodesAfter} nodes)`;
    const nodes = change.nodeChanges && change.nodeChanges.length > 0 ? `: ${change.nodeChanges.slice(0, 5).map((n) => `${n.kind} ${n.node}`).join(", ")}${change.nodeChanges.length > 5 ? `, and ${change.nodeChanges.length - 5} more` : ""}` : "";
    return `${change.global} ${what} but no update step that ran declared it${nodes}`;
  });
}

// src/pipeline/upgrade/git-source.ts
import { mkdtemp as mkdtemp3, rm as rm5, stat as stat8 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join13, relative as relative2, sep as sep3 } from "node:path";
var GIT_TIMEOUT_MS = 12e4;
var GIT_SOURCE_PREFIX = "git:";
function gitRevision(source) {
  if (!source.startsWith(GIT_SOURCE_PREFIX)) return null;
  const rev = source.slice(GIT_SOURCE_PREFIX.length);
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/^~-]*$/.test(rev) || rev.includes("..")) {
    throw new UsageError(`"${source}" does not name a git revision`, "Write git:<tag or commit>, e.g. git:v1.0.0.");
  }
  return rev;
}
async function run(command, cwd, args) {
  const result = await runCommand(command, args, { cwd, timeoutMs: GIT_TIMEOUT_MS });
  if (result.exitCode === 0 && !result.timedOut) return result.stdout.trim();
  const why = result.timedOut ? `did not finish within ${formatDuration(GIT_TIMEOUT_MS)}` : `exit ${result.exitCode}`;
  throw new IpmDbError(
    "upgrade-git-source",
    `${command} ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim() || why}`
  );
}
var git = (cwd, args) => run("git", cwd, args);
async function exportModuleAt(moduleDir, revision) {
  const top = await git(moduleDir, ["rev-parse", "--show-toplevel"]);
  const path = relative2(top, moduleDir).split(sep3).join("/") || ".";
  await git(top, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).catch(() => {
    throw new IpmDbError("upgrade-git-source", `git revision "${revision}" does not exist in ${top}`, {
      hint: "Fetch tags first (actions/checkout with fetch-depth: 0), or give the previous release another way."
    });
  });
  const dest = await mkdtemp3(join13(tmpdir4(), "ipm-db-previous-source-"));
  const remove = () => rm5(dest, { recursive: true, force: true });
  try {
    const archive = join13(dest, "export.tar");
    await git(top, ["archive", "--format=tar", `--output=${archive}`, revision, "--", path]);
    await run("tar", dest, ["-xf", archive, "-C", dest]);
    await rm5(archive);
    const dir = join13(dest, path);
    if (!await stat8(join13(dir, "module.xml")).catch(() => null)) {
      throw new IpmDbError("upgrade-git-source", `${path}/module.xml does not exist at ${revision}`);
    }
    await checkModuleTree(dir, { repositoryRoot: dest, origin: `${path} at git:${revision}` });
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// src/pipeline/upgrade/settings.ts
var UPGRADE_FIELDS = [
  "upgrade-from",
  "upgrade-source",
  "upgrade-scenarios",
  "seed-methods",
  "check-methods",
  "declared-changes",
  "upgrade-globals",
  "upgrade-exclude-globals"
];
function list(text) {
  return (text ?? "").split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}
function optional(text) {
  const value = (text ?? "").trim();
  return value === "" ? null : value;
}
function givenFields(text) {
  return UPGRADE_FIELDS.filter((f) => optional(text[f]) !== null);
}
function readUpgradeOptions(text, context = {}) {
  const name = context.name ?? ((f) => f);
  const problems = [];
  const problem = (field, err) => problems.push({
    field,
    message: err instanceof IpmDbError && err.hint ? `${err.message}. ${err.hint}` : errorMessage(err)
  });
  const attempt = (field, fn) => {
    try {
      return fn();
    } catch (err) {
      problem(field, err);
      return null;
    }
  };
  const resolvePath = context.resolvePath ?? ((path) => path);
  const fromRaw = optional(text["upgrade-from"]);
  const sourceRaw = optional(text["upgrade-source"]);
  const scenariosRaw = optional(text["upgrade-scenarios"]);
  if (fromRaw === null && sourceRaw === null && scenariosRaw === null) {
    for (const field of givenFields(text))
      problems.push({
        field,
        message: `is set but no upgrade runs; add ${name("upgrade-from")}, ${name("upgrade-source")} or ${name("upgrade-scenarios")}.`
      });
    return { options: null, problems };
  }
  const previous = {
    version: null,
    packagePath: null,
    pullFrom: null,
    reference: null,
    sourceDir: null
  };
  const from = fromRaw === null ? null : attempt("upgrade-from", () => classifyUpgradeFrom(fromRaw));
  if (from?.kind === "archive") previous.packagePath = resolvePath(from.path, "upgrade-from");
  if (from?.kind === "reference" && from.reference.includes("@"))
    problems.push({
      field: "upgrade-from",
      message: `previous reference "${from.reference}" has no tag. Write <registry>/<namespace>/<module>:<version>_database__<X.Y>.`
    });
  else if (from?.kind === "reference") {
    previous.reference = from.reference;
    const named = parseDatabaseTag(parseReference(from.reference).tag ?? "")?.version;
    previous.version = named !== void 0 && isPlainVersion(named) ? named : null;
  }
  if (from?.kind === "version") {
    if (!isPlainVersion(from.version))
      problems.push({
        field: "upgrade-from",
        message: `previous version "${from.version}" is not MAJOR.MINOR.PATCH. IPM rebuilds database package versions as major.minor.patch; give the plain version, e.g. 1.0.0.`
      });
    else if (!context.pullFrom)
      problems.push({
        field: "upgrade-from",
        message: `"${from.version}" is a version, but there is no repository to pull it from. Name the registry namespace it was published to, or give a full reference or a .tgz path.`
      });
    else {
      previous.version = from.version;
      previous.pullFrom = context.pullFrom;
    }
  }
  if (sourceRaw !== null && attempt("upgrade-source", () => (gitRevision(sourceRaw), true)))
    previous.sourceDir = sourceRaw.startsWith("git:") ? sourceRaw : resolvePath(sourceRaw, "upgrade-source");
  const seed = list(text["seed-methods"]).map((s) => attempt("seed-methods", () => parseClassMethod(s, "seed method")));
  const checks = list(text["check-methods"]).map(
    (s) => attempt("check-methods", () => parseClassMethod(s, "check method"))
  );
  const declared = attempt("declared-changes", () => parseDeclaredChanges(text["declared-changes"] ?? ""));
  const scenarios = problems.length === 0 ? attempt("upgrade-scenarios", () => selectScenarios(scenariosRaw, previous)) : null;
  if (problems.length > 0 || scenarios === null || declared === null) return { options: null, problems };
  const exclude = optional(text["upgrade-exclude-globals"]);
  return {
    options: {
      scenarios: scenarios.perVersion,
      irisUpgrade: scenarios.irisUpgrade,
      previous,
      seed,
      checks,
      globals: {
        include: list(text["upgrade-globals"]),
        exclude: exclude === null ? [...DEFAULT_EXCLUDED_GLOBALS] : list(exclude)
      },
      declared,
      nodeLimit: DEFAULT_NODE_LIMIT
    },
    problems
  };
}
function selectScenarios(raw, previous) {
  const requested = list(raw ?? "");
  const all = requested.length === 0 || requested.length === 1 && requested[0] === "all";
  for (const name of all ? [] : requested) {
    if (name !== IRIS_UPGRADE && !UPGRADE_SCENARIOS.includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${[...UPGRADE_SCENARIOS, IRIS_UPGRADE].join(", ")} (or all).`
      );
    }
  }
  const scenarios = all ? UPGRADE_SCENARIOS.filter((s) => missingInputs(s, previous) === null) : UPGRADE_SCENARIOS.filter((s) => requested.includes(s));
  for (const scenario of scenarios) {
    const missing = missingInputs(scenario, previous);
    if (missing) throw new UsageError(`upgrade scenario "${scenario}" needs ${missing}`);
  }
  return { perVersion: scenarios, irisUpgrade: irisUpgradeRequested(raw ?? "") };
}
function irisUpgradeRequested(scenarios) {
  const requested = list(scenarios);
  return requested.length === 0 || requested.length === 1 && requested[0] === "all" || requested.includes(IRIS_UPGRADE);
}
function missingInputs(scenario, previous) {
  const hasPackage = previous.packagePath !== null || previous.pullFrom !== null || previous.reference !== null;
  switch (scenario) {
    case "fresh":
      return null;
    case "database":
      return hasPackage ? null : "the previous release as a database package: a package path, a reference, or a repository and version to pull";
    case "source":
      return previous.sourceDir !== null ? null : "the previous release as source: its module directory";
    case "container-replacement":
      return hasPackage || previous.sourceDir !== null ? null : "the previous release: a database package (path or repository and version) or its source directory";
  }
}
function previousReference(pullFrom, moduleName2, version, irisMajorMinor) {
  return `${pullFrom.registry.replace(/\/+$/, "")}/${ipmRepositoryPath(pullFrom.namespace, moduleName2)}:${ipmDatabaseTag(version, irisMajorMinor)}`;
}
function classifyUpgradeFrom(raw) {
  const value = raw.trim();
  if (/\.tgz$/i.test(value)) return { kind: "archive", path: value };
  if (isSemver(value)) return { kind: "version", version: value };
  const reference = referenceOrNull(value);
  if (reference && (reference.tag !== void 0 || reference.digest !== void 0))
    return { kind: "reference", reference: value };
  if (reference)
    throw new UsageError(
      `upgrade-from "${value}" has no tag`,
      "Give the full reference, <registry>/<namespace>/<module>:<version>_database__<IRIS major.minor>, or just the version."
    );
  throw new UsageError(
    `upgrade-from "${value}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2026.1)`,
    "Give the previous release as one of those three forms."
  );
}
function referenceOrNull(text) {
  try {
    return parseReference(text);
  } catch {
    return null;
  }
}

// src/pipeline/upgrade/driver-binding.ts
import { mkdtemp as mkdtemp4, rm as rm6 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join14 } from "node:path";
var DURABLE_MOUNT = "/durable";
async function runUpgradeLines(sessions, namespace, lines, doing, timeoutMs) {
  const result = await sessions.run({
    namespace,
    operations: lines.map((text) => ({ kind: "surfaceLine", text })),
    timeoutMs,
    purpose: doing
  });
  return { results: result.results, raw: result.raw };
}
function irisOf(ctx, current, homeNamespace) {
  const timeoutMs = ctx.options.timeouts?.shortMs ?? 3e5;
  return {
    createNamespace: () => newPackageNamespace(ctx, current().target, homeNamespace, "UPG"),
    run: (namespace, lines, doing) => runUpgradeLines(current().target.sessions, namespace, lines, doing, timeoutMs),
    loadModule: async (namespace, hostDir) => {
      await current().ops.loadModule(namespace, hostDir);
    },
    loadPackage: (namespace, hostTgz) => current().ops.loadPackage(namespace, hostTgz),
    updateModule: (namespace, moduleName2, hostTgz) => current().ops.updateModule(namespace, moduleName2, hostTgz)
  };
}
function startOnVolume(ctx, runId, volume, image, checkCapsFalse) {
  return startPipelineIris(ctx, runId, {
    ...image ? { image } : {},
    ...checkCapsFalse !== void 0 ? { checkCapsFalse } : {},
    // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
    // containers need none (packages are copied in, previous releases pulled on the host).
    network: "none",
    mounts: [{ source: volume, target: DURABLE_MOUNT }],
    env: { ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` }
  });
}
async function startDurable(ctx, image) {
  const setup = ctx.setup;
  if (!setup) throw new IpmDbError("pipeline-order", "Internal: IPM is not set up; the ipm stage did not run.");
  const suffix = ctx.nextPostfix("D").toLowerCase();
  const volume = `ipm-db-${ctx.runId}-${suffix}`;
  ctx.options.onResource?.({ kind: "volume", name: volume });
  await ctx.docker.check("docker-volume-failed", "docker volume create", [
    "volume",
    "create",
    "--label",
    `${RUN_LABEL}=${ctx.runId}`,
    volume
  ]);
  await ctx.docker.check(
    "docker-volume-failed",
    "Giving the durable volume to irisowner",
    [
      "run",
      "--rm",
      "--network",
      "none",
      "--user",
      "root",
      "--label",
      `${RUN_LABEL}=${ctx.runId}`,
      "--mount",
      `type=volume,source=${volume},target=${DURABLE_MOUNT}`,
      "--entrypoint",
      "/bin/sh",
      image ?? ctx.options.image,
      "-c",
      `command -v chown >/dev/null 2>&1 || exit 0; chown irisowner ${DURABLE_MOUNT}`
    ],
    { timeoutMs: 12e4 }
  );
  const runIds = [`${ctx.runId}-${suffix}a`, `${ctx.runId}-${suffix}b`];
  let generation = 0;
  let parts = null;
  const dispose = async () => {
    for (const runId of runIds) await removeRun(ctx.docker, runId).catch(() => void 0);
    await ctx.docker.call(["volume", "rm", "-f", volume], { timeoutMs: 6e4 }).catch(() => void 0);
  };
  try {
    const warm = image === void 0 ? await warmImageForScenarios(ctx) : await warmImageOf(ctx, image);
    const first = warm ? await startOnVolume(ctx, runIds[0], volume, warm, needsCheckCapsFalse(image ?? ctx.options.image)) : await startOnVolume(ctx, runIds[0], volume, image);
    parts = first;
    await setUpScenarioIpm(ctx, first, warm !== null, setup.installedFrom, setup.homeNamespace);
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace(nextImage) {
      const old = current().container;
      await ctx.docker.check("docker-stop-failed", `Stopping ${old.name}`, ["stop", "-t", "120", old.name], {
        timeoutMs: 18e4
      });
      await removeRun(ctx.docker, runIds[generation]);
      generation++;
      parts = await startOnVolume(ctx, runIds[generation], volume, nextImage ?? image);
    },
    dispose
  };
}
function driverUpgradeEnvironment(ctx, pull) {
  const { container, target, ops, setup } = ctx;
  if (!container || !target || !ops || !setup) {
    throw new IpmDbError("pipeline-order", "Internal: the container is not ready; an earlier stage did not run.");
  }
  return {
    iris: irisOf(ctx, () => ({ container, target, ops }), setup.homeNamespace),
    startDurable: (image) => startDurable(ctx, image),
    reserveContainer: () => {
      const slots = ctx.options.containerSlots;
      return slots?.tryAcquire() ? () => slots.release() : null;
    },
    pull,
    tempDir: () => mkdtemp4(join14(tmpdir5(), "ipm-db-previous-")),
    removeTempDir: (dir) => rm6(dir, { recursive: true, force: true })
  };
}

// src/pipeline/upgrade/parse.ts
function values2(output, key2) {
  return output.results.filter((line) => line.key === key2).map((line) => line.value);
}
function ipmdbLines(output) {
  return output.results;
}
function reportedErrors(output) {
  return guardedErrors(output);
}
function throwOnReportedErrors(output, doing) {
  throwOnGuardedError(output, doing, "upgrade-objectscript");
}
function parseGlobalNames(output) {
  const names = values2(output, "gname").map((name) => name.startsWith("^") ? name : `^${name}`);
  return [...new Set(names)].sort();
}
function parseFingerprints(output) {
  const result = [];
  let nodes = {};
  for (const { key: key2, value } of output.results) {
    if (key2 === "node") {
      const bar = value.lastIndexOf("|");
      if (bar > 0) nodes[value.slice(0, bar)] = value.slice(bar + 1);
    } else if (key2 === "global") {
      const [name, count, hash, extra] = value.split("|");
      const nodeCount = Number(count);
      if (!name || extra !== void 0 || hash === void 0 || !Number.isInteger(nodeCount) || nodeCount < 0) {
        throw new IpmDbError("upgrade-parse", `unreadable fingerprint line "##IPMDB global=${value}"`);
      }
      result.push({ name, nodes: nodeCount, hash, nodeHashes: nodes });
      nodes = {};
    }
  }
  return result;
}
function parseModuleState2(output) {
  return parseModuleState(output);
}
function parseUpdateSteps(output) {
  return values2(output, "step").map((value) => {
    const fields = value.split("|");
    if (fields.length !== 6 || fields[0] !== "any" && fields[0] !== "primary") {
      throw new IpmDbError("upgrade-parse", `unreadable update-step line "##IPMDB step=${value}"`);
    }
    const [kind, className, methodName, timeStampStart, timeStampEnd, ok] = fields;
    return {
      className,
      methodName,
      primaryOnly: kind === "primary",
      timeStampStart,
      timeStampEnd,
      statusOk: ok === "1"
    };
  });
}
function parseExpectedSteps(output) {
  const steps = [];
  for (const value of values2(output, "expected")) {
    const [className, ordered, primaryOnly, extra] = value.split("|");
    for (const list2 of [ordered, primaryOnly]) {
      let methods;
      try {
        methods = JSON.parse(list2 ?? "");
      } catch {
        methods = null;
      }
      if (extra !== void 0 || !Array.isArray(methods) || !methods.every((m) => typeof m === "string")) {
        throw new IpmDbError(
          "upgrade-parse",
          `step class ${className}: GetOrderedMethods did not return a JSON array of names ("${value}")`
        );
      }
      for (const method of methods) steps.push(`${className}:${method}`);
    }
  }
  return steps;
}
function parseSeeded(output) {
  return values2(output, "seeded");
}
function parseChecks(output) {
  return values2(output, "check").map((value) => {
    const bar = value.indexOf("|");
    const returned = bar < 0 ? "" : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === "1" };
  });
}
function parseFileExists(output) {
  const result = {};
  for (const value of values2(output, "exists")) {
    const bar = value.lastIndexOf("|");
    result[value.slice(0, bar)] = value.slice(bar + 1) === "1";
  }
  return result;
}

// src/pipeline/upgrade/class-drift.ts
function routinesClassesLine() {
  const xdata = '##class(%Dictionary.XDataDefinition).%OpenId(c_"||ProductionDefinition")';
  return `try { set d="^"_##class(%SYS.Namespace).GetRoutineDest(),c="" for { set c=$order(^|d|oddDEF(c)) quit:c=""  set k=##class(%Dictionary.ClassDefinition).%OpenId(c),x=${xdata} write "##IPMDB classdef=",c,"|",$select($isobject(k):k.TimeChanged,1:""),"|",$select($isobject(x):$system.Encryption.Base64Encode($zconvert(x.Data.Read(3000000),"O","UTF8"),1),1:""),! } } catch e { write "##IPMDB error=routines database classes|",e.DisplayString(),! }`;
}
function parseClassStates(output) {
  const states = /* @__PURE__ */ new Map();
  for (const { key: key2, value } of ipmdbLines(output)) {
    if (key2 !== "classdef") continue;
    const [className, timeChanged, production] = value.split("|");
    if (!className || className.startsWith("%")) continue;
    states.set(className, {
      timeChanged: timeChanged ?? "",
      production: production ? Buffer.from(production, "base64").toString("utf8") : null
    });
  }
  return states;
}
function decode(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}
function productionSettings(xml) {
  const settings = /* @__PURE__ */ new Map();
  const setting = (scope, body) => {
    for (const m of body.matchAll(/<Setting\b([^>]*)>([\s\S]*?)<\/Setting>/g)) {
      const a = attributes(m[1]);
      settings.set(`${scope} ${a.Target ?? ""} ${a.Name ?? ""}`.replace(/\s+/g, " "), decode(m[2]));
    }
  };
  const production = /<Production\b([^>]*)>/.exec(xml);
  for (const [k, v] of Object.entries(attributes(production?.[1] ?? ""))) settings.set(`production @${k}`, v);
  const items = [...xml.matchAll(/<Item\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Item>)/g)];
  let outside = xml;
  for (const item of items) {
    outside = outside.replace(item[0], "");
    const a = attributes(item[1]);
    const name = a.Name ?? "?";
    for (const [k, v] of Object.entries(a)) if (k !== "Name") settings.set(`${name} @${k}`, v);
    setting(name, item[2] ?? "");
  }
  setting("production", outside);
  for (const m of outside.matchAll(/<(ActorPoolSize|Description)>([\s\S]*?)<\/\1>/g))
    settings.set(`production ${m[1]}`, decode(m[2]));
  return settings;
}
function settingDifferences(atInstall, now) {
  const before = productionSettings(atInstall);
  const after = productionSettings(now);
  const keys = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  const show = (v) => v === void 0 ? "(none)" : JSON.stringify(v);
  return keys.filter((k) => before.get(k) !== after.get(k)).map((k) => `${k}: ${show(before.get(k))} -> ${show(after.get(k))}`);
}
function changedClasses(atInstall, beforeSwap) {
  const changed = [];
  for (const [className, now] of [...beforeSwap].sort(([a], [b]) => a.localeCompare(b))) {
    const then = atInstall.get(className);
    if (!then || then.timeChanged === now.timeChanged && then.production === now.production) continue;
    changed.push({
      className,
      timeChangedAtInstall: then.timeChanged,
      timeChangedBeforeSwap: now.timeChanged,
      settings: then.production !== null && now.production !== null ? settingDifferences(then.production, now.production) : []
    });
  }
  return changed;
}
var CLASS_DRIFT_HINT = "Settings a site changes belong in the data database: move them to interoperability System Default Settings (Ens.Config.DefaultSettings; a production setting left empty in the class takes its default from there).";
function changedClassProblems(changed) {
  return changed.map(
    (c) => c.settings.length > 0 ? `production ${c.className} was changed after install (${c.settings.join("; ")}); the swap replaces it with the package's definition and these settings are lost. ${CLASS_DRIFT_HINT}` : `class ${c.className} was changed after install (TimeChanged ${c.timeChangedAtInstall} -> ${c.timeChangedBeforeSwap}); the swap replaces it with the package's definition and the change is lost. ${CLASS_DRIFT_HINT}`
  );
}

// src/pipeline/upgrade/swap-loss.ts
var CODE_GLOBALS = ["^odd*", "^rINDEX*", "^rOBJ", "^rMAC", "^rINC", "^rMAP", "^ROUTINE"];
var BOOKKEEPING_GLOBALS = ["^IPM.*", "^%*", "^IRIS.*", "^ISC.*", "^CacheTemp*"];
var SWAP_LOSS_SAMPLE = 5;
var ROUTINES_ENV = 'set d="^"_##class(%SYS.Namespace).GetRoutineDest()';
function routinesGlobalsLine() {
  return `try { ${ROUTINES_ENV},g="" write "##IPMDB rdb=",$piece(d,"^",3),! for { set g=$order(^$|d|GLOBAL(g)) quit:g=""  write "##IPMDB rglobal=",g,! } } catch e { write "##IPMDB error=routines database globals|",e.DisplayString(),! }`;
}
function routinesGlobalNodesLine(name, sample = SWAP_LOSS_SAMPLE) {
  assertGlobalName(name);
  const bare = name.slice(1);
  return `try { ${ROUTINES_ENV},r=${quote2('^|"')}_d_${quote2(`"|${bare}`)},n=0,t=$data(@r)#2 for { if 't { set r=$query(@r) quit:r="" } set t=0,n=n+1 write:n'>${sample} "##IPMDB rnode=",${quote2(name)},"|",r,! } write "##IPMDB rcount=",${quote2(name)},"|",n,! } catch e { write "##IPMDB error=",${quote2(`routines database ${name}`)},"|",e.DisplayString(),! }`;
}
function parseRoutinesGlobals(output) {
  const lines = ipmdbLines(output);
  const directory = lines.find((l) => l.key === "rdb")?.value ?? "";
  const names = lines.filter((l) => l.key === "rglobal").map((l) => l.value.startsWith("^") ? l.value : `^${l.value}`);
  const ignored = [...CODE_GLOBALS, ...BOOKKEEPING_GLOBALS];
  const candidates = [...new Set(names)].filter((n) => !ignored.some((p) => matchesGlobal(p, n))).sort();
  return { directory, candidates };
}
function withoutEnvironment(ref) {
  return ref.replace(/^\^\|"(?:[^"]|"")*"\|/, "^");
}
function parseLostGlobals(output) {
  const byName = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let g = byName.get(name);
    if (!g) byName.set(name, g = { name, nodes: 0, sample: [] });
    return g;
  };
  for (const { key: key2, value } of ipmdbLines(output)) {
    const bar = value.indexOf("|");
    if (bar < 0) continue;
    const name = value.slice(0, bar);
    if (key2 === "rnode") entry(name).sample.push(withoutEnvironment(value.slice(bar + 1)));
    else if (key2 === "rcount") entry(name).nodes = Number(value.slice(bar + 1)) || 0;
  }
  return [...byName.values()].filter((g) => g.nodes > 0).sort((a, b) => a.name.localeCompare(b.name));
}
var SWAP_LOSS_HINT = 'Keep data out of the routines database: map the global to the data database (a global mapping of the namespace, e.g. %IPM.Utils.Module:AddGlobalMapping(<namespace>, "<global>", "<namespace>-DATA")), or keep settings as interoperability System Default Settings (Ens.Config.DefaultSettings), which live in the data database.';
function lostGlobalProblems(lost, directory) {
  return lost.map(
    (g) => `${g.name} (${g.nodes} node${g.nodes === 1 ? "" : "s"}, e.g. ${g.sample.slice(0, 3).join(", ")}) lives in the routines database${directory ? ` ${directory}` : ""} and is destroyed when -swap-db replaces it. ${SWAP_LOSS_HINT}`
  );
}

// src/pipeline/upgrade/steps.ts
var key = (row) => `${row.className}:${row.methodName}`;
function rowsOfPackage(rows, updatePackage) {
  const prefix = `${updatePackage}.V`;
  return rows.filter((row) => row.className.startsWith(prefix));
}
function done(row) {
  return row !== null && row.timeStampEnd !== "" && row.statusOk;
}
function outcome(mode, before, after, newInRelease) {
  if (after === null || after.timeStampEnd === "") return "missing";
  if (!after.statusOk) return "failed";
  if (mode === "fresh") return after.timeStampStart === "" ? "seeded" : "ran-on-fresh-install";
  if (done(before)) {
    const untouched = after.timeStampStart === before.timeStampStart && after.timeStampEnd === before.timeStampEnd;
    if (!untouched) return "ran-again";
    return newInRelease ? "done-before-release" : "kept";
  }
  return after.timeStampStart === "" ? "seeded-not-run" : "ran";
}
var GOOD = { fresh: ["seeded"], upgrade: ["ran", "kept"] };
function judgeSteps(mode, expected, before, after, previousSteps = null) {
  const beforeByKey = new Map(before.map((row) => [key(row), row]));
  const afterByKey = new Map(after.map((row) => [key(row), row]));
  return expected.map((step) => {
    const b = beforeByKey.get(step) ?? null;
    const a = afterByKey.get(step) ?? null;
    const result = outcome(mode, b, a, previousSteps !== null && !previousSteps.includes(step));
    return { step, outcome: result, ok: GOOD[mode].includes(result), before: b, after: a };
  });
}
var EXPLANATION = {
  seeded: "was seeded",
  ran: "ran once",
  kept: "was done before and not run again",
  "ran-again": "had already run (or been seeded) before the upgrade and ran again",
  "ran-on-fresh-install": "ran on a fresh install, where IPM must only seed it",
  "seeded-not-run": "is new in this upgrade but was only seeded: its migration never ran",
  "done-before-release": "is new in this release but was already marked done before the upgrade (an earlier install seeded it), so its migration never ran",
  missing: "is declared by the installed step classes but IPM never recorded it as done",
  failed: "ended with an error status"
};
function stepProblems(verdicts) {
  return verdicts.filter((v) => !v.ok).map((v) => `update step ${v.step} ${EXPLANATION[v.outcome]}`);
}
function stepsThatRan(verdicts) {
  return verdicts.filter((v) => v.outcome === "ran" || v.outcome === "ran-again" || v.outcome === "ran-on-fresh-install").map((v) => v.step);
}
function describeOutcome(value) {
  return EXPLANATION[value];
}

// src/pipeline/upgrade/scenarios.ts
var Scenario = class {
  constructor(scenario, previous, options, release) {
    this.options = options;
    this.release = release;
    this.result = {
      scenario,
      ok: false,
      message: "",
      previous,
      namespace: null,
      moduleBefore: null,
      moduleAfter: null,
      before: null,
      after: null,
      changes: [],
      steps: [],
      checks: [],
      backup: null,
      problems: [],
      durationMs: 0
    };
  }
  options;
  release;
  result;
  started = Date.now();
  /** Checks left out of the verdict, with what they returned when they were left out. */
  unjudged = /* @__PURE__ */ new Map();
  async snapshot(iris, namespace, alsoGlobals, when) {
    const listing = await iris.run(namespace, [listGlobalsLine()], `listing the globals ${when}`);
    throwOnReportedErrors(listing, `Listing the globals ${when}`);
    const globals = [
      .../* @__PURE__ */ new Set([...selectGlobals(parseGlobalNames(listing), this.options.globals), ...alsoGlobals])
    ].sort();
    const lines = [
      moduleStateLine(this.release.moduleName),
      ...updateStepLines(),
      ...globals.map((g) => fingerprintGlobalLine(g, this.options.nodeLimit))
    ];
    const output = await iris.run(namespace, lines, `fingerprinting the data ${when}`);
    throwOnReportedErrors(output, `Fingerprinting the data ${when}`);
    const fingerprints = parseFingerprints(output);
    const missing = globals.filter((g) => !fingerprints.some((f) => f.name === g));
    if (missing.length > 0) {
      throw new IpmDbError(
        "upgrade-fingerprint-incomplete",
        `IRIS printed no fingerprint for ${missing.join(", ")} ${when}`,
        { details: output.raw }
      );
    }
    const steps = this.release.updatePackage ? rowsOfPackage(parseUpdateSteps(output), this.release.updatePackage) : [];
    return { module: parseModuleState2(output), steps, fingerprint: toDataFingerprint(fingerprints), globals };
  }
  /** Every class of the routines database with its TimeChanged and, for productions, their definition. */
  async classStates(iris, namespace, when) {
    const output = await iris.run(namespace, [routinesClassesLine()], `listing the classes ${when}`);
    throwOnReportedErrors(output, `Listing the classes of the routines database ${when}`);
    return parseClassStates(output);
  }
  /**
   * What the swap would destroy: globals of the routines database and classes changed since
   * `installed` (the class states right after install); recorded, each one a problem.
   */
  async checkSwapLoss(iris, namespace, installed) {
    const listing = await iris.run(namespace, [routinesGlobalsLine()], "listing the routines database globals");
    throwOnReportedErrors(listing, "Listing the globals of the routines database");
    const { directory, candidates } = parseRoutinesGlobals(listing);
    let globals = [];
    if (candidates.length > 0) {
      const output = await iris.run(
        namespace,
        candidates.map((g) => routinesGlobalNodesLine(g)),
        "counting the routines database globals"
      );
      throwOnReportedErrors(output, "Counting the globals of the routines database");
      globals = parseLostGlobals(output);
    }
    const changed = changedClasses(installed, await this.classStates(iris, namespace, "before the swap"));
    this.result.swapLoss = { routinesDatabase: directory, globals, changedClasses: changed };
    this.result.problems.push(...lostGlobalProblems(globals, directory), ...changedClassProblems(changed));
  }
  async seed(iris, namespace) {
    if (this.options.seed.length === 0) return;
    const output = await iris.run(namespace, this.options.seed.map(seedLine), "writing data");
    throwOnReportedErrors(output, "Writing data with the seed methods");
    const seeded = parseSeeded(output);
    const notRun = this.options.seed.map(formatClassMethod).filter((s) => !seeded.includes(s));
    if (notRun.length > 0)
      throw new IpmDbError("upgrade-seed-failed", `seed method(s) ${notRun.join(", ")} did not return`, {
        details: output.raw
      });
  }
  async expectedSteps(iris, namespace) {
    if (!this.release.updatePackage) return [];
    const output = await iris.run(
      namespace,
      [expectedStepsLine(this.release.updatePackage)],
      "reading the update step classes"
    );
    throwOnReportedErrors(output, `Reading the update step classes of ${this.release.updatePackage}`);
    return parseExpectedSteps(output);
  }
  /**
   * Leaves the checks that did not return 1 out of the verdict (the iris-upgrade scenario, whose
   * release does not change: a check that fails before the IRIS upgrade judges a release upgrade,
   * e.g. a data migration, and is recorded in `checksNotJudged` instead).
   */
  leaveOutFailing(baseline) {
    for (const c of baseline) if (!c.ok) this.unjudged.set(c.check, c.returned);
    this.result.checksNotJudged = [...this.unjudged].map(([check, returned]) => ({ check, returned }));
  }
  async runChecks(iris, namespace) {
    const checks = this.options.checks.filter((c) => !this.unjudged.has(formatClassMethod(c)));
    if (checks.length === 0) return [];
    const output = await iris.run(namespace, checks.map(checkLine), "running the checks");
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return checks.map(formatClassMethod).map((check) => {
      const found = returned.find((r) => r.check === check);
      if (found) return found;
      const error = errors.find((e) => e.startsWith(`${check}: `));
      return { check, returned: error ? error.slice(check.length + 2) : "(no result printed)", ok: false };
    });
  }
  async checkBackup(iris, namespace, swap) {
    if (!swap.backupPath) {
      this.result.problems.push(
        'the swap printed no "Backup:" line, so no backup of the replaced routines database can be shown'
      );
      return;
    }
    const output = await iris.run(namespace, [fileExistsLine(swap.backupPath)], "checking the swap backup");
    const exists = parseFileExists(output)[swap.backupPath] === true;
    this.result.backup = { path: swap.backupPath, exists };
    if (!exists) this.result.problems.push(`the swap backup ${swap.backupPath} does not exist after the upgrade`);
  }
  checkModule(state, version, packaging, when) {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version}`
      );
    if (packaging !== null && state.packaging !== packaging) {
      this.result.problems.push(
        `${this.release.moduleName} has Packaging "${state.packaging}" ${when}, expected "${packaging}"`
      );
    }
  }
  finish(success) {
    this.result.ok = this.result.problems.length === 0;
    this.result.message = this.result.ok ? success : this.result.problems[0];
    this.result.durationMs = Date.now() - this.started;
    return this.result;
  }
  fail(error) {
    this.result.problems.push(describeError(error).replace(/\n\s*/g, " "));
    if (error instanceof IpmDbError && error.details) this.result.output = error.details;
    return this.finish("");
  }
};
async function proveUpgrade(s, iris, install, options, release, betweenHook) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  await install(iris, namespace);
  const installedClasses = await s.classStates(iris, namespace, "after the install");
  await s.seed(iris, namespace);
  const previousSteps = await s.expectedSteps(iris, namespace);
  const before = await s.snapshot(iris, namespace, [], "before the upgrade");
  r.moduleBefore = before.module;
  r.before = before.fingerprint;
  if (options.previous.version) s.checkModule(before.module, options.previous.version, null, "before the upgrade");
  await s.checkSwapLoss(iris, namespace, installedClasses);
  if (betweenHook) await betweenHook(namespace);
  const swap = await iris.updateModule(namespace, release.moduleName, release.packagePath);
  const after = await s.snapshot(iris, namespace, before.globals, "after the upgrade");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the upgrade");
  r.steps = judgeSteps("upgrade", await s.expectedSteps(iris, namespace), before.steps, after.steps, previousSteps);
  r.problems.push(...stepProblems(r.steps));
  r.changes = attributeChanges(
    diffFingerprints(before.fingerprint, after.fingerprint),
    stepsThatRan(r.steps),
    options.declared
  );
  r.problems.push(...undeclaredChangeProblems(r.changes));
  r.checks = await s.runChecks(iris, namespace);
  r.problems.push(
    ...r.checks.filter((c) => !c.ok).map((c) => `check ${c.check} returned ${c.returned === "" ? "nothing" : `"${c.returned}"`}, not 1`)
  );
  await s.checkBackup(iris, namespace, swap);
  const ran = r.steps.filter((v) => v.outcome === "ran").length;
  return s.finish(
    `${release.moduleName} ${before.module?.version ?? "?"} -> ${release.version}: ${after.globals.length} global(s) fingerprinted, ${r.changes.length} changed (all declared), ${ran} update step(s) ran once, ${r.checks.length} check(s) returned 1`
  );
}
async function proveFreshInstall(s, iris, release) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  const swap = await iris.loadPackage(namespace, release.packagePath);
  const after = await s.snapshot(iris, namespace, [], "after the install");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the install");
  r.steps = judgeSteps("fresh", await s.expectedSteps(iris, namespace), [], after.steps);
  r.problems.push(...stepProblems(r.steps));
  await s.checkBackup(iris, namespace, swap);
  return s.finish(
    `${release.moduleName} ${release.version} installed into an empty namespace: ${r.steps.length} update step(s) seeded, none run`
  );
}
async function runUpgradeScenarios(env, options, release, logger) {
  const prev = options.previous;
  const registryReference = prev.reference ?? (prev.pullFrom && prev.version ? previousReference(prev.pullFrom, release.moduleName, prev.version, release.irisMajorMinor) : null);
  const reference = prev.packagePath ?? registryReference;
  let pulled = null;
  let downloadDir = null;
  const previousPackage = () => {
    if (prev.packagePath) return Promise.resolve(prev.packagePath);
    if (!registryReference) throw new IpmDbError("upgrade-no-previous", "no previous database package was given");
    pulled ??= env.tempDir().then((dir) => {
      downloadDir = dir;
      return env.pull(registryReference, dir);
    });
    return pulled;
  };
  const loadPrevious = async (iris, namespace) => {
    await iris.loadPackage(namespace, await previousPackage());
  };
  const loadPreviousSource = async (iris, namespace) => {
    await iris.loadModule(namespace, prev.sourceDir);
  };
  const packageOrigin = () => ({
    source: prev.packagePath ? "path" : "registry",
    reference: reference ?? "",
    version: prev.version
  });
  const sourceOrigin = () => ({
    source: "source-directory",
    reference: prev.sourceLabel ?? prev.sourceDir ?? "",
    version: prev.version
  });
  const runScenario = (scenario) => {
    if (scenario === "fresh") {
      const s2 = new Scenario(scenario, { source: "none", reference: "", version: null }, options, release);
      return proveFreshInstall(s2, env.iris, release).catch((e) => s2.fail(e));
    }
    if (scenario === "database") {
      const s2 = new Scenario(scenario, packageOrigin(), options, release);
      return proveUpgrade(s2, env.iris, loadPrevious, options, release).catch((e) => s2.fail(e));
    }
    if (scenario === "source") {
      const s2 = new Scenario(scenario, sourceOrigin(), options, release);
      return proveUpgrade(s2, env.iris, loadPreviousSource, options, release).catch((e) => s2.fail(e));
    }
    const fromPackage = reference !== null;
    const s = new Scenario(scenario, fromPackage ? packageOrigin() : sourceOrigin(), options, release);
    return proveInReplacedContainer(s, env, fromPackage ? loadPrevious : loadPreviousSource, options, release).catch(
      (e) => s.fail(e)
    );
  };
  const logged = async (scenario, how) => {
    logger.info(`upgrade scenario: ${scenario}${how}`);
    const result = await runScenario(scenario);
    logger.info(`upgrade scenario ${scenario}: ${result.ok ? "passed" : "FAILED"}: ${result.message}`);
    return result;
  };
  const byScenario = /* @__PURE__ */ new Map();
  try {
    const own = options.scenarios.filter((s) => s === "container-replacement");
    const freeSlot = own.length > 0 ? env.reserveContainer() : null;
    const beside = freeSlot ? Promise.all(own.map((s) => logged(s, " (its own container, beside the others)"))).finally(freeSlot) : null;
    try {
      for (const scenario of options.scenarios)
        if (!beside || !own.includes(scenario)) byScenario.set(scenario, await logged(scenario, ""));
    } finally {
      for (const result of beside ? await beside : []) byScenario.set(result.scenario, result);
    }
  } finally {
    const dir = downloadDir;
    if (dir !== null) await env.removeTempDir(dir).catch(() => void 0);
  }
  return options.scenarios.map((s) => byScenario.get(s));
}
async function proveInReplacedContainer(s, env, install, options, release) {
  const iris = await env.startDurable();
  try {
    return await proveUpgrade(s, iris, install, options, release, () => iris.replace());
  } finally {
    await iris.dispose();
  }
}

export {
  DEFAULT_IPM_REPOSITORY,
  parseIpmCommit,
  parseIpmRepository,
  parseInstallerSpec,
  directoryCache,
  Limiter,
  mapBounded,
  parseModuleXml,
  startStage,
  ipmStage,
  DEFAULT_STAGES,
  runPipeline,
  quote2 as quote,
  gitRevision,
  exportModuleAt,
  UPGRADE_FIELDS,
  readUpgradeOptions,
  irisUpgradeRequested,
  driverUpgradeEnvironment,
  describeOutcome,
  ipmdbLines,
  throwOnReportedErrors,
  Scenario,
  proveUpgrade,
  runUpgradeScenarios
};
