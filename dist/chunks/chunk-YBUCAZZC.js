import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  TarStreamParser,
  normaliseEntryPath,
  printablePath
} from "./chunk-5TNWL7QO.js";
import {
  isGitCommit,
  isSemver,
  isSha256Hex
} from "./chunk-Q34BULHY.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-7JDKL6H4.js";

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
  const key = sourceCacheKey(pin);
  if (options.cache && await options.cache.restore(key, archivePath).catch(() => false)) {
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
  if (options.cache) await options.cache.save(key, archivePath).catch(() => {
  });
  const sha = createHash("sha256").update(bytes).digest("hex");
  return { root, archiveSha256: sha, archivePath, url, origin: "download" };
}

// src/ipm/installer.ts
import { createHash as createHash2 } from "node:crypto";
import { copyFile, mkdir as mkdir2, readFile as readFile2, rename as rename2, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
function pinnedSource(resolved) {
  if (resolved.git)
    return {
      kind: "git",
      commit: resolved.git.commit,
      repository: resolved.git.repository,
      archive: { path: resolved.git.archivePath, sha256: resolved.sha256 }
    };
  return { kind: "path", path: resolved.path, sha256: resolved.sha256 };
}
function installerPin(resolved) {
  if (resolved.git) return `git-${resolved.git.commit}`;
  return `${resolved.version ?? "xml"}-${resolved.sha256}`;
}
var KNOWN_INSTALLER_SHA256 = {};
function installerUrl(version) {
  return `https://github.com/intersystems/ipm/releases/download/v${version}/zpm-${version}.xml`;
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
async function sha256File(path) {
  return createHash2("sha256").update(await readFile2(path)).digest("hex");
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
    const actual2 = await sha256File(source.path);
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
  const url = installerUrl(source.version);
  if (!expected)
    throw new UsageError(
      `No SHA-256 is known for IPM ${source.version}: pass --ipm-sha256 <hex> (action input ipm-sha256) with the checksum of ${url}.`,
      "Compute it once with: curl -sL <url> | sha256sum"
    );
  await mkdir2(options.workDir, { recursive: true });
  const destination = join2(options.workDir, `zpm-${source.version}.xml`);
  const key = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key, destination).catch(() => false)) {
    const cached = await sha256File(destination).catch(() => "");
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
  if (options.cache) await options.cache.save(key, destination).catch(() => {
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
  const fileFor = (key) => join2(dir, `${key.replace(/[^A-Za-z0-9._-]/g, "_")}${key.startsWith("ipm-source-") ? ".tar.gz" : ".xml"}`);
  return {
    async restore(key, destination) {
      const file = fileFor(key);
      if (!await stat2(file).catch(() => null)) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key, source) {
      await mkdir2(dir, { recursive: true });
      await copyFile(source, fileFor(key));
    }
  };
}

export {
  DEFAULT_IPM_REPOSITORY,
  IPM_INSTALLER_CLASS_FILE,
  parseIpmCommit,
  parseIpmRepository,
  pinnedSource,
  installerPin,
  installerUrl,
  parseInstallerSpec,
  resolveInstaller,
  directoryCache
};
