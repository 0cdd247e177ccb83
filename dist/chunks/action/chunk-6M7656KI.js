import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/errors.ts
var IpmDbError = class extends Error {
  code;
  hint;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "IpmDbError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
};
var UsageError = class extends IpmDbError {
  constructor(message, hint) {
    super("usage", message, hint === void 0 ? {} : { hint });
    this.name = "UsageError";
  }
};
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
function describeError(err) {
  if (err instanceof IpmDbError && err.hint) return `${err.message}
  ${err.hint}`;
  return errorMessage(err);
}

// src/util/redact.ts
var secrets = /* @__PURE__ */ new Set();
function registerSecret(value) {
  if (value && value.length >= 4) secrets.add(value);
}
function redact(text) {
  let out = text;
  for (const s of secrets) out = out.split(s).join("***");
  return out;
}

// src/action/cache.ts
import { execFile } from "node:child_process";
import { copyFile as copyFile2, mkdir as mkdir2, rm as rm2, stat as stat2 } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";
import { promisify } from "node:util";

// src/ipm/installer.ts
import { createHash as createHash2 } from "node:crypto";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// src/naming/grammar.ts
import { createHash } from "node:crypto";
var SHA256_HEX_SOURCE = "[0-9a-fA-F]{64}";
var DIGEST_SOURCE = "sha256:[0-9a-f]{64}";
var TAG_SOURCE = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}";
var SHA256_HEX = new RegExp(`^${SHA256_HEX_SOURCE}$`);
var DIGEST = new RegExp(`^${DIGEST_SOURCE}$`);
var TAG = new RegExp(`^${TAG_SOURCE}$`);
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
var PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
var IRIS_MAJOR_MINOR = /^(\d{4})\.(\d{1,2})$/;
var IRIS_VERSION = /^(\d{4})\.(\d{1,2})(\.[0-9A-Za-z.]*)?$/;
var MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var IMAGE_REFERENCE = new RegExp(
  `^[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?:/[a-z0-9][a-z0-9._-]*)*(?::${TAG_SOURCE})?(?:@${DIGEST_SOURCE})?$`
);
function isSha256Hex(text) {
  return SHA256_HEX.test(text);
}
function isDigest(text) {
  return DIGEST.test(text);
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function isTag(text) {
  return TAG.test(text);
}
function isSemver(version) {
  return SEMVER.test(version);
}
function isPlainVersion(version) {
  return PLAIN_VERSION.test(version);
}
function isIrisMajorMinor(version) {
  return IRIS_MAJOR_MINOR.test(version);
}
function irisMajorMinor(version) {
  const m = IRIS_VERSION.exec(version.trim());
  return m ? `${m[1]}.${Number(m[2])}` : null;
}
function isModuleName(name) {
  return MODULE_NAME.test(name);
}
function isImageReference(image) {
  return IMAGE_REFERENCE.test(image);
}
function imageTag(image) {
  const withoutDigest = image.split("@")[0] ?? "";
  const last = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? null : last.slice(colon + 1);
}

// src/ipm/installer.ts
var KNOWN_INSTALLER_SHA256 = {};
function installerUrl(version) {
  return `https://github.com/intersystems/ipm/releases/download/v${version}/zpm-${version}.xml`;
}
async function sha256File(path) {
  return createHash2("sha256").update(await readFile(path)).digest("hex");
}
async function resolveInstaller(source, options) {
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
  await mkdir(options.workDir, { recursive: true });
  const destination = join(options.workDir, `zpm-${source.version}.xml`);
  const key = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key, destination).catch(() => false)) {
    const cached = await sha256File(destination).catch(() => "");
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: "cache", url };
    await rm(destination, { force: true });
  }
  const bytes = await download(url, options);
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
  await writeFile(partial, bytes);
  await rename(partial, destination);
  if (options.cache) await options.cache.save(key, destination).catch(() => {
  });
  return { path: destination, sha256: actual, version: source.version, origin: "download", url };
}
async function download(url, options) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let response;
  try {
    response = await fetchImpl(url, { redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs ?? 12e4) });
  } catch (err) {
    throw new IpmDbError(
      "installer-download-failed",
      `Could not download the IPM installer from ${url}: ${err.message}.`,
      {
        hint: "Check the network, or pass a local installer file with --ipm <path>.",
        cause: err
      }
    );
  }
  if (!response.ok)
    throw new IpmDbError("installer-download-failed", `Downloading ${url} answered HTTP ${response.status}.`, {
      hint: "Check that the IPM version has a release with a zpm-<version>.xml asset."
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

// src/action/cache.ts
var execFileP = promisify(execFile);
function actionsCacheStore(warn, env = process.env, budgetMs = 2e4) {
  const load = () => import("./cache-P23OHOVJ.js");
  const bounded = async (what, op, fallback) => {
    let timer;
    const late = new Promise((resolve2) => {
      timer = setTimeout(() => resolve2("late"), budgetMs);
    });
    try {
      const result = await Promise.race([op(), late]);
      if (result === "late") {
        warn(
          `${what} took over ${Math.round(budgetMs / 1e3)} s (cache service slow or unavailable); going on without it.`
        );
        return fallback;
      }
      return result;
    } catch (err) {
      warn(`${what} failed; going on without it: ${redact(errorMessage(err))}`);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    // Mirrors cache.isFeatureAvailable() without loading the package.
    available: () => Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL),
    restore: (paths, key) => bounded(`Cache restore of ${key}`, async () => await (await load()).restoreCache(paths, key) ?? null, null),
    save: (paths, key) => bounded(`Cache save of ${key}`, async () => await (await load()).saveCache(paths, key) !== -1, false)
  };
}
function cacheKey(...parts) {
  return parts.map((p) => p.replace(/[^A-Za-z0-9._@:+-]+/g, "_")).join("-").slice(0, 512);
}
function actionsInstallerCache(store, dir) {
  const fileFor = (key) => join2(dir, cacheKey(key), "zpm.xml");
  return {
    async restore(key, destination) {
      if (!store.available()) return false;
      const file = fileFor(key);
      if (!await store.restore([dirname(file)], cacheKey("ipm-db", key))) return false;
      await copyFile2(file, destination);
      return true;
    },
    async save(key, source) {
      if (!store.available()) return;
      const file = fileFor(key);
      await mkdir2(dirname(file), { recursive: true });
      await copyFile2(source, file);
      await store.save([dirname(file)], cacheKey("ipm-db", key));
    }
  };
}
async function resolveIpmInstaller(ipm, opts) {
  if (ipm.kind === "installer")
    return resolveInstaller(
      { kind: "path", path: ipm.path, ...ipm.sha256 ? { sha256: ipm.sha256 } : {} },
      { workDir: opts.workDir }
    );
  const official = installerUrl(ipm.version);
  const wanted = ipm.releaseUrl.replaceAll("{version}", ipm.version);
  try {
    return await resolveInstaller(
      { kind: "version", version: ipm.version, sha256: ipm.sha256 },
      {
        workDir: opts.workDir,
        cache: opts.cache,
        fetchImpl: (url, init) => fetch(String(url) === official ? wanted : url, init)
      }
    );
  } catch (err) {
    if (err instanceof IpmDbError && wanted !== official && err.message.includes(official))
      throw new IpmDbError(err.code, err.message.replaceAll(official, wanted), {
        ...err.hint ? { hint: err.hint } : {},
        ...err.details ? { details: err.details } : {},
        cause: err
      });
    throw err;
  }
}
var dockerCli = async (args, timeoutMs) => {
  const { stdout } = await execFileP("docker", args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { stdout };
};
function imageTar(dir, image) {
  return join2(dir, `${cacheKey(image)}.tar`);
}
function imageCacheKey(image) {
  return cacheKey("ipm-db", "image", image);
}
async function restoreImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  const hit = await store.restore([tar], imageCacheKey(image));
  if (!hit) return false;
  try {
    await docker(["load", "--input", tar], 6e5);
    return true;
  } catch (err) {
    warn(`docker load of the cached ${image} failed; it will be pulled: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm2(tar, { force: true });
  }
}
async function saveImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  try {
    await mkdir2(dir, { recursive: true });
    await docker(["image", "save", "--output", tar, image], 6e5);
    if (!(await stat2(tar)).size) return false;
    return await store.save([tar], imageCacheKey(image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm2(tar, { force: true });
  }
}

// src/action/cleanup.ts
var RUN_LABEL = "ipm-db.run";
var STATE_RUN_ID = "ipm-db-run-id";
var STATE_RESOURCES = "ipm-db-resources";
var STATE_KEEP = "ipm-db-keep-container";
var ResourceLedger = class {
  constructor(saveState) {
    this.saveState = saveState;
  }
  saveState;
  items = [];
  record(resource) {
    if (this.items.some((r) => r.kind === resource.kind && r.name === resource.name)) return;
    this.items.push(resource);
    this.saveState(STATE_RESOURCES, JSON.stringify(this.items));
  }
  list() {
    return [...this.items];
  }
};
function parseResources(state) {
  if (!state) return [];
  try {
    const parsed = JSON.parse(state);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r) => Boolean(r) && (r.kind === "container" || r.kind === "volume") && typeof r.name === "string" && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(r.name)
    );
  } catch {
    return [];
  }
}
async function cleanup(runId, recorded, docker) {
  const problems = [];
  const removed = [];
  const containers = new Set(recorded.filter((r) => r.kind === "container").map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === "volume").map((r) => r.name));
  if (runId && /^[A-Za-z0-9_.-]+$/.test(runId)) {
    const ours = (value) => value === runId || Boolean(value?.startsWith(`${runId}-`));
    const listed = async (what, args, into) => {
      try {
        const { stdout } = await docker(args, 3e4);
        for (const line of stdout.split("\n")) {
          const [name, value] = line.trim().split("	");
          if (name && ours(value)) into.add(name);
        }
      } catch (err) {
        problems.push(`Listing the run's ${what} failed: ${errorMessage(err)}`);
      }
    };
    const format = (field) => `{{${field}}}	{{.Label "${RUN_LABEL}"}}`;
    await listed(
      "containers",
      ["ps", "--all", "--filter", `label=${RUN_LABEL}`, "--format", format(".Names")],
      containers
    );
    await listed("volumes", ["volume", "ls", "--filter", `label=${RUN_LABEL}`, "--format", format(".Name")], volumes);
  }
  for (const name of containers) {
    try {
      await docker(["rm", "--force", "--volumes", name], 6e4);
      removed.push({ kind: "container", name });
    } catch (err) {
      if (!/No such container/i.test(errorMessage(err)))
        problems.push(`Removing container ${name} failed: ${errorMessage(err)}`);
    }
  }
  for (const name of volumes) {
    try {
      await docker(["volume", "rm", "--force", name], 6e4);
      removed.push({ kind: "volume", name });
    } catch (err) {
      if (!/no such volume/i.test(errorMessage(err)))
        problems.push(`Removing volume ${name} failed: ${errorMessage(err)}`);
    }
  }
  return { removed, problems };
}

export {
  IpmDbError,
  UsageError,
  errorMessage,
  describeError,
  SHA256_HEX_SOURCE,
  DIGEST_SOURCE,
  TAG_SOURCE,
  SEMVER,
  MODULE_NAME,
  IMAGE_REFERENCE,
  isSha256Hex,
  isDigest,
  sha256Digest,
  isTag,
  isSemver,
  isPlainVersion,
  isIrisMajorMinor,
  irisMajorMinor,
  isModuleName,
  isImageReference,
  imageTag,
  resolveInstaller,
  registerSecret,
  redact,
  actionsCacheStore,
  actionsInstallerCache,
  resolveIpmInstaller,
  dockerCli,
  restoreImage,
  saveImage,
  STATE_RUN_ID,
  STATE_RESOURCES,
  STATE_KEEP,
  ResourceLedger,
  parseResources,
  cleanup
};
