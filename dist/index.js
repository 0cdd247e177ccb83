import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  STAGES
} from "./chunks/chunk-XUGW6E7R.js";
import {
  ResourceLedger,
  STATE_KEEP,
  STATE_RUN_ID,
  actionsCacheStore,
  actionsInstallerCache,
  dockerCli,
  hasControlCharacter,
  isValid,
  resolveInstaller,
  resolveIpmInstaller,
  restoreImage,
  saveImage,
  unsafeValue,
  validate,
  validateNamespace
} from "./chunks/chunk-W3FI564S.js";
import {
  debug,
  error,
  getExecOutput,
  getInput,
  group,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-NYLF5GTQ.js";
import {
  require_saxes,
  verifyArchive
} from "./chunks/chunk-GZD2VCLG.js";
import {
  publishPackage
} from "./chunks/chunk-WJGIMEVR.js";
import "./chunks/chunk-MML3ME7F.js";
import {
  redact,
  registerSecret
} from "./chunks/chunk-TIJDGYO2.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  errorMessage
} from "./chunks/chunk-7JDKL6H4.js";
import {
  __toESM
} from "./chunks/chunk-2YR2DOPF.js";

// src/index.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/action/artifacts.ts
import { createHash } from "node:crypto";
function artifactServiceAvailable(env) {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
function defaultUploader() {
  return {
    async upload(name, files, rootDirectory) {
      const { DefaultArtifactClient } = await import("./chunks/artifact-3FOCOHFI.js");
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, rootDirectory, {});
      return { id: res.id ?? null, size: res.size ?? 0 };
    }
  };
}
function shouldUpload(policy, runOk) {
  return policy === "always" || policy === "failure" && !runOk;
}
function sanitiseArtifactName(raw) {
  return raw.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 200);
}
function artifactName(prefix, iris, env, matrixJson) {
  const parts = [prefix, iris, env.GITHUB_JOB ?? "local"];
  if (matrixJson && matrixJson !== "null") {
    let values = [];
    try {
      const parsed = JSON.parse(matrixJson);
      if (parsed && typeof parsed === "object")
        values = Object.values(parsed).map((v) => typeof v === "string" ? v : JSON.stringify(v));
    } catch {
      values = [matrixJson];
    }
    const joined = sanitiseArtifactName(values.join("-"));
    if (joined.length > 60)
      parts.push(`${joined.slice(0, 40)}-${createHash("sha256").update(matrixJson).digest("hex").slice(0, 8)}`);
    else if (joined) parts.push(joined);
  }
  if (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== "1") parts.push(`attempt${env.GITHUB_RUN_ATTEMPT}`);
  return sanitiseArtifactName(parts.join("-"));
}
async function uploadRunFiles(uploader, name, files, rootDirectory) {
  const res = await uploader.upload(name, files, rootDirectory);
  return { name, id: res.id, size: res.size, files };
}

// src/action/core-io.ts
function actionsCore() {
  return {
    setOutput: (n, v) => setOutput(n, v),
    saveState: (n, v) => saveState(n, v),
    info: (m) => info(redact(m)),
    debug: (m) => debug(redact(m)),
    notice: (m) => notice(redact(m)),
    warning: (m) => warning(redact(m)),
    annotate: (a) => {
      const props = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      (a.level === "error" ? error : warning)(redact(a.message), props);
    },
    group: (title, fn) => group(redact(title), fn),
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return false;
      await summary.addRaw(markdown).write();
      return true;
    }
  };
}
function coreLogger(io, prefix) {
  return {
    info: (m) => io.info(m),
    debug: (m) => io.debug(m),
    warn: (m) => io.info(`warning: ${m}`),
    error: (m) => io.info(`error: ${m}`),
    group: (title, fn) => io.group(`${prefix}${title}`, fn)
  };
}

// src/action/event.ts
import { readFileSync } from "node:fs";
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) return null;
  let payload = null;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = null;
    }
  }
  return { name, payload };
}

// src/action/inputs.ts
import { isAbsolute, resolve } from "node:path";

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

// src/pipeline/upgrade/objectscript.ts
var CLASS_NAME = /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
var METHOD_NAME = /^%?[A-Za-z][A-Za-z0-9]*$/;
var DEFAULT_NODE_LIMIT = 500;
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
function assertClassName(name, what) {
  if (!CLASS_NAME.test(name)) throw new UsageError(`${what} "${name}" is not a class or package name`);
  return name;
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

// src/pipeline/upgrade/git-source.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var GIT_SOURCE_PREFIX = "git:";
function gitRevision(source) {
  if (!source.startsWith(GIT_SOURCE_PREFIX)) return null;
  const rev = source.slice(GIT_SOURCE_PREFIX.length);
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/^~-]*$/.test(rev) || rev.includes("..")) {
    throw new UsageError(`"${source}" does not name a git revision`, "Write git:<tag or commit>, e.g. git:v1.0.0.");
  }
  return rev;
}

// src/pipeline/upgrade/types.ts
var UPGRADE_SCENARIOS = ["database", "source", "fresh", "container-replacement"];

// src/pipeline/upgrade/options.ts
function list(text) {
  return (text ?? "").split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}
function optional(text) {
  const value = (text ?? "").trim();
  return value === "" ? null : value;
}
var VERSION = /^\d+\.\d+\.\d+$/;
function parseUpgradeOptions(inputs) {
  const previous = {
    version: optional(inputs.previousVersion),
    packagePath: optional(inputs.previousPackage),
    repository: optional(inputs.previousRepository),
    reference: optional(inputs.previousReference),
    sourceDir: optional(inputs.previousSource)
  };
  if (previous.version !== null && !VERSION.test(previous.version)) {
    throw new UsageError(
      `previous version "${previous.version}" is not MAJOR.MINOR.PATCH`,
      "IPM rebuilds database package versions as major.minor.patch; give the plain version, e.g. 1.0.0."
    );
  }
  if (previous.sourceDir !== null) gitRevision(previous.sourceDir);
  if (previous.reference !== null) {
    const tag = /:([A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/.exec(previous.reference);
    if (!tag || previous.reference.includes("@")) {
      throw new UsageError(
        `previous reference "${previous.reference}" has no tag`,
        "Write <registry>/<namespace>/<module>:<version>_database__<X.Y>."
      );
    }
    previous.version ??= /^(\d+\.\d+\.\d+)_database__/.exec(tag[1])?.[1] ?? null;
  }
  if (previous.repository !== null && previous.version === null) {
    throw new UsageError(
      "a previous-release repository needs the previous version",
      "Add the version to pull, e.g. 1.0.0."
    );
  }
  const requested = list(inputs.scenarios);
  const all = requested.length === 0 || requested.length === 1 && requested[0] === "all";
  for (const name of all ? [] : requested) {
    if (!UPGRADE_SCENARIOS.includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${UPGRADE_SCENARIOS.join(", ")} (or all).`
      );
    }
  }
  const scenarios = all ? UPGRADE_SCENARIOS.filter((s) => missingInputs(s, previous) === null) : UPGRADE_SCENARIOS.filter((s) => requested.includes(s));
  for (const scenario of scenarios) {
    const missing = missingInputs(scenario, previous);
    if (missing) throw new UsageError(`upgrade scenario "${scenario}" needs ${missing}`);
  }
  const nodeLimit = inputs.nodeLimit?.trim() ? Number(inputs.nodeLimit) : DEFAULT_NODE_LIMIT;
  if (!Number.isInteger(nodeLimit) || nodeLimit < 0)
    throw new UsageError(`node limit "${inputs.nodeLimit}" is not a whole number >= 0`);
  const exclude = optional(inputs.excludeGlobals);
  return {
    scenarios,
    previous,
    seed: list(inputs.seed).map((s) => parseClassMethod(s, "seed method")),
    checks: list(inputs.checks).map((s) => parseClassMethod(s, "check method")),
    globals: {
      include: list(inputs.globals),
      exclude: exclude === null ? [...DEFAULT_EXCLUDED_GLOBALS] : list(exclude)
    },
    declared: parseDeclaredChanges(inputs.declaredChanges ?? ""),
    nodeLimit
  };
}
function missingInputs(scenario, previous) {
  const hasPackage = previous.packagePath !== null || previous.repository !== null || previous.reference !== null;
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

// src/action/inputs.ts
var UPLOAD_POLICIES = ["always", "failure", "never"];
var TRUE_FORMS = ["true", "True", "TRUE"];
var FALSE_FORMS = ["false", "False", "FALSE"];
var IMAGE_RE = /^[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?:\/[a-z0-9][a-z0-9._-]*)*(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
var TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
var REGISTRY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[a-z0-9][a-z0-9._-]*)*$/;
var NAMESPACE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
var SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
var SHA256_RE = /^[0-9a-fA-F]{64}$/;
var ARTIFACT_NAME_RE = /^[A-Za-z0-9._-]{1,60}$/;
var DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var IPM_RELEASE_URL = "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml";
function parseList(raw) {
  return raw.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseDuration(raw) {
  const text = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const ms = Number(text) * 1e3;
    return ms > 0 ? ms : null;
  }
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  let total = 0;
  for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return total > 0 ? Math.round(total) : null;
}
function parseInputs(source) {
  const token = source.get("token").trim();
  if (token) {
    source.setSecret(token);
    registerSecret(token);
  }
  const problems = [];
  const problem = (input, text) => problems.push(`input "${input}": ${text}`);
  const bool = (name, fallback) => {
    const raw = source.get(name).trim();
    if (raw === "") return fallback;
    if (TRUE_FORMS.includes(raw)) return true;
    if (FALSE_FORMS.includes(raw)) return false;
    problem(name, `"${raw}" is not a boolean; write true or false.`);
    return fallback;
  };
  const duration = (name, fallback) => {
    const raw = source.get(name).trim() || fallback;
    const ms = parseDuration(raw);
    if (ms === null) {
      problem(name, `"${raw}" is not a duration; write a positive number with a unit, e.g. 90s, 10m or 1h30m.`);
      return parseDuration(fallback) ?? 0;
    }
    return ms;
  };
  const workspace = source.env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (name, raw) => {
    const abs = isAbsolute(raw) ? raw : resolve(workspace, raw);
    if (/[\0\n\r]/.test(raw)) problem(name, "contains a control character.");
    return abs;
  };
  const modulePath = inWorkspace("module-path", source.get("module-path").trim() || ".");
  const images = imageList(source, problem);
  const ipm = ipmSource(source, problem, inWorkspace);
  const dev = bool("dev", false);
  const exportPythonDeps = bool("export-python-deps", true);
  const runTests = bool("run-tests", false);
  if (runTests && !dev)
    problem(
      "run-tests",
      "needs dev: true: the tests run against the installed package, which holds test classes only when built with -dev."
    );
  const upgrade = upgradeRequest(source, problem, inWorkspace);
  const upgradeFrom = upgrade?.from ?? null;
  const publishRaw = source.get("publish").trim();
  let publishAsked = false;
  if (publishRaw === "true") publishAsked = true;
  else if (publishRaw !== "" && publishRaw !== "false")
    problem("publish", `"${publishRaw}" is not accepted; publishing needs exactly true (anything else: false).`);
  const registry = source.get("registry").trim().replace(/\/+$/, "") || "ghcr.io";
  if (!REGISTRY_RE.test(registry))
    problem("registry", `"${registry}" is not a registry host; write e.g. ghcr.io or localhost:5000/prefix.`);
  const registryPlainHttp = bool("registry-plain-http", false);
  if (registryPlainHttp && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(registry))
    problem(
      "registry-plain-http",
      `is true but ${registry} is not a loopback registry; HTTP would send the token in clear text.`
    );
  const namespaceRaw = source.get("namespace").trim() || source.env.GITHUB_REPOSITORY_OWNER || "";
  const namespace = namespaceRaw.toLowerCase();
  if (publishAsked || upgradeFrom?.kind === "version") {
    if (!namespace)
      problem("namespace", "is empty; set it to the registry owner (e.g. your GitHub user or organisation).");
    else if (!NAMESPACE_RE.test(namespace))
      problem("namespace", `"${namespaceRaw}" is not a registry namespace (letters, digits, ".", "_", "-", "/").`);
  }
  const username = source.get("username").trim() || source.env.GITHUB_ACTOR || "";
  const sourceUrlRaw = source.get("source-url").trim();
  let sourceUrl = null;
  if (sourceUrlRaw) {
    if (/^https?:\/\/[^\s/]+\/?\S*$/.test(sourceUrlRaw) && !/^https?:\/\/\/?$/.test(sourceUrlRaw))
      sourceUrl = sourceUrlRaw;
    else problem("source-url", `"${sourceUrlRaw}" is not an http(s) URL.`);
  }
  const force = bool("force", false);
  const allowPrerelease = bool("allow-prerelease", false);
  const summary2 = bool("summary", true);
  const uploadRaw = source.get("upload-artifacts").trim() || "always";
  let uploadArtifacts = "always";
  if (UPLOAD_POLICIES.includes(uploadRaw)) uploadArtifacts = uploadRaw;
  else problem("upload-artifacts", `"${uploadRaw}" is not a policy; use always, failure or never.`);
  const artifactName2 = source.get("artifact-name").trim() || "ipm-db";
  if (!ARTIFACT_NAME_RE.test(artifactName2))
    problem("artifact-name", `"${artifactName2}" may hold only letters, digits, ".", "_" and "-" (at most 60).`);
  const matrixKey = source.get("matrix-key").trim();
  const cacheImages = bool("cache-images", false);
  const timeouts = {
    startupMs: duration("startup-timeout", "5m"),
    commandMs: duration("command-timeout", "15m"),
    totalMs: duration("timeout", "60m")
  };
  const keepContainer = bool("keep-container", false);
  let publish = publishAsked;
  let publishRefused = null;
  if (publishAsked) {
    const fork = forkPullRequest(source.event, source.env.GITHUB_REPOSITORY);
    if (fork) {
      publish = false;
      publishRefused = `publishing is refused on ${fork}: its token must not write packages.`;
    } else {
      if (!token) problem("token", "is empty but publish is true; pass a token with packages: write.");
      if (ipm.kind === "installer" && ipm.sha256 === null)
        problem("ipm-sha256", "is required when publishing with ipm-installer (a release must pin its IPM).");
    }
  }
  if (problems.length)
    throw new UsageError(
      `Invalid action inputs:
  - ${problems.join("\n  - ")}`,
      'Fix the "with:" block of this step; every input is described in action.yml and docs/action.md.'
    );
  return {
    workspace,
    modulePath,
    images,
    ipm,
    dev,
    exportPythonDeps,
    runTests,
    upgrade,
    publish,
    publishRefused,
    registry,
    registryPlainHttp,
    namespace,
    username,
    token,
    sourceUrl,
    force,
    allowPrerelease,
    summary: summary2,
    uploadArtifacts,
    artifactName: artifactName2,
    matrixKey,
    cacheImages,
    timeouts,
    keepContainer
  };
}
function imageList(source, problem) {
  const explicit = parseList(source.get("iris-images"));
  const versions = parseList(source.get("iris-versions"));
  const images = [];
  if (explicit.length) {
    for (const image of explicit) {
      if (IMAGE_RE.test(image)) images.push(image);
      else
        problem(
          "iris-images",
          `"${image}" is not an image reference; write e.g. containers.intersystems.com/intersystems/iris-community:2025.1.`
        );
    }
  } else if (versions.length) {
    const registry = source.get("iris-image-registry").trim().replace(/\/+$/, "") || "containers.intersystems.com/intersystems";
    const flavour = source.get("iris-flavour").trim() || "iris-community";
    for (const version of versions) {
      const image = `${registry}/${flavour}:${version}`;
      if (!TAG_RE.test(version)) problem("iris-versions", `"${version}" is not an image tag; write e.g. 2025.1.`);
      else if (!IMAGE_RE.test(image))
        problem(
          "iris-flavour",
          `"${registry}/${flavour}" does not make an image name; check iris-image-registry and iris-flavour.`
        );
      else images.push(image);
    }
  } else {
    problem("iris-images", "no IRIS image given; set iris-images (full references) or iris-versions (e.g. 2025.1).");
  }
  const seen = /* @__PURE__ */ new Set();
  return images.filter((i) => !seen.has(i) && seen.add(i));
}
function ipmSource(source, problem, inWorkspace) {
  const version = source.get("ipm-version").trim();
  const installer = source.get("ipm-installer").trim();
  const sha = source.get("ipm-sha256").trim();
  const releaseUrl = source.get("ipm-release-url").trim() || IPM_RELEASE_URL;
  if (sha && !SHA256_RE.test(sha)) problem("ipm-sha256", "must be 64 hexadecimal digits (the output of sha256sum).");
  if (sha && !installer && !version) problem("ipm-sha256", "is set but neither ipm-installer nor ipm-version is.");
  if (version && installer) {
    problem("ipm-version", "and ipm-installer are both set; keep only one.");
    return { kind: "image" };
  }
  if (version) {
    if (!SEMVER_RE.test(version)) problem("ipm-version", `"${version}" is not an IPM version; write e.g. 0.10.10.`);
    if (!sha)
      problem("ipm-sha256", `is required with ipm-version: the SHA-256 of zpm-${version}.xml from the release.`);
    if (!/^https?:\/\/\S+$/.test(releaseUrl) || !releaseUrl.includes("{version}"))
      problem("ipm-release-url", `"${releaseUrl}" must be an http(s) URL containing {version}.`);
    return { kind: "version", version, sha256: sha.toLowerCase(), releaseUrl };
  }
  if (installer) {
    if (!/\.xml$/i.test(installer))
      problem("ipm-installer", `"${installer}" is not an installer XML (zpm-<version>.xml).`);
    return { kind: "installer", path: inWorkspace("ipm-installer", installer), sha256: sha ? sha.toLowerCase() : null };
  }
  return { kind: "image" };
}
function upgradeRequest(source, problem, inWorkspace) {
  const fromRaw = source.get("upgrade-from").trim();
  const sourceRaw = source.get("upgrade-source").trim();
  const request = {
    from: fromRaw ? parseUpgradeFrom(fromRaw, problem, inWorkspace) : null,
    sourceDir: sourceRaw ? inWorkspace("upgrade-source", sourceRaw) : null,
    scenarios: parseList(source.get("upgrade-scenarios")).join(","),
    seed: source.get("seed-methods"),
    checks: source.get("check-methods"),
    globals: source.get("upgrade-globals"),
    excludeGlobals: source.get("upgrade-exclude-globals"),
    declaredChanges: source.get("declared-changes")
  };
  const named = [
    ["seed-methods", request.seed],
    ["check-methods", request.checks]
  ];
  let ok = true;
  for (const [input, text] of named)
    for (const entry of text.split("\n").map((l) => l.trim()).filter(Boolean))
      ok = attempt(problem, input, () => parseClassMethod(entry, "class method")) && ok;
  ok = attempt(problem, "declared-changes", () => parseDeclaredChanges(request.declaredChanges)) && ok;
  if (!request.from && !request.sourceDir && !request.scenarios) {
    for (const [input, text] of [...named, ["declared-changes", request.declaredChanges]])
      if (text.trim())
        problem(input, "is set but no upgrade runs; set upgrade-from, upgrade-source or upgrade-scenarios.");
    return null;
  }
  if (!ok) return request;
  attempt(
    problem,
    "upgrade-scenarios",
    () => parseUpgradeOptions(
      upgradeInputsFor(request, request.from?.kind === "version" ? "registry.invalid/ns/module" : null)
    )
  );
  return request;
}
function upgradeInputsFor(request, repository) {
  const from = request.from;
  const inputs = {
    scenarios: request.scenarios,
    seed: request.seed,
    checks: request.checks,
    globals: request.globals,
    declaredChanges: request.declaredChanges
  };
  if (request.excludeGlobals.trim()) inputs.excludeGlobals = request.excludeGlobals;
  if (request.sourceDir) inputs.previousSource = request.sourceDir;
  if (from?.kind === "archive") inputs.previousPackage = from.path;
  if (from?.kind === "reference") inputs.previousReference = from.reference;
  if (from?.kind === "version") {
    inputs.previousVersion = from.version;
    if (repository) inputs.previousRepository = repository;
  }
  return inputs;
}
function attempt(problem, input, fn) {
  try {
    fn();
    return true;
  } catch (err) {
    problem(input, err instanceof IpmDbError && err.hint ? `${err.message}. ${err.hint}` : errorMessage(err));
    return false;
  }
}
function parseUpgradeFrom(raw, problem, inWorkspace) {
  if (/\.tgz$/i.test(raw)) return { kind: "archive", path: inWorkspace("upgrade-from", raw) };
  if (SEMVER_RE.test(raw)) return { kind: "version", version: raw };
  const ref = /^([a-z0-9][a-z0-9.-]*(?::[0-9]+)?(?:\/[a-z0-9][a-z0-9._-]*)+)(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127})|@(sha256:[0-9a-f]{64}))$/.exec(
    raw
  );
  if (ref) return { kind: "reference", reference: raw };
  problem(
    "upgrade-from",
    `"${raw}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2025.1).`
  );
  return null;
}
function forkPullRequest(event, repository) {
  if (!event || event.name !== "pull_request" && event.name !== "pull_request_target") return null;
  const pr = event.payload?.pull_request;
  const headRepo = pr?.head?.repo;
  const base = event.payload?.repository?.full_name ?? repository;
  if (!headRepo?.full_name) return `a ${event.name} event whose head repository is unknown`;
  if (!base || headRepo.full_name.toLowerCase() !== base.toLowerCase())
    return `a ${event.name} event from fork ${headRepo.full_name}`;
  return null;
}

// src/action/run.ts
import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { basename, join as join2, relative as relative2 } from "node:path";

// src/action/annotations.ts
import { join, relative, sep } from "node:path";
var MAX_PER_LEVEL = 10;
function irisLabel(run3) {
  return run3.irisVersion ? `IRIS ${run3.irisVersion}` : run3.image;
}
function repositoryPath(roots, moduleRelative) {
  const rel = relative(roots.workspace, join(roots.modulePath, moduleRelative));
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep).join("/");
}
function planAnnotations(runs, roots) {
  const all = [];
  const seen = /* @__PURE__ */ new Map();
  const add = (a, where) => {
    const key = `${a.level}\0${a.file ?? ""}\0${a.startLine ?? ""}\0${a.message}`;
    const existing = seen.get(key);
    if (existing) {
      if (!existing.where.includes(where)) existing.where.push(where);
      return;
    }
    const entry = { annotation: a, where: [where] };
    seen.set(key, entry);
    all.push(entry);
  };
  for (const run3 of runs) {
    const where = irisLabel(run3);
    for (const ce of run3.compileErrors) {
      const file = ce.file ? repositoryPath(roots, ce.file) : null;
      const a = {
        level: "error",
        title: `Compile error in ${ce.document}`,
        message: file ? ce.message : `${ce.document}${ce.line ? ` line ${ce.line}` : ""}: ${ce.message}`
      };
      if (file) a.file = file;
      if (file && ce.line) a.startLine = ce.line;
      add(a, where);
    }
    const v = run3.verification;
    if (v) {
      for (const f of v.errors)
        add(
          { level: "error", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
      for (const f of v.warnings)
        add(
          { level: "warning", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
    }
  }
  const counts = { error: 0, warning: 0 };
  const annotations = [];
  const overflow = [];
  for (const { annotation, where } of all) {
    const a = { ...annotation, title: `${annotation.title} (${where.join(", ")})` };
    if (counts[a.level] < MAX_PER_LEVEL) {
      counts[a.level]++;
      annotations.push(a);
    } else {
      const at = a.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ""}: ` : "";
      overflow.push(`${a.level}: ${at}${a.message} \u2014 ${a.title}`);
    }
  }
  return { annotations, overflow };
}
function withEntry(message, entry) {
  return entry ? `${entry}: ${message}` : message;
}

// src/action/summary.ts
var SUMMARY_LIMIT_BYTES = 1e6;
var MIN_BLOCK_BYTES = 512;
var STATUS_ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cell(text) {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const m = Math.floor(ms / 6e4);
  return `${m} min ${Math.round(ms % 6e4 / 1e3)} s`;
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
var fixed = (text) => ({ kind: "fixed", text });
function detailsBlock(title, raw, keep) {
  return {
    kind: "shrinkable",
    raw,
    keep,
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>

<pre>${escapeHtml(body)}</pre>

</details>

`
  };
}
function listBlock(lines) {
  return {
    kind: "shrinkable",
    raw: lines.join("\n"),
    keep: "head",
    cut: 0,
    render: (body) => body.split("\n").filter(Boolean).map((l) => `- ${cell(l)}`).join("\n") + "\n\n"
  };
}
function renderBlock(b) {
  if (b.kind === "fixed") return b.text;
  const note = b.cut > 0 ? `[${b.cut} bytes cut to fit the job summary limit; the full text is in the artifacts]` : "";
  const body = b.cut === 0 ? b.raw : b.keep === "tail" ? `${note}
\u2026${b.raw}` : `${b.raw}\u2026
${note}`;
  return b.render(body);
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function cutTo(text, bytes, keep) {
  const buf = Buffer.from(text, "utf8");
  if (buf.length <= bytes) return text;
  let slice = keep === "head" ? buf.subarray(0, bytes) : buf.subarray(buf.length - bytes);
  let s = slice.toString("utf8");
  if (s.includes("\uFFFD")) {
    slice = keep === "head" ? slice.subarray(0, slice.length - 3) : slice.subarray(3);
    s = slice.toString("utf8").replace(/^\uFFFD+|\uFFFD+$/g, "");
  }
  return s;
}
function fit(blocks, limit) {
  let truncated = false;
  for (let round = 0; round < 200; round++) {
    const total = blocks.reduce((n, b) => n + byteLength(renderBlock(b)), 0);
    const excess = total - limit;
    if (excess <= 0) break;
    const shrinkable = blocks.filter(
      (b) => b.kind === "shrinkable" && byteLength(b.raw) > MIN_BLOCK_BYTES
    ).sort((a, b) => byteLength(b.raw) - byteLength(a.raw));
    const biggest = shrinkable[0];
    if (!biggest) break;
    const size = byteLength(biggest.raw);
    const next = shrinkable[1] ? byteLength(shrinkable[1].raw) : 0;
    let target = Math.max(MIN_BLOCK_BYTES, size - excess - 128);
    if (next > target && next < size) target = next;
    const cut = cutTo(biggest.raw, target, biggest.keep);
    biggest.cut += size - byteLength(cut);
    biggest.raw = cut;
    truncated = true;
  }
  let text = blocks.map(renderBlock).join("");
  if (byteLength(text) > limit) {
    text = cutTo(text, limit - 200, "head") + "\n\n**Summary cut short: it exceeded the job summary limit.**\n";
    truncated = true;
  }
  return { text, truncated };
}
function stageCell(s) {
  if (!s) return "";
  return s.status === "skipped" ? STATUS_ICON.skipped : `${STATUS_ICON[s.status]} ${formatDuration(s.durationMs)}`;
}
function runLabel(run3) {
  return run3.irisVersion ? `IRIS ${run3.irisVersion}` : run3.image;
}
function overviewTable(runs) {
  const used = STAGES.filter((st) => runs.some((r) => r.stages.some((s) => s.stage === st)));
  const head = `| IRIS | ${used.join(" | ")} | total |
|---|${used.map(() => "---|").join("")}---|
`;
  const rows = runs.map((r) => {
    const cells = used.map((st) => stageCell(r.stages.find((s) => s.stage === st)));
    const label = `${r.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(runLabel(r))}<br><sub>${cell(r.image)}</sub>`;
    return `| ${label} | ${cells.join(" | ")} | ${formatDuration(r.durationMs)} |`;
  });
  return `${head}${rows.join("\n")}

`;
}
function describeUpgrade(entry) {
  if (entry && typeof entry === "object") {
    const e = entry;
    const name = String(e.scenario ?? e.name ?? "upgrade");
    const ok = typeof e.ok === "boolean" ? e.ok : e.status === "passed" ? true : e.status === "failed" ? false : null;
    const message = typeof e.message === "string" ? e.message : "";
    return { name, ok, message };
  }
  return { name: "upgrade", ok: null, message: String(entry) };
}
function runBlocks(run3) {
  const out = [fixed(`### ${run3.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(runLabel(run3))}

`)];
  const facts = [`| image | \`${cell(run3.image)}\` |`];
  if (run3.irisBuild) facts.push(`| IRIS build | ${cell(run3.irisBuild)} |`);
  if (run3.ipmVersion) facts.push(`| IPM | ${cell(run3.ipmVersion)} |`);
  if (run3.archive) {
    facts.push(`| archive | \`${cell(run3.archive.fileName)}\` (${formatBytes(run3.archive.size)}) |`);
    facts.push(`| sha256 | \`${run3.archive.sha256}\` |`);
    if (run3.archive.irisDatSha256) facts.push(`| IRIS.DAT sha256 | \`${run3.archive.irisDatSha256}\` |`);
  }
  if (run3.published) {
    facts.push(`| published | \`${cell(run3.published.reference)}\`${run3.published.unchanged ? " (unchanged)" : ""} |`);
    facts.push(`| digest | \`${cell(run3.published.digest)}\` |`);
  }
  out.push(fixed(`| | |
|---|---|
${facts.join("\n")}

`));
  const failed = run3.stages.find((s) => s.status === "failed");
  if (failed) out.push(fixed(`**${cell(failed.stage)} failed:** ${cell(failed.message ?? "no message")}

`));
  const deps = run3.verification?.dependencies ?? [];
  if (deps.length) {
    out.push(fixed(`**Dependencies (${deps.length})**

`));
    out.push(
      listBlock(
        deps.map(
          (d) => `${d.name} ${d.packagedVersion ?? d.declaredVersion ?? "(version unknown)"}${d.depsFile ? "" : " \u2014 not in deps/"}`
        )
      )
    );
  }
  const findings = [...run3.verification?.errors ?? [], ...run3.verification?.warnings ?? []];
  if (findings.length) {
    out.push(fixed(`**Verification findings (${findings.length})**

`));
    out.push(listBlock(findings.map((f) => `${f.severity} ${f.code}: ${f.entry ? `${f.entry}: ` : ""}${f.message}`)));
  }
  if (run3.compileErrors.length) {
    out.push(fixed(`**Compile errors (${run3.compileErrors.length})**

`));
    out.push(
      listBlock(run3.compileErrors.map((c) => `${c.file ?? c.document}${c.line ? `:${c.line}` : ""}: ${c.message}`))
    );
  }
  if (run3.upgrade.length) {
    const rows = run3.upgrade.map(describeUpgrade);
    out.push(
      fixed(
        `**Upgrade**

| scenario | result | detail |
|---|---|---|
${rows.map(
          (u) => `| ${cell(u.name)} | ${u.ok === null ? "" : u.ok ? STATUS_ICON.passed : STATUS_ICON.failed} | ${cell(u.message)} |`
        ).join("\n")}

`
      )
    );
    out.push(detailsBlock("Upgrade details (JSON)", JSON.stringify(run3.upgrade, null, 2), "head"));
  }
  for (const s of run3.stages)
    if (s.status === "failed" && s.output)
      out.push(detailsBlock(`IRIS output of the ${s.stage} stage`, s.output, "tail"));
  return out;
}
function buildSummary(outcome, limit = SUMMARY_LIMIT_BYTES) {
  const first = outcome.runs.find((r) => r.module)?.module;
  const title = first ? `${first.name} ${first.version}` : "IPM database package";
  const blocks = [fixed(`## ${outcome.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(title)}

`)];
  const truncationNoteIndex = blocks.length;
  if (outcome.failure) {
    blocks.push(
      fixed(
        `> [!CAUTION]
> ${cell(outcome.failure.message)}${outcome.failure.hint ? `<br>${cell(outcome.failure.hint)}` : ""}

`
      )
    );
    if (outcome.failure.details) blocks.push(detailsBlock("Details", outcome.failure.details, "tail"));
  }
  for (const n of outcome.notices) blocks.push(fixed(`> [!NOTE]
> ${cell(n)}

`));
  if (outcome.runs.length) blocks.push(fixed(overviewTable(outcome.runs)));
  for (const run3 of outcome.runs) blocks.push(...runBlocks(run3));
  if (outcome.annotationOverflow.length) {
    blocks.push(fixed(`**More annotations (${outcome.annotationOverflow.length} not shown inline)**

`));
    blocks.push(listBlock(outcome.annotationOverflow));
  }
  if (outcome.artifacts.length) {
    blocks.push(
      fixed(
        `**Artifacts**

${outcome.artifacts.map((a) => `- \`${cell(a.name)}\` (${formatBytes(a.size)}, ${a.files.length} files)`).join("\n")}

`
      )
    );
  }
  blocks.push(fixed(`<sub>Total ${formatDuration(outcome.durationMs)}</sub>
`));
  const note = `> [!WARNING]
> Parts of this summary were shortened to stay under GitHub's 1 MiB job summary limit; the full output is in the artifacts.

`;
  const first_try = fit(blocks.map(cloneBlock), limit);
  if (!first_try.truncated) return first_try.text;
  blocks.splice(truncationNoteIndex, 0, fixed(note));
  return fit(blocks, limit).text;
}
function cloneBlock(b) {
  return { ...b };
}

// src/action/run.ts
var REPORT_FILE = "ipm-db-report.json";
function runLabel2(report) {
  return report.irisVersion ? `IRIS ${report.irisVersion}` : report.image;
}
function irisKey(image, report) {
  if (report?.irisVersion) return report.irisVersion;
  const tag = /:([^/:@]+)(?:@.*)?$/.exec(image)?.[1];
  return tag ?? basename(image);
}
function crashedReport(image, startedAt, err) {
  const message = redact(errorMessage(err));
  const details = err instanceof IpmDbError && err.details ? redact(err.details) : void 0;
  const stage = { stage: "start", status: "failed", durationMs: Date.now() - startedAt, message };
  if (details) stage.output = details;
  return {
    schema: "ipm-db/run-report@1",
    image,
    irisVersion: null,
    irisBuild: null,
    ipmVersion: null,
    module: null,
    ok: false,
    stages: [stage],
    archive: null,
    verification: null,
    compileErrors: [],
    junitPath: null,
    upgrade: [],
    published: null,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt
  };
}
function setPublishStage(report, result) {
  report.stages = report.stages.filter((s) => s.stage !== "publish");
  report.stages.push(result);
}
async function listFilesIn(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join2(dir, e.name);
    if (e.isDirectory()) out.push(...await listFilesIn(p));
    else out.push(p);
  }
  return out;
}
function withTimeout(work, signal, what) {
  return new Promise((resolve2, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(`${what} was cancelled`));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve2(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      }
    );
  });
}
async function run2(inputs, deps) {
  const started = Date.now();
  const { io } = deps;
  const notices = [];
  const runs = [];
  const logFiles = /* @__PURE__ */ new Map();
  let failure = null;
  io.saveState(STATE_RUN_ID, deps.runId);
  io.saveState(STATE_KEEP, String(inputs.keepContainer));
  const ledger = new ResourceLedger((n, v) => io.saveState(n, v));
  const tempRoot = deps.env.RUNNER_TEMP || join2(inputs.workspace, ".ipm-db");
  const outRoot = join2(tempRoot, "ipm-db", deps.runId);
  const notice2 = (m) => {
    notices.push(m);
    io.notice(m);
  };
  if (inputs.publishRefused) notice2(inputs.publishRefused);
  const total = new AbortController();
  const totalTimer = setTimeout(
    () => total.abort(
      new IpmDbError(
        "timeout",
        `The whole run exceeded the timeout input (${Math.round(inputs.timeouts.totalMs / 1e3)} s).`,
        {
          hint: "Raise the timeout input, or run fewer IRIS versions per job (a matrix)."
        }
      )
    ),
    inputs.timeouts.totalMs
  );
  const restoredImages = /* @__PURE__ */ new Set();
  try {
    await stat(join2(inputs.modulePath, "module.xml")).catch(() => {
      throw new UsageError(
        `input "module-path": no module.xml in ${relative2(inputs.workspace, inputs.modulePath) || "."}.`,
        "Point module-path at the folder holding module.xml, and run actions/checkout before this step."
      );
    });
    const from = inputs.upgrade?.from;
    if (from?.kind === "archive") {
      const path = from.path;
      await stat(path).catch(() => {
        throw new UsageError(
          `input "upgrade-from": ${relative2(inputs.workspace, path)} does not exist.`,
          "Give the path of a previous .tgz, a version or a registry reference."
        );
      });
    }
    const ipmInstallerFile = await io.group("IPM installer", async () => {
      const ipm = inputs.ipm;
      if (ipm.kind === "image") {
        io.info("No ipm-version or ipm-installer given: using the IPM already in the image.");
        return null;
      }
      const resolved = await resolveIpmInstaller(ipm, {
        workDir: join2(tempRoot, "ipm-db-downloads"),
        cache: actionsInstallerCache(deps.cache, join2(tempRoot, "ipm-db-cache"))
      });
      io.info(
        `IPM installer ${relative2(inputs.workspace, resolved.path)} (${resolved.origin}, sha256 ${resolved.sha256})`
      );
      return { path: resolved.path, sha256: resolved.sha256 };
    });
    for (const [index, image] of inputs.images.entries()) {
      if (total.signal.aborted) break;
      const outDir = join2(outRoot, sanitiseArtifactName(image));
      await mkdir(outDir, { recursive: true });
      const prefix = `[${irisKey(image)}] `;
      if (inputs.cacheImages && await restoreImage(image, join2(tempRoot, "ipm-db-images"), deps.cache, deps.docker, (m) => io.warning(m))) {
        restoredImages.add(image);
        io.info(`${prefix}image restored from the cache`);
      }
      const t0 = Date.now();
      let report;
      let files = [];
      try {
        const result = await withTimeout(
          deps.pipeline.runImage(
            {
              image,
              workspace: inputs.workspace,
              modulePath: inputs.modulePath,
              outDir,
              ipmInstaller: ipmInstallerFile,
              dev: inputs.dev,
              exportPythonDeps: inputs.exportPythonDeps,
              runTests: inputs.runTests,
              upgrade: inputs.upgrade,
              registry: {
                host: inputs.registry,
                namespace: inputs.namespace,
                username: inputs.username,
                token: inputs.token
              },
              timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
              keepContainer: inputs.keepContainer,
              runId: `${deps.runId}-${index + 1}`,
              onResource: (r) => ledger.record(r),
              signal: total.signal
            },
            coreLogger(io, prefix)
          ),
          total.signal,
          `the run on ${image}`
        );
        report = result.report;
        files = result.logFiles;
      } catch (err) {
        report = crashedReport(image, t0, err);
      }
      runs.push(report);
      logFiles.set(report, { outDir, files });
      if (!report.ok) io.info(`${prefix}failed: ${describeFirstFailure(report)}`);
    }
    const allOk = runs.length === inputs.images.length && runs.every((r) => r.ok);
    for (const report of runs) {
      if (!inputs.publish) {
        setPublishStage(report, {
          stage: "publish",
          status: "skipped",
          durationMs: 0,
          message: inputs.publishRefused ?? "publish is not true"
        });
        continue;
      }
      if (!allOk) {
        setPublishStage(report, {
          stage: "publish",
          status: "skipped",
          durationMs: 0,
          message: "not every IRIS version passed; nothing is published"
        });
        continue;
      }
      const t0 = Date.now();
      try {
        const { archive, verification } = report;
        if (!archive || !verification)
          throw new IpmDbError("publish", `${runLabel2(report)} produced no verified archive to publish.`);
        const published = await io.group(
          `[${irisKey(report.image, report)}] publish`,
          () => withTimeout(
            deps.publisher.publish(
              {
                archivePath: archive.path,
                verification,
                registry: inputs.registry,
                namespace: inputs.namespace,
                username: inputs.username,
                token: inputs.token,
                sourceUrl: inputs.sourceUrl,
                force: inputs.force,
                allowPrerelease: inputs.allowPrerelease,
                signal: total.signal
              },
              coreLogger(io, `[${irisKey(report.image, report)}] `)
            ),
            total.signal,
            "publishing"
          )
        );
        report.published = published;
        setPublishStage(report, {
          stage: "publish",
          status: "passed",
          durationMs: Date.now() - t0,
          message: `${published.reference}${published.unchanged ? " (unchanged)" : ""}`
        });
      } catch (err) {
        report.ok = false;
        const stage = {
          stage: "publish",
          status: "failed",
          durationMs: Date.now() - t0,
          message: redact(errorMessage(err))
        };
        if (err instanceof IpmDbError && err.details) stage.output = redact(err.details);
        setPublishStage(report, stage);
        if (err instanceof IpmDbError && err.hint) stage.message = `${stage.message} ${err.hint}`;
        break;
      }
    }
    const firstFailed = runs.find((r) => !r.ok);
    if (firstFailed) failure = failureOf(firstFailed);
    else if (runs.length < inputs.images.length && total.signal.reason) failure = failureFromError(total.signal.reason);
  } catch (err) {
    failure = failureFromError(err);
  } finally {
    clearTimeout(totalTimer);
  }
  const reportPath = join2(outRoot, REPORT_FILE);
  await mkdir(outRoot, { recursive: true }).catch(() => {
  });
  await writeJson(reportPath, runs);
  for (const [report, { outDir }] of logFiles) await writeJson(join2(outDir, REPORT_FILE), report);
  setOutputs(io, runs, reportPath);
  const plan = planAnnotations(runs, { workspace: inputs.workspace, modulePath: inputs.modulePath });
  for (const a of plan.annotations) io.annotate(a);
  const artifacts = [];
  if (inputs.uploadArtifacts !== "never") {
    if (!deps.uploader) {
      if (runs.some((r) => shouldUpload(inputs.uploadArtifacts, r.ok)))
        notice2("Artifact upload skipped: not running in GitHub Actions (no results service).");
    } else {
      await io.group("Upload artifacts", async () => {
        for (const [report, { outDir, files }] of logFiles) {
          if (!shouldUpload(inputs.uploadArtifacts, report.ok)) continue;
          const name = artifactName(inputs.artifactName, irisKey(report.image, report), deps.env, inputs.matrixKey);
          try {
            const toUpload = await collectRunFiles(report, outDir, files);
            const up = await uploadRunFiles(deps.uploader, name, toUpload, outDir);
            io.info(`Uploaded ${name} (${up.size} bytes, ${toUpload.length} files)`);
            artifacts.push(up);
          } catch (err) {
            io.warning(`Uploading artifact ${name} failed: ${redact(errorMessage(err))}`);
          }
        }
      });
    }
  }
  if (inputs.cacheImages) {
    for (const image of inputs.images)
      if (!restoredImages.has(image))
        await saveImage(image, join2(tempRoot, "ipm-db-images"), deps.cache, deps.docker, (m) => io.warning(m));
  }
  const outcome = {
    runs,
    ok: failure === null,
    failure,
    notices,
    annotationOverflow: plan.overflow,
    artifacts,
    durationMs: Date.now() - started
  };
  if (inputs.summary) {
    try {
      await io.writeSummary(buildSummary(outcome));
    } catch (err) {
      io.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }
  return outcome;
}
async function collectRunFiles(report, outDir, logFiles) {
  const files = /* @__PURE__ */ new Set([join2(outDir, REPORT_FILE)]);
  const wanted = [report.archive?.path, report.junitPath, ...report.ok ? [] : logFiles].filter(
    (p) => Boolean(p)
  );
  for (const p of wanted) {
    const rel = relative2(outDir, p);
    if (!rel.startsWith("..") && rel !== "") files.add(p);
    else {
      const copy = join2(outDir, basename(p));
      await copyFile(p, copy);
      files.add(copy);
    }
  }
  if (!report.ok) {
    for (const f of await listFilesIn(outDir)) if (/\.log$/i.test(f)) files.add(f);
  }
  const present = [];
  for (const f of files)
    if (await stat(f).then(
      (s) => s.isFile(),
      () => false
    ))
      present.push(f);
  return present;
}
async function writeJson(path, value) {
  await writeFile(path, redact(JSON.stringify(value, null, 2)) + "\n").catch(() => {
  });
}
function describeFirstFailure(report) {
  const s = report.stages.find((x) => x.status === "failed");
  return s ? `${s.stage}: ${s.message ?? "failed"}` : "failed";
}
function failureOf(report) {
  const s = report.stages.find((x) => x.status === "failed");
  return {
    message: `${runLabel2(report)}: ${s ? `the ${s.stage} stage failed: ${s.message ?? ""}` : "failed"}`.trim(),
    hint: null,
    details: null
  };
}
function failureFromError(err) {
  return {
    message: redact(errorMessage(err)),
    hint: err instanceof IpmDbError && err.hint ? redact(err.hint) : null,
    details: err instanceof IpmDbError && err.details ? redact(err.details) : null
  };
}
function outputsOf(runs, reportPath) {
  const first = runs.find((r) => r.archive);
  const mod = runs.find((r) => r.module)?.module;
  const published = runs.map((r) => r.published).filter((p) => p !== null);
  return {
    archive: first?.archive?.path ?? "",
    archives: JSON.stringify(runs.map((r) => r.archive?.path).filter(Boolean)),
    sha256: first?.archive?.sha256 ?? "",
    "iris-dat-sha256": first?.archive?.irisDatSha256 ?? "",
    "module-name": mod?.name ?? "",
    "module-version": mod?.version ?? "",
    "iris-versions": JSON.stringify(runs.map((r) => r.irisVersion).filter(Boolean)),
    "published-tags": JSON.stringify(published.map((p) => p.tag)),
    "published-references": JSON.stringify(published.map((p) => p.reference)),
    digests: JSON.stringify(published.map((p) => p.digest)),
    report: reportPath,
    result: JSON.stringify(
      runs.map((r) => ({
        image: r.image,
        irisVersion: r.irisVersion,
        ok: r.ok,
        stages: r.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          message: s.message ?? null
        }))
      }))
    )
  };
}
function setOutputs(io, runs, reportPath) {
  for (const [name, value] of Object.entries(outputsOf(runs, reportPath))) io.setOutput(name, redact(value));
}

// src/action/wiring.ts
import { mkdir as mkdir3, readdir as readdir3, writeFile as writeFile2 } from "node:fs/promises";
import { join as join9 } from "node:path";

// src/iris/container.ts
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join4 } from "node:path";

// src/iris/process.ts
import { accessSync, constants } from "node:fs";
import { delimiter, join as join3 } from "node:path";
var KILL_GRACE_SECONDS = 5;
function findOnPath(name, pathVar = process.env.PATH ?? "") {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join3(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return null;
}
function timeoutCommand() {
  const found = findOnPath("timeout") ?? findOnPath("gtimeout");
  if (!found)
    throw new IpmDbError("timeout-command-missing", 'The "timeout" command (GNU coreutils) was not found on PATH.', {
      hint: "Every docker call runs under a time limit. Install coreutils (macOS: brew install coreutils)."
    });
  return found;
}
function timeoutArgs(timeoutMs, command, args) {
  const seconds2 = Math.max(0.1, timeoutMs / 1e3);
  return ["-k", `${KILL_GRACE_SECONDS}s`, `${seconds2.toFixed(1)}s`, command, ...args];
}
var actionsExecRunner = {
  async run(command, args, options) {
    const started = Date.now();
    const env = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== void 0) env[k] = v;
    Object.assign(env, options.env ?? {});
    const result = await getExecOutput(timeoutCommand(), timeoutArgs(options.timeoutMs, command, args), {
      silent: true,
      ignoreReturnCode: true,
      env,
      delay: 2e3,
      ...options.input === void 0 ? { input: Buffer.alloc(0) } : { input: typeof options.input === "string" ? Buffer.from(options.input, "utf8") : options.input }
    });
    const durationMs = Date.now() - started;
    const timedOut = (result.exitCode === 124 || result.exitCode === 137) && durationMs >= options.timeoutMs - 50;
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, timedOut, durationMs };
  }
};

// src/iris/docker.ts
var Docker = class {
  host;
  binary;
  runner;
  defaultTimeoutMs;
  constructor(options = {}) {
    this.host = options.host;
    this.binary = options.binary ?? "docker";
    this.runner = options.runner ?? actionsExecRunner;
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
        `${what}: docker did not answer within ${seconds(options.timeoutMs ?? this.defaultTimeoutMs)}.`,
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
function seconds(ms) {
  return `${Math.round(ms / 100) / 10} s`;
}

// src/iris/objectscript.ts
var RESULT_PREFIX = "##IPMDB ";
var STEP_KEY = "step";
var DONE_KEY = "done";
var RESERVED_KEYS = /* @__PURE__ */ new Set([STEP_KEY, DONE_KEY]);
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
    case "initializeNamespace": {
      const postfix = quote(validate("namespace postfix", op.postfix));
      const out = validate("variable", op.resultVariable);
      const cfg = validate("variable", op.configVariable);
      return `set sc=##class(%IPM.Utils.Build).InitializeNamespace(${postfix},1,.${out},${cfg}) ${FAIL}`;
    }
    case "ipm":
      return `set sc=##class(%IPM.Main).Shell(${quote(renderIpmCommand(op.command))}) ${FAIL}`;
  }
}
function checkKey(key) {
  validate("result key", key);
  return key;
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
    case "initializeNamespace":
      return `create namespace -${op.postfix}`;
    case "ipm":
      return `zpm "${renderIpmCommand(op.command)}"`;
  }
}
function renderScript(operations) {
  const lines = [];
  operations.forEach((op, i) => {
    if (op.kind === "emit" && RESERVED_KEYS.has(op.key))
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
function marker(key, value) {
  return `write ${quote(`${RESULT_PREFIX}${key}=`)},${quote(value)},!`;
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
  const values = /* @__PURE__ */ new Map();
  let lastStep = 0;
  let completed = false;
  const text = [];
  const objectScriptErrors = [];
  for (const rawLine of raw.split("\n")) {
    const line = stripPrompt(rawLine);
    const m = RESULT.exec(line);
    if (m) {
      const [, key, value] = m;
      if (key === STEP_KEY) lastStep = Number.parseInt(value, 10) || lastStep;
      else if (key === DONE_KEY) completed = true;
      else values.set(key, value);
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values, lastStep, completed, text: trimBlankLines(text).join("\n"), objectScriptErrors };
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

// src/iris/container.ts
var RUN_LABEL = "ipm-db.run";
var WORK_DIR = "/tmp/ipm-db";
var WAIT_READY_SCRIPTS = [
  "/usr/irissys/dev/Cloud/ICM/waitReady.sh",
  "/usr/irissys/dev/Container/waitReady.sh"
];
var DEFAULT_MESSAGES_LOG = "/usr/irissys/mgr/messages.log";
var DURABLE_TARGET = "/durable";
function newRunId() {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}
function imageTag(image) {
  const withoutDigest = image.split("@")[0] ?? "";
  const lastSlash = withoutDigest.lastIndexOf("/");
  const last = withoutDigest.slice(lastSlash + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? "" : last.slice(colon + 1);
}
function needsCheckCapsFalse(image) {
  return /^(2021\.|2022\.1($|[.-]))/.test(imageTag(image));
}
function containerNameFor(runId) {
  return validate("container name", `ipm-db-${validate("label value", runId)}`);
}
function buildRunArgs(spec, name, durableVolume) {
  validate("image", spec.image);
  const args = ["run", "-d", "--name", name, "--label", `${RUN_LABEL}=${validate("label value", spec.runId)}`];
  args.push(`--network=${validate("label value", spec.network ?? "host")}`);
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
  if (durableVolume) {
    args.push("--mount", `type=volume,source=${durableVolume},target=${DURABLE_TARGET}`);
    args.push("-e", `ISC_DATA_DIRECTORY=${DURABLE_TARGET}/iris`);
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
async function startIris(docker, spec, options) {
  const name = containerNameFor(spec.runId);
  let durableVolume = null;
  const volumes = [];
  try {
    if (spec.durable) {
      durableVolume = `${name}-durable`;
      await docker.check("docker-volume-failed", "docker volume create", [
        "volume",
        "create",
        "--label",
        `${RUN_LABEL}=${spec.runId}`,
        durableVolume
      ]);
      volumes.push(durableVolume);
    }
    const args = buildRunArgs(spec, name, durableVolume);
    options.logger.debug(`docker ${args.join(" ")}`);
    await docker.check("iris-start-failed", `Starting ${spec.image}`, args, {
      timeoutMs: options.runTimeoutMs ?? 6e5
    });
  } catch (err) {
    await removeRun(docker, spec.runId).catch(() => {
    });
    throw err;
  }
  const container = new IrisContainer(
    docker,
    name,
    spec.runId,
    volumes,
    durableVolume ? `${DURABLE_TARGET}/iris/mgr/messages.log` : DEFAULT_MESSAGES_LOG
  );
  try {
    await container.waitReady(options);
  } catch (err) {
    await container.remove().catch(() => {
    });
    throw err;
  }
  return container;
}
var IrisContainer = class {
  constructor(docker, name, runId, volumes, messagesLogPath) {
    this.docker = docker;
    this.name = name;
    this.runId = runId;
    this.volumes = volumes;
    this.messagesLogPath = messagesLogPath;
  }
  docker;
  name;
  runId;
  volumes;
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
    const empty = await mkdtemp(join4(tmpdir(), "ipm-db-dir-"));
    try {
      await chmod(empty, 511);
      await this.docker.check("container-file-failed", `Creating ${path} in the container`, [
        "cp",
        `${empty}/.`,
        `${this.name}:${path}`
      ]);
    } finally {
      await rm(empty, { recursive: true, force: true });
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
  async copyOut(containerPath, hostPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    await this.docker.check(
      "container-copy-failed",
      `Copying ${containerPath} out of the container`,
      ["cp", `${this.name}:${containerPath}`, hostPath],
      { timeoutMs }
    );
  }
  /** A text file's content, copied out with `docker cp` (works on images without cat). */
  async readFile(path) {
    const dir = await mkdtemp(join4(tmpdir(), "ipm-db-read-"));
    try {
      const file = join4(dir, "file");
      await this.copyOut(path, file, 6e4);
      return await readFile(file, "utf8");
    } finally {
      await rm(dir, { recursive: true, force: true });
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
    for (let attempt2 = 1; Date.now() < deadline && attempt2 <= 1e4; attempt2++) {
      const state = await this.isRunning();
      if (!state.running) {
        throw new IpmDbError(
          "iris-exited",
          `The IRIS container ${this.name} stopped before it was ready (exit ${state.exitCode ?? "unknown"}).`,
          {
            hint: 'Read the container log below; for 2021.* / 2022.1.* images "--check-caps false" is passed automatically.',
            details: await this.diagnostics()
          }
        );
      }
      const remaining = Math.max(1e3, deadline - Date.now());
      let probe = null;
      while (scripts.length > 0) {
        const script = scripts[0];
        probe = await this.exec([script], { timeoutMs: Math.min(remaining, 12e4) });
        if (isMissingExecutable(probe)) {
          scripts = scripts.slice(1);
          probe = null;
          continue;
        }
        break;
      }
      if (!probe)
        probe = await this.exec(["iris", "session", "IRIS"], {
          input: "halt\n",
          timeoutMs: Math.min(remaining, 6e4)
        });
      if (probe.exitCode === 0 && !probe.timedOut) {
        options.logger.debug(`IRIS ready after ${attempt2} probe(s)`);
        return;
      }
      lastProblem = firstLine(redact(`${probe.stderr}
${probe.stdout}`)) || `exit ${probe.exitCode}`;
      if (Date.now() + interval >= deadline) break;
      await sleep(interval);
    }
    throw new IpmDbError(
      "iris-not-ready",
      `IRIS in container ${this.name} was not ready within ${seconds(limit)} (last probe: ${lastProblem || "none"}).`,
      {
        hint: "Raise the readiness timeout, or read the container log and messages.log below for why IRIS did not start.",
        details: await this.diagnostics()
      }
    );
  }
  /** Stops and removes the container and the volumes this run created. */
  async remove() {
    await removeRun(this.docker, this.runId);
  }
};
function isMissingExecutable(r) {
  return (r.exitCode === 126 || r.exitCode === 127) && /no such file|not found|executable file not found/i.test(r.stderr);
}
function sleep(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
async function removeRun(docker, runId) {
  validate("label value", runId);
  const filter = `label=${RUN_LABEL}=${runId}`;
  const removed = await removeListed(docker, "containers", ["ps", "-aq", "--filter", filter], ["rm", "-f", "-v"]);
  removed.push(
    ...await removeListed(docker, "volumes", ["volume", "ls", "-q", "--filter", filter], ["volume", "rm", "-f"])
  );
  return removed;
}
async function removeListed(docker, what, listArgs, removeArgs) {
  const listed = await docker.check("docker-cleanup-failed", `Listing ${what}`, listArgs, { timeoutMs: 3e4 });
  const ids = listed.stdout.split("\n").map((s) => s.trim()).filter(Boolean);
  if (ids.length > 0)
    await docker.check("docker-cleanup-failed", `Removing ${what}`, [...removeArgs, ...ids], { timeoutMs: 12e4 });
  return ids;
}

// src/ipm/operations.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { basename as basename2, join as join6 } from "node:path";

// src/ipm/compile-errors.ts
import { readdir as readdir2, readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { join as join5, relative as relative3, sep as sep2 } from "node:path";
var LOCATED = /^(?:ERROR!\s+)?(?:>\s*)?ERROR:\s+(%?[A-Za-z][\w.%]*\.(?:cls|mac|inc|int))\((?:([%\w]+))?(?:\+(\d+))?\)\s*(?:#\d+:)?\s*(.*)$/;
var STATUS = /^(?:ERROR!\s+)?(?:>\s*)?ERROR #(\d+):\s*(.*)$/;
var TEXT = /^\s*TEXT:\s?(.*)$/;
var SUMMARY_CODES = /* @__PURE__ */ new Set(["5475", "5030"]);
function parseCompileErrors(output) {
  const lines = output.split("\n");
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (e) => {
    const key = `${e.document}|${e.label}|${e.offset}|${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
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
      const full = join5(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info2 = await stat2(full);
        if (info2.size <= 2e6)
          tree.set(relative3(moduleDir, full).split(sep2).join("/"), await readFile2(full, "utf8"));
      }
    }
  };
  await walk(moduleDir);
  return tree;
}

// src/iris/session.ts
var DEFAULT_SESSION_TIMEOUT_MS = 6e5;
function sessionArgs(namespace) {
  return ["iris", "session", "IRIS", "-U", validateNamespace(namespace)];
}
var IrisSessionRunner = class {
  constructor(container) {
    this.container = container;
  }
  container;
  async run(request) {
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
    const output = parseSessionOutput(redact(result.stdout));
    const stderr = redact(result.stderr.trim());
    const failure = judge(result.exitCode, result.timedOut, output, request.operations, stderr);
    if (failure) throw sessionError(failure, request, namespace, timeoutMs);
    return { ...output, exitCode: result.exitCode, durationMs: result.durationMs };
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
  const step = failure.output.lastStep > 0 ? ` (step ${failure.output.lastStep} of ${request.operations.length})` : "";
  switch (failure.reason) {
    case "timeout":
      return new IpmDbError(
        "session-timeout",
        `IRIS session in ${namespace} was stopped after ${seconds(timeoutMs)} while running ${failure.running}${step}.`,
        {
          hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
          details
        }
      );
    case "exit-status":
      return new IpmDbError(
        "session-failed",
        `IRIS session in ${namespace} failed (exit ${failure.exitCode}) while running ${failure.running}${step}: ${lastErrorLine(failure.output.text) ?? "no error text"}`,
        {
          details
        }
      );
    case "objectscript-error":
      return new IpmDbError(
        "objectscript-error",
        `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}${step} in ${namespace}.`,
        {
          details
        }
      );
    case "ended-early":
      return new IpmDbError(
        "session-ended-early",
        `IRIS session in ${namespace} ended before the end of its script, while running ${failure.running}${step}.`,
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

// src/ipm/output.ts
function parsePackageOutput(text) {
  const lines = text.split("\n");
  let checksum = null;
  let archivePath = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const c = /^\s*Checksum:\s*([0-9a-fA-F]{64})\s*$/.exec(line);
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
function parseListOutput(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s+v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?:\s+(.*))?$/.exec(
      line
    );
    if (m) out.push({ name: m[1], version: m[2], extra: (m[3] ?? "").trim() });
  }
  return out;
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
  { code: "only-database-package", pattern: /is only available as a database package/i, hint: "Re-run with -swap-db." }
];
function ipmErrorText(text) {
  return lastErrorLine(text);
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
      `${failure.running} did not finish${timeoutMs ? ` within ${seconds(timeoutMs)}` : ""}; the session was stopped.`,
      {
        hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
        details
      }
    );
  const error2 = ipmErrorText(text);
  const known = classifyIpmMessage(error2 ?? text);
  if (failure.reason === "ended-early" && !error2)
    return new IpmDbError("session-ended-early", `The IRIS session ended before ${failure.running} finished.`, {
      hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
      details
    });
  if (failure.reason === "objectscript-error" && !error2)
    return new IpmDbError(
      "objectscript-error",
      `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}.`,
      { details }
    );
  const message = error2 ? `${failure.running} failed: ${error2}` : `${failure.running} failed (exit ${failure.exitCode}) without an error message.`;
  return new IpmDbError(known?.code ?? fallbackCode, message, { ...known ? { hint: known.hint } : {}, details });
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
    await this.target.files.copyIn(moduleDir, dir);
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
  async packageDatabase(namespace, moduleName, hostOutDir, options = {}) {
    validate("module name", moduleName);
    const out = await this.workDir("out");
    await this.target.files.mkdir(out);
    const modifiers = [["-path", out]];
    if (options.dev) modifiers.push(["-dev"]);
    if (options.exportPythonDeps === false) modifiers.push(["-no-export-python-deps"]);
    modifiers.push(...this.verboseFlag());
    const result = await this.ipm(
      namespace,
      [{ words: ["package-database", moduleName], modifiers }],
      this.timeouts.packageMs,
      "package-failed"
    );
    const parsed = parsePackageOutput(result.text);
    if (!parsed.archivePath)
      throw new IpmDbError(
        "package-output-unrecognised",
        `package-database ${moduleName} succeeded but did not print "Database package generated:" with the archive path.`,
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
    const fileName = basename2(containerPath);
    await mkdir2(hostOutDir, { recursive: true });
    const hostPath = join6(hostOutDir, fileName);
    await this.target.files.copyOut(containerPath, hostPath);
    return { hostPath, containerPath, fileName, checksum: parsed.checksum, output: result.text };
  }
  async copyPackageIn(hostTgz) {
    const fileName = basename2(hostTgz);
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*\.tgz$/.test(fileName))
      throw new IpmDbError(
        "unsafe-value",
        `Refusing package file name ${JSON.stringify(fileName)}: use letters, digits, ".", "_", "+", "-" and end in .tgz.`
      );
    const dir = await this.workDir("pkg");
    await this.target.files.mkdir(dir);
    const containerPath = `${dir}/${fileName}`;
    await this.target.files.copyIn(hostTgz, containerPath);
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
  async updateModule(namespace, moduleName, hostTgz) {
    validate("module name", moduleName);
    const tgz = await this.copyPackageIn(hostTgz);
    const result = await this.ipm(
      namespace,
      [{ words: ["update", moduleName], modifiers: [["-path", tgz], ["-swap-db"], ...this.verboseFlag()] }],
      this.timeouts.installMs,
      "update-failed"
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }
  async list(namespace) {
    const result = await this.ipm(
      namespace,
      [{ words: ["list"], modifiers: [] }],
      this.timeouts.shortMs,
      "list-failed"
    );
    return parseListOutput(result.text);
  }
  async uninstall(namespace, moduleName) {
    validate("module name", moduleName);
    const result = await this.ipm(
      namespace,
      [{ words: ["uninstall", moduleName], modifiers: [] }],
      this.timeouts.shortMs,
      "uninstall-failed"
    );
    return result.text;
  }
  /** `test <m> -only -output-file <xml>`; the JUnit file is copied out even when tests fail. */
  async test(namespace, moduleName, hostOutDir) {
    validate("module name", moduleName);
    const out = await this.workDir("test");
    await this.target.files.mkdir(out);
    const junit = `${out}/junit-${moduleName.toLowerCase()}.xml`;
    await mkdir2(hostOutDir, { recursive: true });
    const hostJunit = join6(hostOutDir, `junit-${moduleName.toLowerCase()}.xml`);
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
        [{ words: ["test", moduleName], modifiers: [["-only"], ["-output-file", junit]] }],
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
  async query(namespace, values, secretEnv) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: values.map((v) => ({ kind: "emit", key: v.key, expression: v.expression })),
      timeoutMs: this.timeouts.shortMs,
      ...secretEnv ? { secretEnv } : {}
    });
    return result.values;
  }
};

// src/pipeline/stages.ts
import { createHash as createHash2 } from "node:crypto";
import { readFile as readFile4, stat as stat3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename as basename4, join as join8 } from "node:path";

// src/ipm/bootstrap.ts
import { basename as basename3 } from "node:path";
var CONFIGURE_IPM = [
  { words: ["config", "set", "ColorScheme", "none"], modifiers: [] },
  { words: ["config", "set", "analytics", "0"], modifiers: [] }
];
function parseIrisVersion(values) {
  const zversion = values.get("zversion") ?? "";
  const major = Number(values.get("major"));
  const minor = Number(values.get("minor"));
  if (!Number.isInteger(major) || !Number.isInteger(minor) || major <= 0)
    throw new IpmDbError(
      "iris-version-unknown",
      `Could not read the IRIS version (got major "${values.get("major") ?? ""}", minor "${values.get("minor") ?? ""}").`,
      {
        details: zversion
      }
    );
  const build = /\(Build ([^)]+)\)/.exec(zversion);
  return {
    zversion,
    major,
    minor,
    number: values.get("number") ?? "",
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
    const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$/.test(basename3(options.installer.path)) ? basename3(options.installer.path) : "ipm-installer.xml";
    const dir = `${WORK_DIR}/ipm`;
    await target.files.mkdir(dir);
    await target.files.copyIn(options.installer.path, `${dir}/${fileName}`);
    options.logger.info(
      `Installing IPM from ${options.installer.url ?? options.installer.path} (sha256 ${options.installer.sha256}) into ${home}`
    );
    await ipmSession(
      target,
      home,
      [{ kind: "loadXml", path: `${dir}/${fileName}` }],
      options.installTimeoutMs ?? 9e5,
      "ipm-install-failed"
    );
  } else if (!hasIpm) {
    throw new IpmDbError("ipm-missing", `The image has no IPM in ${home} and no IPM installer was given.`, {
      hint: "Pass --ipm <version> --ipm-sha256 <hex> or --ipm <path to zpm-<version>.xml> (action inputs ipm-version / ipm-installer)."
    });
  }
  const ipm = await readIpm(target, home);
  if (!ipm.version)
    throw new IpmDbError("ipm-missing", `IPM is not usable in ${home} after installation (no zpm module found).`, {
      hint: "Check that the installer is an IPM release installer (zpm-<version>.xml)."
    });
  if (!ipm.databasePackaging)
    throw new IpmDbError(
      "ipm-lacks-database-packaging",
      `IPM ${ipm.version} in ${home} has no database packaging (%IPM.Lifecycle.Database does not exist), so package-database cannot run.`,
      {
        hint: "Install an IPM build with database packaging: --ipm <version after 0.10.9> or an installer built from the db-packaging branch."
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

// src/ipm/manifest.ts
var import_saxes = __toESM(require_saxes(), 1);
import { readFile as readFile3 } from "node:fs/promises";
import { join as join7 } from "node:path";
function parseModuleIdentity(xml, where = "module.xml") {
  const parser = new import_saxes.SaxesParser({ xmlns: false });
  const stack = [];
  const found = { Name: null, Version: null };
  let text = "";
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    text = "";
  });
  parser.on("text", (t) => text += t);
  parser.on("cdata", (t) => text += t);
  parser.on("closetag", (tag) => {
    const path = stack.join("/");
    if ((tag.name === "Name" || tag.name === "Version") && path === `Export/Document/Module/${tag.name}` && found[tag.name] === null)
      found[tag.name] = text.trim();
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new IpmDbError("module-xml-invalid", `${where} is not well-formed XML: ${err.message}`, {
      cause: err
    });
  }
  if (!found.Name || !found.Version)
    throw new IpmDbError(
      "module-xml-invalid",
      `${where} has no /Export/Document/Module/${found.Name ? "Version" : "Name"}.`,
      {
        hint: "The module directory must hold an IPM module.xml."
      }
    );
  if (!isValid("module name", found.Name))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: module name "${found.Name}" is not a valid IPM module name (letters, digits, ".", "-", "_").`
    );
  if (!isValid("module version", found.Version))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: version "${found.Version}" is not a semantic version (e.g. 1.2.3).`
    );
  return { name: found.Name, version: found.Version };
}
async function readModuleIdentity(moduleDir) {
  const file = join7(moduleDir, "module.xml");
  const xml = await readFile3(file, "utf8").catch((err) => {
    throw new IpmDbError("module-xml-missing", `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point --module at the directory that holds the module's module.xml."
    });
  });
  return parseModuleIdentity(xml, file);
}

// src/ipm/namespaces.ts
function namespaceName(homeNamespace, postfix) {
  const home = validateNamespace(homeNamespace);
  return validateNamespace(`${home === "%SYS" ? "USER" : home}-${validate("namespace postfix", postfix)}`);
}
function createNamespaceOperations(options) {
  const name = namespaceName(options.homeNamespace, options.postfix);
  const ops = [{ kind: "set", variable: "cfg", expression: { kind: "newNamespaceConfig" } }];
  if (options.enableEnsemble)
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
    const container = await startIris(
      ctx.docker,
      {
        image: o.image,
        runId: ctx.runId,
        ...o.network ? { network: o.network } : {},
        ...o.extraDockerArgs ? { extraDockerArgs: o.extraDockerArgs } : {},
        ...o.mounts ? { mounts: o.mounts } : {},
        ...o.env ? { env: o.env } : {}
      },
      {
        logger: ctx.logger,
        ...o.timeouts?.startMs ? { runTimeoutMs: o.timeouts.startMs } : {},
        ...o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}
      }
    );
    ctx.container = container;
    ctx.target = { sessions: new IrisSessionRunner(container), files: container };
    ctx.ops = new IpmOperations(ctx.target, {
      ...o.timeouts ? { timeouts: o.timeouts } : {},
      verbose: o.verbose ?? false
    });
    return `${o.image} running as ${container.name} (module ${ctx.module.name} ${ctx.module.version})`;
  }
};
var ipmStage = {
  name: "ipm",
  async run(ctx) {
    const o = ctx.options;
    const installer = o.installer ? await resolveInstaller(o.installer, {
      workDir: join8(tmpdir2(), "ipm-db-installers"),
      ...o.installerCache ? { cache: o.installerCache } : {}
    }) : null;
    const setup = await bootstrapIpm(need(ctx.target, "the container"), {
      installer,
      logger: ctx.logger,
      ...o.ipmNamespace ? { homeNamespace: o.ipmNamespace } : {},
      ...o.timeouts?.ipmInstallMs ? { installTimeoutMs: o.timeouts.ipmInstallMs } : {}
    });
    ctx.setup = setup;
    ctx.report.irisVersion = setup.iris.majorMinor;
    ctx.report.irisBuild = setup.iris.build;
    ctx.report.ipmVersion = setup.ipmVersion;
    return `IRIS ${setup.iris.number || setup.iris.majorMinor}, IPM ${setup.ipmVersion}${installer ? ` (installed from ${installer.origin})` : " (from the image)"}`;
  }
};
var loadStage = {
  name: "load",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const setup = need(ctx.setup, "IPM");
    ctx.packagingNamespace = await createNamespace(need(ctx.target, "the container"), {
      homeNamespace: setup.homeNamespace,
      postfix: ctx.nextPostfix("PKG"),
      enableEnsemble: ctx.options.enableEnsemble ?? false
    });
    await ops.loadModule(ctx.packagingNamespace, ctx.options.moduleDir, { dev: ctx.options.dev ?? false });
    return `loaded and compiled in ${ctx.packagingNamespace}`;
  }
};
var packageStage = {
  name: "package",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const module = need(ctx.module, "the module");
    const archive = await ops.packageDatabase(
      need(ctx.packagingNamespace, "the packaging namespace"),
      module.name,
      ctx.options.outDir,
      {
        dev: ctx.options.dev ?? false
      }
    );
    ctx.archive = archive;
    const bytes = await readFile4(archive.hostPath);
    ctx.report.archive = {
      path: archive.hostPath,
      fileName: archive.fileName,
      size: (await stat3(archive.hostPath)).size,
      sha256: createHash2("sha256").update(bytes).digest("hex"),
      irisDatSha256: archive.checksum
    };
    return `${archive.fileName} (${bytes.length} bytes, IRIS.DAT sha256 ${archive.checksum ?? "not printed"})`;
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
    if (ctx.report.archive && report.irisDat) ctx.report.archive.irisDatSha256 = report.irisDat.sha256;
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
    ctx.installNamespace = await createNamespace(need(ctx.target, "the container"), {
      homeNamespace: setup.homeNamespace,
      postfix: ctx.nextPostfix("INST"),
      enableEnsemble: ctx.options.enableEnsemble ?? false
    });
    const swap = await ops.loadPackage(ctx.installNamespace, archive.hostPath);
    const listed = await ops.list(ctx.installNamespace);
    const entry = listed.find((m) => m.name.toLowerCase() === module.name.toLowerCase());
    if (!entry)
      throw new IpmDbError(
        "install-not-listed",
        `${module.name} is not listed by "list" in ${ctx.installNamespace} after installing ${basename4(archive.hostPath)}.`,
        {
          details: swap.output
        }
      );
    if (entry.version !== module.version)
      throw new IpmDbError(
        "install-wrong-version",
        `${ctx.installNamespace} lists ${module.name} ${entry.version} after installing ${module.version}.`
      );
    return `${module.name} ${entry.version} installed in ${ctx.installNamespace}${swap.backupPath ? ` (backup ${swap.backupPath})` : ""}`;
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
    if (!ctx.options.dev)
      throw new IpmDbError(
        "tests-need-dev",
        "Module tests run against the installed package, which holds test classes only when packaged with -dev.",
        {
          hint: "Pass --dev together with --tests."
        }
      );
    const run3 = await ops.test(need(ctx.installNamespace, "the install namespace"), module.name, ctx.options.outDir);
    ctx.report.junitPath = run3.junitPath;
    if (!run3.passed)
      throw new IpmDbError("tests-failed", run3.error ?? `The tests of ${module.name} failed.`, { details: run3.output });
    return `tests passed${run3.junitPath ? `; JUnit at ${run3.junitPath}` : ""}`;
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
function failedResult(stage, err, durationMs) {
  const message = redact(errorMessage(err)) + (err instanceof IpmDbError && err.hint ? ` (${redact(err.hint)})` : "");
  const output = err instanceof IpmDbError && err.details ? redact(err.details) : void 0;
  return { stage: stage.name, status: "failed", durationMs, message, ...output ? { output } : {} };
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
        report.stages.push({ stage: stage.name, status: "skipped", durationMs: 0, message: "an earlier stage failed" });
        continue;
      }
      const skip = stage.skip?.(ctx) ?? null;
      if (skip !== null) {
        report.stages.push({ stage: stage.name, status: "skipped", durationMs: 0, message: skip });
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
          `${stage.name}: passed in ${formatMs(result.durationMs)}${result.message ? ` - ${result.message}` : ""}`
        );
      } catch (err) {
        failed = true;
        result = failedResult(stage, err, Date.now() - t0);
        if (err instanceof CompileFailedError) {
          report.compileErrors = err.compileErrors;
          for (const e of err.compileErrors)
            options.logger.error(e.message, {
              ...e.file ? { file: e.file } : {},
              ...e.line ? { line: e.line } : {},
              title: `Compile error in ${e.document}`
            });
        }
        options.logger.error(`${stage.name}: failed after ${formatMs(result.durationMs)} - ${result.message}`);
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
function formatMs(ms) {
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}

// src/action/wiring.ts
function pipelinePort(wiring = {}) {
  return {
    async runImage(o, logger) {
      if (o.upgrade)
        throw new Error("Upgrade testing is not available in this build of the action; remove the upgrade inputs.");
      const record = {
        // The name is recorded before docker creates it, so a crash in between still leaves it findable.
        beforeStage: (stage, ctx) => {
          if (stage === "start") o.onResource({ kind: "container", name: containerNameFor(ctx.runId) });
        },
        afterStage: async (result, ctx) => {
          const container = ctx.container;
          if (container) {
            o.onResource({ kind: "container", name: container.name });
            for (const volume of container.volumes) o.onResource({ kind: "volume", name: volume });
          }
          if (result.status === "failed") await saveFailureLogs(o.outDir, result, container);
        }
      };
      const report = await runPipeline({
        image: o.image,
        moduleDir: o.modulePath,
        outDir: o.outDir,
        installer: o.ipmInstaller ? { kind: "path", path: o.ipmInstaller.path, sha256: o.ipmInstaller.sha256 } : null,
        dev: o.dev,
        runTests: o.runTests,
        keepContainer: o.keepContainer,
        runId: o.runId,
        logger,
        verifyArchive: (path, expected) => verifyArchive(path, expected),
        hooks: [record],
        ...wiring.runner ? { docker: { runner: wiring.runner } } : {},
        timeouts: {
          readyMs: o.timeouts.startupMs,
          ipmInstallMs: o.timeouts.commandMs,
          loadMs: o.timeouts.commandMs,
          packageMs: o.timeouts.commandMs,
          installMs: o.timeouts.commandMs,
          testMs: o.timeouts.commandMs
        }
      });
      const logFiles = (await readdir3(o.outDir).catch(() => [])).filter((f) => /\.log$/i.test(f)).map((f) => join9(o.outDir, f));
      return { report, logFiles };
    }
  };
}
async function saveFailureLogs(outDir, result, container) {
  await mkdir3(outDir, { recursive: true }).catch(() => {
  });
  if (result.output) await writeFile2(join9(outDir, `${result.stage}-output.log`), redact(result.output)).catch(() => {
  });
  if (!container) return;
  const logs = await container.docker.call(["logs", container.name], { timeoutMs: 3e4 }).catch(() => null);
  if (logs) await writeFile2(join9(outDir, "container.log"), redact(`${logs.stdout}${logs.stderr}`)).catch(() => {
  });
  await container.copyOut(container.messagesLogPath, join9(outDir, "messages.log"), 6e4).catch(() => {
  });
}
function publishPort(wiring = {}) {
  return {
    async publish(r, logger) {
      const published = await publishPackage({
        archivePath: r.archivePath,
        report: r.verification,
        registry: r.registry,
        namespace: r.namespace,
        ...r.sourceUrl ? { source: r.sourceUrl } : {},
        force: r.force,
        allowPrerelease: r.allowPrerelease,
        plainHttp: wiring.plainHttp ?? false,
        ...r.token ? { credentials: { username: r.username || "token", password: r.token } } : {},
        logger
      });
      return {
        reference: published.reference,
        tag: published.tag,
        digest: published.digest,
        unchanged: published.unchanged
      };
    }
  };
}

// src/index.ts
async function main() {
  const inputs = parseInputs({
    get: (name) => getInput(name),
    env: process.env,
    event: readEvent(process.env),
    setSecret: (value) => setSecret(value)
  });
  const io = actionsCore();
  const outcome = await run2(inputs, {
    io,
    pipeline: pipelinePort(),
    publisher: publishPort({ plainHttp: inputs.registryPlainHttp }),
    uploader: artifactServiceAvailable(process.env) ? defaultUploader() : null,
    cache: actionsCacheStore((m) => io.warning(m)),
    docker: dockerCli,
    env: process.env,
    runId: `${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes2(4).toString("hex")}`
  });
  if (outcome.failure) {
    const { message, hint } = outcome.failure;
    setFailed(hint ? `${message}
${hint}` : message);
  }
}
main().catch((err) => setFailed(redact(describeError(err)))).finally(() => setTimeout(() => process.exit(), 1e3).unref());
