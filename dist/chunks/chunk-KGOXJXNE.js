import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  installerUrl,
  resolveInstaller
} from "./chunk-YBUCAZZC.js";
import {
  redact
} from "./chunk-TIJDGYO2.js";
import {
  IpmDbError,
  errorMessage
} from "./chunk-7JDKL6H4.js";

// src/action/cache.ts
import { execFile } from "node:child_process";
import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
var execFileP = promisify(execFile);
function actionsCacheStore(warn, env = process.env, budgetMs = 2e4) {
  const load = () => import("./cache-IHLGY2G5.js");
  const bounded = async (what, op, fallback) => {
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve("late"), budgetMs);
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
  const fileFor = (key) => join(dir, cacheKey(key), "zpm.xml");
  return {
    async restore(key, destination) {
      if (!store.available()) return false;
      const file = fileFor(key);
      if (!await store.restore([dirname(file)], cacheKey("ipm-db", key))) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key, source) {
      if (!store.available()) return;
      const file = fileFor(key);
      await mkdir(dirname(file), { recursive: true });
      await copyFile(source, file);
      await store.save([dirname(file)], cacheKey("ipm-db", key));
    }
  };
}
async function resolveIpmInstaller(ipm, opts) {
  if (ipm.kind === "git")
    return resolveInstaller(
      { kind: "git", commit: ipm.commit, repository: ipm.repository },
      { workDir: opts.workDir, cache: opts.cache }
    );
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
  return join(dir, `${cacheKey(image)}.tar`);
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
    await rm(tar, { force: true });
  }
}
async function saveImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  try {
    await mkdir(dir, { recursive: true });
    await docker(["image", "save", "--output", tar, image], 6e5);
    if (!(await stat(tar)).size) return false;
    return await store.save([tar], imageCacheKey(image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
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
  actionsCacheStore,
  cacheKey,
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
