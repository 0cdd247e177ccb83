import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  readModuleManifest,
  verifyArchive
} from "./chunk-645TJBQ5.js";
import {
  pullPackage
} from "./chunk-P5ZQFGKP.js";
import {
  ipmDatabaseTag,
  ipmRepositoryPath,
  parseDatabaseTag
} from "./chunk-XKFX33XW.js";
import {
  RegistryClient,
  accessForHost,
  cliLogger,
  cliRegistryAccess,
  consoleLogger
} from "./chunk-6Q332AMG.js";
import "./chunk-PV5AJG7C.js";
import {
  EXIT,
  redact,
  registerSecret
} from "./chunk-KHG3NGCP.js";
import {
  DIGEST_SOURCE,
  IMAGE_REFERENCE,
  MODULE_NAME,
  SEMVER,
  SHA256_HEX_SOURCE,
  TAG_SOURCE,
  imageTag,
  isModuleName,
  isPlainVersion,
  isSemver,
  isSha256Hex,
  parseReference
} from "./chunk-MWJ6OVDP.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  errorMessage
} from "./chunk-3IXPJEFV.js";

// src/cli/commands/run.ts
import { mkdir as mkdir3, writeFile as writeFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join11, resolve as resolve3 } from "node:path";
import { parseArgs } from "node:util";

// src/ipm/installer.ts
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var KNOWN_INSTALLER_SHA256 = {};
var IPM_RELEASE_URL = "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml";
function installerUrl(version2, releaseUrl = IPM_RELEASE_URL) {
  return releaseUrl.replaceAll("{version}", version2);
}
async function parseInstallerSpec(spec, sha256, cwd) {
  if (sha256 !== void 0 && !isSha256Hex(sha256))
    throw new UsageError(`--ipm-sha256 must be 64 hexadecimal digits, got "${sha256}".`);
  const version2 = spec.replace(/^v/, "");
  const looksLikePath = spec.endsWith(".xml") || spec.includes("/") || spec.includes("\\");
  if (!looksLikePath && isSemver(version2)) {
    return { kind: "version", version: version2, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
  }
  const path = resolve(cwd, spec);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile())
    throw new UsageError(
      `--ipm "${spec}" is neither an IPM version (e.g. 0.10.10) nor an installer XML file that exists.`
    );
  return { kind: "path", path, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
}
async function sha256File(path) {
  return createHash("sha256").update(await readFile(path)).digest("hex");
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
  const url = installerUrl(source.version, options.releaseUrl);
  if (!expected)
    throw new UsageError(
      `No SHA-256 is known for IPM ${source.version}: pass --ipm-sha256 <hex> (action input ipm-sha256) with the checksum of ${url}.`,
      "Compute it once with: curl -sL <url> | sha256sum"
    );
  await mkdir(options.workDir, { recursive: true });
  const destination = join(options.workDir, `zpm-${source.version}.xml`);
  const key2 = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key2, destination).catch(() => false)) {
    const cached = await sha256File(destination).catch(() => "");
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: "cache", url };
    await rm(destination, { force: true });
  }
  const bytes = await download(url, options);
  const actual = createHash("sha256").update(bytes).digest("hex");
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
  if (options.cache) await options.cache.save(key2, destination).catch(() => {
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
function directoryCache(dir) {
  const fileFor = (key2) => join(dir, `${key2.replace(/[^A-Za-z0-9._-]/g, "_")}.xml`);
  return {
    async restore(key2, destination) {
      const file = fileFor(key2);
      if (!await stat(file).catch(() => null)) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key2, source) {
      await mkdir(dir, { recursive: true });
      await copyFile(source, fileFor(key2));
    }
  };
}

// src/iris/container.ts
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readFile as readFile2, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/iris/process.ts
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join as join2 } from "node:path";
var KILL_GRACE_SECONDS = 5;
function findOnPath(name, pathVar = process.env.PATH ?? "") {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join2(dir, name);
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
var PIPE_CLOSE_GRACE_MS = 1e4;
function runCommand(command, args, options) {
  const started = Date.now();
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== void 0) env[k] = v;
  Object.assign(env, options.env ?? {});
  const tool = timeoutCommand();
  return new Promise((resolve4, reject) => {
    const child = spawn(tool, timeoutArgs(options.timeoutMs, command, args), {
      env,
      stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
    const out = child.stdout;
    const err = child.stderr;
    const stdout = [];
    const stderr = [];
    out.on("data", (d) => stdout.push(d));
    err.on("data", (d) => stderr.push(d));
    let exitCode = null;
    let settled = false;
    let grace;
    const finish = (code2, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      const durationMs = Date.now() - started;
      const status = code2 ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1);
      const timedOut = (status === 124 || status === 137) && durationMs >= options.timeoutMs - 50;
      resolve4({
        exitCode: status,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
        durationMs
      });
    };
    child.on("error", (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    child.on("exit", (code2, signal) => {
      exitCode = code2 ?? exitCode;
      grace = setTimeout(() => {
        out.destroy();
        err.destroy();
        finish(code2, signal);
      }, PIPE_CLOSE_GRACE_MS);
    });
    child.on("close", (code2, signal) => finish(code2 ?? exitCode, signal));
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(typeof options.input === "string" ? Buffer.from(options.input, "utf8") : options.input);
    }
  });
}
function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}
var childProcessRunner = { run: runCommand };

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
  async check(code2, what, args, options = {}) {
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
      throw daemonProblem(stderr) ?? new IpmDbError(code2, `${what} failed (docker exit ${result.exitCode}): ${firstLine(stderr)}`, {
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
  const values2 = /* @__PURE__ */ new Map();
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
        values2.set(key2, value);
        results.push({ key: key2, value });
      }
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values: values2, results, lastStep, completed, text: trimBlankLines(text).join("\n"), objectScriptErrors };
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
    await container.waitReady(options);
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
      await chmod(empty, 511);
      await this.docker.check("container-file-failed", `Creating ${path} in the container`, [
        "cp",
        `${empty}/.`,
        `${this.name}:${path}`
      ]);
    } finally {
      await rm2(empty, { recursive: true, force: true });
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
    const dir = await mkdtemp(join3(tmpdir(), "ipm-db-read-"));
    try {
      const file = join3(dir, "file");
      await this.copyOut(path, file, 6e4);
      return await readFile2(file, "utf8");
    } finally {
      await rm2(dir, { recursive: true, force: true });
    }
  }
  async isRunning() {
    const r = await this.docker.call(["inspect", "-f", "{{.State.Running}} {{.State.ExitCode}}", this.name], {
      timeoutMs: 3e4
    });
    if (r.exitCode !== 0) return { running: false, exitCode: null };
    const [running, code2] = r.stdout.trim().split(" ");
    return { running: running === "true", exitCode: code2 === void 0 ? null : Number(code2) };
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
        options.logger.debug(`IRIS ready after ${attempt} probe(s)`);
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
  /** Stops and removes the container (and its anonymous volumes); named volumes stay. */
  async remove() {
    await this.docker.check("docker-cleanup-failed", `Removing ${this.name}`, ["rm", "-f", "-v", this.name], {
      timeoutMs: 12e4
    });
  }
};
function isMissingExecutable(r) {
  return (r.exitCode === 126 || r.exitCode === 127) && /no such file|not found|executable file not found/i.test(r.stderr);
}
function sleep(ms) {
  return new Promise((resolve4) => setTimeout(resolve4, ms));
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

// src/ipm/operations.ts
import { chmod as chmod2, cp, mkdir as mkdir2, mkdtemp as mkdtemp2, readdir as readdir2, rm as rm3, stat as stat3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, join as join5 } from "node:path";

// src/ipm/compile-errors.ts
import { readdir, readFile as readFile3, stat as stat2 } from "node:fs/promises";
import { join as join4, relative, sep } from "node:path";
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
    const located2 = LOCATED.exec(line);
    if (located2) {
      const next = TEXT.exec(lines[i + 1] ?? "");
      add({
        document: located2[1],
        label: located2[2] ?? null,
        offset: located2[3] === void 0 ? null : Number(located2[3]),
        message: cleanMessage(located2[4] ?? ""),
        text: next ? next[1].trim() : null
      });
      continue;
    }
    const status = STATUS.exec(line);
    if (status) {
      const [, code2, message] = status;
      if (SUMMARY_CODES.has(code2)) {
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
              message: `ERROR #${code2}: ${message}`,
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
          message: `ERROR #${code2}: ${message}`,
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
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join4(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info = await stat2(full);
        if (info.size <= 2e6)
          tree.set(relative(moduleDir, full).split(sep).join("/"), await readFile3(full, "utf8"));
      }
    }
  };
  await walk(moduleDir);
  return tree;
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
    return new Promise((resolve4) => this.waiting.push(resolve4));
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
        `IRIS session in ${namespace} was stopped while ${doing}, at its ${seconds(timeoutMs)} limit${context}.`,
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
  const error = ipmErrorText(text);
  const known = classifyIpmMessage(error ?? text);
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
var NOT_COPIED = /* @__PURE__ */ new Set([".git"]);
async function copyModuleIn(files, moduleDir, containerDir) {
  const staging = await mkdtemp2(join5(tmpdir2(), "ipm-db-module-"));
  try {
    const copy = join5(staging, "module");
    await cp(moduleDir, copy, {
      recursive: true,
      dereference: true,
      filter: (source) => !NOT_COPIED.has(basename(source))
    });
    await makeReadableForIris(copy);
    await files.copyIn(copy, containerDir);
  } finally {
    await rm3(staging, { recursive: true, force: true });
  }
}
async function makeReadableForIris(path) {
  const info = await stat3(path);
  if (info.isDirectory()) {
    await chmod2(path, info.mode | 493);
    for (const entry of await readdir2(path)) await makeReadableForIris(join5(path, entry));
  } else {
    await chmod2(path, info.mode | 292);
  }
}
async function copyFileIn(files, hostFile, containerPath) {
  if (((await stat3(hostFile)).mode & 4) !== 0) return files.copyIn(hostFile, containerPath);
  const staging = await mkdtemp2(join5(tmpdir2(), "ipm-db-file-"));
  try {
    const copy = join5(staging, basename(hostFile));
    await cp(hostFile, copy);
    await chmod2(copy, 420);
    await files.copyIn(copy, containerPath);
  } finally {
    await rm3(staging, { recursive: true, force: true });
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
    const fileName = basename(containerPath);
    await mkdir2(hostOutDir, { recursive: true });
    const hostPath = join5(hostOutDir, fileName);
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
    const hostJunit = join5(hostOutDir, `junit-${moduleName.toLowerCase()}.xml`);
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
  async query(namespace, values2, secretEnv) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: values2.map((v) => ({ kind: "emit", key: v.key, expression: v.expression })),
      timeoutMs: this.timeouts.shortMs,
      ...secretEnv ? { secretEnv } : {}
    });
    return result.values;
  }
};

// src/pipeline/stage-result.ts
function stageFailure(stage, error, durationMs) {
  const hint = error instanceof IpmDbError && error.hint ? ` (${redact(error.hint)})` : "";
  const output = error instanceof IpmDbError && error.details ? redact(error.details) : void 0;
  return {
    stage,
    status: "failed",
    durationMs,
    message: redact(errorMessage(error)) + hint,
    ...output ? { output } : {}
  };
}
function stageSkipped(stage, why) {
  return { stage, status: "skipped", durationMs: 0, message: why };
}

// src/pipeline/stages.ts
import { createHash as createHash2 } from "node:crypto";
import { readFile as readFile5, stat as stat4 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { basename as basename3, join as join7 } from "node:path";

// src/ipm/manifest.ts
import { readFile as readFile4 } from "node:fs/promises";
import { join as join6 } from "node:path";
function parseModuleXml(xml, where = "module.xml") {
  const { xml: result, manifest } = readModuleManifest(Buffer.from(xml, "utf8"));
  if (!result.ok) {
    const what = result.code === "xml-not-well-formed" ? "is not well-formed XML" : "is refused";
    throw new IpmDbError("module-xml-invalid", `${where} ${what}: ${result.detail}`);
  }
  return manifest;
}
function parseModuleIdentity(xml, where = "module.xml") {
  const { name, version: version2 } = parseModuleXml(xml, where);
  if (!name || !version2)
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
      `${where}: module name "${name}" is not a valid IPM module name (letters, digits, ".", "-", "_").`
    );
  if (!isSemver(version2))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: version "${version2}" is not a semantic version (e.g. 1.2.3).`
    );
  return { name, version: version2 };
}
async function readModuleIdentity(moduleDir) {
  const file = join6(moduleDir, "module.xml");
  const xml = await readFile4(file, "utf8").catch((err) => {
    throw new IpmDbError("module-xml-missing", `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point --module at the directory that holds the module's module.xml."
    });
  });
  return parseModuleIdentity(xml, file);
}

// src/ipm/bootstrap.ts
import { basename as basename2 } from "node:path";
var CONFIGURE_IPM = [
  { words: ["config", "set", "ColorScheme", "none"], modifiers: [] },
  { words: ["config", "set", "analytics", "0"], modifiers: [] }
];
function parseIrisVersion(values2) {
  const zversion = values2.get("zversion") ?? "";
  const major = Number(values2.get("major"));
  const minor = Number(values2.get("minor"));
  if (!Number.isInteger(major) || !Number.isInteger(minor) || major <= 0)
    throw new IpmDbError(
      "iris-version-unknown",
      `Could not read the IRIS version (got major "${values2.get("major") ?? ""}", minor "${values2.get("minor") ?? ""}").`,
      {
        details: zversion
      }
    );
  const build = /\(Build ([^)]+)\)/.exec(zversion);
  return {
    zversion,
    major,
    minor,
    number: values2.get("number") ?? "",
    majorMinor: `${major}.${minor}`,
    build: build ? build[1] : null
  };
}
function ipmSession(target, namespace, operations, timeoutMs, code2) {
  return target.sessions.run({ namespace, operations, timeoutMs, classify: (f) => ipmFailure(f, code2, timeoutMs) });
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
    const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$/.test(basename2(options.installer.path)) ? basename2(options.installer.path) : "ipm-installer.xml";
    const dir = `${WORK_DIR}/ipm`;
    await target.files.mkdir(dir);
    await copyFileIn(target.files, options.installer.path, `${dir}/${fileName}`);
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

// src/pipeline/containers.ts
async function startPipelineIris(ctx, runId, extra = {}) {
  const o = ctx.options;
  const network = extra.network ?? o.network;
  const mounts = [...o.mounts ?? [], ...extra.mounts ?? []];
  const env = { ...o.env ?? {}, ...extra.env ?? {} };
  const container = await startIris(
    ctx.docker,
    {
      image: o.image,
      runId,
      ...network ? { network } : {},
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
function drive(ctx, container) {
  const o = ctx.options;
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
    enableEnsemble: ctx.options.enableEnsemble ?? false
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
    const driven = await startPipelineIris(ctx, ctx.runId);
    const container = driven.container;
    ctx.container = container;
    ctx.target = driven.target;
    ctx.ops = driven.ops;
    return `${o.image} running as ${container.name} (module ${ctx.module.name} ${ctx.module.version})`;
  }
};
var ipmStage = {
  name: "ipm",
  async run(ctx) {
    const o = ctx.options;
    const installer = o.installer ? await resolveInstaller(o.installer, {
      workDir: join7(tmpdir3(), "ipm-db-installers"),
      ...o.installerCache ? { cache: o.installerCache } : {}
    }) : null;
    const setup = await setUpIpm(ctx, need(ctx.target, "the container"), installer, o.ipmNamespace);
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
    const bytes = await readFile5(archive.hostPath);
    ctx.report.archive = {
      path: archive.hostPath,
      fileName: archive.fileName,
      size: (await stat4(archive.hostPath)).size,
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
    ctx.installNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, "the container"),
      setup.homeNamespace,
      "INST"
    );
    const swap = await ops.loadPackage(ctx.installNamespace, archive.hostPath);
    const listed = await ops.list(ctx.installNamespace);
    const entry = listed.find((m) => m.name.toLowerCase() === module.name.toLowerCase());
    if (!entry)
      throw new IpmDbError(
        "install-not-listed",
        `${module.name} is not listed by "list" in ${ctx.installNamespace} after installing ${basename3(archive.hostPath)}.`,
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
          `${stage.name}: passed in ${formatMs(result.durationMs)}${result.message ? ` - ${result.message}` : ""}`
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

// src/pipeline/parallel.ts
import { availableParallelism, totalmem } from "node:os";
var IRIS_CONTAINER_BYTES = 2 * 1024 ** 3;
var RUNNER_RESERVE_BYTES = 1024 ** 3;
function defaultParallel(machine) {
  const byMemory = Math.floor((machine.memoryBytes - RUNNER_RESERVE_BYTES) / IRIS_CONTAINER_BYTES);
  return Math.max(1, Math.min(machine.cores, byMemory));
}
function thisMachine() {
  return { memoryBytes: totalmem(), cores: availableParallelism() };
}
function containerSlots(parallel) {
  return new Limiter(parallel);
}

// src/util/grouped-log.ts
function located(message, where) {
  return where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ${message}` : message;
}
function groupedLogger(sink, prefix) {
  let open = null;
  const emit = (line) => {
    if (open) open.push(line);
    else sink.line({ ...line, text: `${prefix}${line.text}` });
  };
  return {
    info: (m) => emit({ level: "info", text: m }),
    warn: (m, w) => emit({ level: "info", text: `warning: ${located(m, w)}` }),
    error: (m, w) => emit({ level: "info", text: `error: ${located(m, w)}` }),
    debug: (m) => emit({ level: "debug", text: m }),
    async group(title, fn) {
      if (open) {
        open.push({ level: "info", text: `-- ${title}` });
        return fn();
      }
      const lines = [];
      open = lines;
      try {
        return await fn();
      } finally {
        open = null;
        sink.block(`${prefix}${title}`, lines);
      }
    }
  };
}
function streamSink(out, opts = {}) {
  const text = (lines) => lines.filter((l) => l.level === "info" || opts.verbose).map((l) => l.level === "debug" ? `debug: ${l.text}` : l.text);
  return {
    block: (title, lines) => void out.write([`== ${title}`, ...text(lines)].join("\n") + "\n"),
    line: (l) => {
      for (const t of text([l])) out.write(`${t}
`);
    }
  };
}

// src/cli/upgrade-flags.ts
import { resolve as resolve2 } from "node:path";

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
function assertModuleName(name) {
  if (!isValid("module name", name)) throw new UsageError(`"${name}" is not an IPM module name`);
  return name;
}
function assertClassName(name, what) {
  if (!CLASS_NAME.test(name)) throw new UsageError(`${what} "${name}" is not a class or package name`);
  return name;
}
function guarded(label, body) {
  return `try { ${body} } catch e { write "##IPMDB error=",${quote2(label)},"|",e.DisplayString(),! }`;
}
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
function moduleStateLine(moduleName) {
  return guarded(
    `module ${moduleName}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${quote2(assertModuleName(moduleName))}) write "##IPMDB module=",$select($isobject(m):m.VersionString_"|"_m.Packaging,1:""),!`
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
    `kill l do ##class(%IPM.General.Update.VersionBase).GetUpdatePackageClassList(${quote2(assertClassName(updatePackage, "UpdatePackage"))},.l) set k="" for { set k=$order(l(k)) quit:k=""  set a=$classmethod(l(k),"GetOrderedMethods"),p=$classmethod(l(k),"GetOrderedMethodsPrimaryOnly") write "##IPMDB expected=",l(k),"|",${json("a")},"|",${json("p")},! }`
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
import { execFile } from "node:child_process";
import { mkdtemp as mkdtemp3, rm as rm4, stat as stat5 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join8, relative as relative2, sep as sep2 } from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
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
async function git(cwd, args) {
  try {
    const { stdout } = await run("git", args, { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const stderr = (error.stderr ?? "").trim();
    throw new IpmDbError(
      "upgrade-git-source",
      `git ${args.join(" ")} failed in ${cwd}: ${stderr || error.message}`
    );
  }
}
async function exportModuleAt(moduleDir, revision) {
  const top = await git(moduleDir, ["rev-parse", "--show-toplevel"]);
  const path = relative2(top, moduleDir).split(sep2).join("/") || ".";
  await git(top, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).catch(() => {
    throw new IpmDbError("upgrade-git-source", `git revision "${revision}" does not exist in ${top}`, {
      hint: "Fetch tags first (actions/checkout with fetch-depth: 0), or give the previous release another way."
    });
  });
  const dest = await mkdtemp3(join8(tmpdir4(), "ipm-db-previous-source-"));
  const remove = () => rm4(dest, { recursive: true, force: true });
  try {
    const archive = join8(dest, "export.tar");
    await git(top, ["archive", "--format=tar", `--output=${archive}`, revision, "--", path]);
    await run("tar", ["-xf", archive, "-C", dest], { timeout: GIT_TIMEOUT_MS });
    await rm4(archive);
    const dir = join8(dest, path);
    if (!await stat5(join8(dir, "module.xml")).catch(() => null)) {
      throw new IpmDbError("upgrade-git-source", `${path}/module.xml does not exist at ${revision}`);
    }
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// src/pipeline/upgrade/types.ts
var UPGRADE_SCENARIOS = ["database", "source", "fresh", "container-replacement"];

// src/pipeline/upgrade/options.ts
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
    const named = parseDatabaseTag(from.reference.slice(from.reference.lastIndexOf(":") + 1))?.version;
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
      scenarios,
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
function parseUpgradeOptions(text, context = {}) {
  const { options, problems } = readUpgradeOptions(text, context);
  if (problems.length > 0) {
    const name = context.name ?? ((f) => f);
    throw new UsageError(problems.map((p) => `${name(p.field)}: ${p.message}`).join("\n"));
  }
  return options;
}
function selectScenarios(raw, previous) {
  const requested = list(raw ?? "");
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
  return scenarios;
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
function previousReference(pullFrom, moduleName, version2, irisMajorMinor) {
  return `${pullFrom.registry.replace(/\/+$/, "")}/${ipmRepositoryPath(pullFrom.namespace, moduleName)}:${ipmDatabaseTag(version2, irisMajorMinor)}`;
}
var REPOSITORY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]+)?(?:\/[a-z0-9][a-z0-9._-]*)+$/;
var TAG_OR_DIGEST_RE = new RegExp(`^(?::${TAG_SOURCE}|@${DIGEST_SOURCE})$`);
function classifyUpgradeFrom(raw) {
  const value = raw.trim();
  if (/\.tgz$/i.test(value)) return { kind: "archive", path: value };
  if (isSemver(value)) return { kind: "version", version: value };
  const cut = value.search(/[:@][^/]*$/);
  const repository = cut > 0 ? value.slice(0, cut) : value;
  if (REPOSITORY_RE.test(repository)) {
    if (cut > 0 && TAG_OR_DIGEST_RE.test(value.slice(cut))) return { kind: "reference", reference: value };
    if (cut < 0)
      throw new UsageError(
        `upgrade-from "${value}" has no tag`,
        "Give the full reference, <registry>/<namespace>/<module>:<version>_database__<IRIS major.minor>, or just the version."
      );
  }
  throw new UsageError(
    `upgrade-from "${value}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2025.1)`,
    "Give the previous release as one of those three forms."
  );
}

// src/pipeline/upgrade/stage.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join10 } from "node:path";

// src/pipeline/upgrade/driver-binding.ts
import { mkdtemp as mkdtemp4, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join9 } from "node:path";
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
    updateModule: (namespace, moduleName, hostTgz) => current().ops.updateModule(namespace, moduleName, hostTgz)
  };
}
function startOnVolume(ctx, runId, volume) {
  return startPipelineIris(ctx, runId, {
    // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
    // containers need none (packages are copied in, previous releases pulled on the host).
    network: "none",
    mounts: [{ source: volume, target: DURABLE_MOUNT }],
    env: { ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` }
  });
}
async function startDurable(ctx) {
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
      ctx.options.image,
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
    const first = await startOnVolume(ctx, runIds[0], volume);
    parts = first;
    await setUpIpm(ctx, first.target, setup.installedFrom, setup.homeNamespace);
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace() {
      const old = current().container;
      await ctx.docker.check("docker-stop-failed", `Stopping ${old.name}`, ["stop", "-t", "120", old.name], {
        timeoutMs: 18e4
      });
      await removeRun(ctx.docker, runIds[generation]);
      generation++;
      parts = await startOnVolume(ctx, runIds[generation], volume);
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
    startDurable: () => startDurable(ctx),
    reserveContainer: () => {
      const slots = ctx.options.containerSlots;
      return slots?.tryAcquire() ? () => slots.release() : null;
    },
    pull,
    tempDir: () => mkdtemp4(join9(tmpdir5(), "ipm-db-previous-")),
    removeTempDir: (dir) => rm5(dir, { recursive: true, force: true })
  };
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

// src/pipeline/upgrade/markdown.ts
var TITLE = {
  database: "database -> database",
  source: "source -> database",
  fresh: "fresh install",
  "container-replacement": "container replacement (Durable %SYS)"
};
var OUTPUT_LINES = 40;
var NODE_LINES = 10;
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function code(text) {
  return text === "" ? "" : `\`${cell(text).replace(/`/g, "'")}\``;
}
function shortHash(hash) {
  return hash === "" ? "absent" : code(hash.slice(0, 12));
}
function version(result) {
  const before = result.moduleBefore ? result.moduleBefore.version : result.previous.version ?? "-";
  const after = result.moduleAfter ? `${result.moduleAfter.version} (${result.moduleAfter.packaging})` : "-";
  return result.scenario === "fresh" ? after : `${before} -> ${after}`;
}
function summaryRow(result) {
  const ranSteps = result.steps.filter((s) => s.outcome === "ran").length;
  const badSteps = result.steps.filter((s) => !s.ok).length;
  const steps = result.steps.length === 0 ? "-" : `${ranSteps} ran, ${result.steps.length - ranSteps - badSteps} seeded/kept${badSteps ? `, **${badSteps} wrong**` : ""}`;
  const failedChecks = result.checks.filter((c) => !c.ok).length;
  const checks = result.checks.length === 0 ? "-" : `${result.checks.length - failedChecks}/${result.checks.length}`;
  const undeclared = result.changes.filter((c) => c.declaredBy.length === 0).length;
  const data = result.after === null ? "-" : `${Object.keys(result.after.globals).length} globals, ${result.changes.length} changed${undeclared ? `, **${undeclared} undeclared**` : ""}`;
  return `| ${TITLE[result.scenario]} | ${result.ok ? "passed" : "**failed**"} | ${cell(version(result))} | ${steps} | ${checks} | ${data} |`;
}
function fingerprintTable(before, after, changes) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(before?.globals ?? {}), ...Object.keys(after?.globals ?? {})])].sort();
  if (names.length === 0) return [];
  const byGlobal = new Map(changes.map((c) => [c.global, c]));
  const lines = [
    "| global | nodes before | hash before | nodes after | hash after | change |",
    "|---|---:|---|---:|---|---|"
  ];
  for (const name of names) {
    const b = before?.globals[name];
    const a = after?.globals[name];
    const change = byGlobal.get(name);
    const verdict = !change ? "same" : change.declaredBy.length > 0 ? `${change.kind}, declared by ${change.declaredBy.map(code).join(", ")}` : `**${change.kind}, undeclared**`;
    lines.push(
      `| ${code(name)} | ${b ? b.nodes : "-"} | ${b ? shortHash(b.hash) : "-"} | ${a ? a.nodes : "-"} | ${a ? shortHash(a.hash) : "-"} | ${verdict} |`
    );
  }
  for (const change of changes) {
    if (!change.nodeChanges || change.nodeChanges.length === 0) continue;
    lines.push("", `${code(change.global)}:`);
    for (const node of change.nodeChanges.slice(0, NODE_LINES)) lines.push(`- ${node.kind} ${code(node.node)}`);
    if (change.nodeChanges.length > NODE_LINES) lines.push(`- and ${change.nodeChanges.length - NODE_LINES} more`);
  }
  return lines;
}
function scenarioSection(result) {
  const lines = [`### ${TITLE[result.scenario]}: ${result.ok ? "passed" : "failed"}`, "", cell(result.message), ""];
  if (result.previous.source !== "none")
    lines.push(`Previous release: ${code(result.previous.reference)} (${result.previous.source})`, "");
  if (result.namespace) lines.push(`Namespace: ${code(result.namespace)}`, "");
  if (result.problems.length > 0) {
    lines.push("Problems:", ...result.problems.map((p) => `- ${cell(p)}`), "");
  }
  const data = fingerprintTable(result.before, result.after, result.changes);
  if (data.length > 0) lines.push("Data fingerprints:", "", ...data, "");
  if (result.steps.length > 0) {
    lines.push("| update step | outcome | before (start / end) | after (start / end) |", "|---|---|---|---|");
    const times = (row) => row ? `${row.timeStampStart || "(seeded)"} / ${row.timeStampEnd || "-"}` : "-";
    for (const step of result.steps) {
      const outcome2 = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${code(step.step)} | ${outcome2} | ${times(step.before)} | ${times(step.after)} |`);
    }
    lines.push("");
  }
  if (result.checks.length > 0) {
    lines.push("| check | returned | result |", "|---|---|---|");
    for (const check of result.checks)
      lines.push(`| ${code(check.check)} | ${code(check.returned) || "(empty)"} | ${check.ok ? "ok" : "**failed**"} |`);
    lines.push("");
  }
  if (result.output) {
    const tail2 = result.output.split("\n").slice(-OUTPUT_LINES).join("\n").replace(/```/g, "'''");
    lines.push(
      "<details><summary>IRIS output of the failing step</summary>",
      "",
      "```",
      tail2,
      "```",
      "",
      "</details>",
      ""
    );
  }
  if (result.backup)
    lines.push(`Swap backup: ${code(result.backup.path)} ${result.backup.exists ? "exists" : "**is missing**"}`, "");
  return lines;
}
function renderUpgradeMarkdown(results) {
  if (results.length === 0) return "## Upgrade tests\n\nNo upgrade scenario ran.\n";
  const lines = [
    "## Upgrade tests",
    "",
    "| scenario | result | module | update steps | checks | data |",
    "|---|---|---|---|---|---|",
    ...results.map(summaryRow),
    ""
  ];
  for (const result of results) lines.push(...scenarioSection(result));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

// src/pipeline/upgrade/parse.ts
function values(output, key2) {
  return output.results.filter((line) => line.key === key2).map((line) => line.value);
}
function reportedErrors(output) {
  return values(output, "error").map((value) => {
    const bar = value.indexOf("|");
    return bar < 0 ? value : `${value.slice(0, bar)}: ${value.slice(bar + 1)}`;
  });
}
function throwOnReportedErrors(output, doing) {
  const errors = reportedErrors(output);
  if (errors.length > 0) {
    throw new IpmDbError("upgrade-objectscript", `${doing} failed in IRIS: ${errors.join("; ")}`, {
      details: output.raw
    });
  }
}
function parseGlobalNames(output) {
  const names = values(output, "gname").map((name) => name.startsWith("^") ? name : `^${name}`);
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
function parseModuleState(output) {
  const [value] = values(output, "module");
  if (value === void 0) throw new IpmDbError("upgrade-parse", "IRIS printed no module state line");
  if (value === "") return null;
  const bar = value.lastIndexOf("|");
  return { version: value.slice(0, bar), packaging: value.slice(bar + 1) };
}
function parseUpdateSteps(output) {
  return values(output, "step").map((value) => {
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
  for (const value of values(output, "expected")) {
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
  return values(output, "seeded");
}
function parseChecks(output) {
  return values(output, "check").map((value) => {
    const bar = value.indexOf("|");
    const returned = bar < 0 ? "" : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === "1" };
  });
}
function parseFileExists(output) {
  const result = {};
  for (const value of values(output, "exists")) {
    const bar = value.lastIndexOf("|");
    result[value.slice(0, bar)] = value.slice(bar + 1) === "1";
  }
  return result;
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
    return { module: parseModuleState(output), steps, fingerprint: toDataFingerprint(fingerprints), globals };
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
  async runChecks(iris, namespace) {
    if (this.options.checks.length === 0) return [];
    const output = await iris.run(namespace, this.options.checks.map(checkLine), "running the checks");
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return this.options.checks.map(formatClassMethod).map((check) => {
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
  checkModule(state, version2, packaging, when) {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version2)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version2}`
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
  await s.seed(iris, namespace);
  const previousSteps = await s.expectedSteps(iris, namespace);
  const before = await s.snapshot(iris, namespace, [], "before the upgrade");
  r.moduleBefore = before.module;
  r.before = before.fingerprint;
  if (options.previous.version) s.checkModule(before.module, options.previous.version, null, "before the upgrade");
  if (betweenHook) await betweenHook();
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

// src/pipeline/upgrade/stage.ts
function updatePackageOf(moduleXml) {
  return parseModuleXml(moduleXml).updatePackage;
}
function registryPuller(clientFor) {
  return async (reference, dir) => {
    const ref = parseReference(reference, { requireTagOrDigest: true });
    return (await pullPackage(clientFor(ref.registry), ref, dir)).file;
  };
}
function upgradeStage(options, pull) {
  return {
    name: "upgrade",
    skip: () => options.scenarios.length === 0 ? "no upgrade scenario requested" : null,
    async run(ctx) {
      const module = ctx.module;
      const archive = ctx.archive;
      const setup = ctx.setup;
      if (!module || !archive || !setup)
        throw new IpmDbError(
          "pipeline-order",
          "Internal: the upgrade stage needs a built package; an earlier stage did not run."
        );
      const updatePackage = ctx.report.verification?.module?.updatePackage ?? updatePackageOf(await readFile6(join10(ctx.options.moduleDir, "module.xml"), "utf8"));
      const revision = options.previous.sourceDir ? gitRevision(options.previous.sourceDir) : null;
      const exported = revision ? await exportModuleAt(ctx.options.moduleDir, revision) : null;
      let results;
      try {
        const resolved = exported ? {
          ...options,
          previous: { ...options.previous, sourceDir: exported.dir, sourceLabel: options.previous.sourceDir }
        } : options;
        results = await runUpgradeScenarios(
          driverUpgradeEnvironment(ctx, pull),
          resolved,
          {
            moduleName: module.name,
            version: module.version,
            packagePath: archive.hostPath,
            updatePackage,
            irisMajorMinor: setup.iris.majorMinor
          },
          ctx.logger
        );
      } finally {
        await exported?.remove();
      }
      ctx.report.upgrade = results;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) {
        throw new IpmDbError(
          "upgrade-failed",
          `${failed.length} of ${results.length} upgrade scenario(s) failed: ${failed.map((r) => `${r.scenario}: ${r.message}`).join("; ")}`,
          {
            details: renderUpgradeMarkdown(results)
          }
        );
      }
      return `${results.length} upgrade scenario(s) passed: ${results.map((r) => r.scenario).join(", ")}`;
    }
  };
}

// src/cli/upgrade-flags.ts
var UPGRADE_FLAGS = {
  "upgrade-from": { type: "string" },
  "upgrade-source": { type: "string" },
  "previous-source": { type: "string" },
  "upgrade-scenarios": { type: "string" },
  "seed-methods": { type: "string" },
  seed: { type: "string" },
  "check-methods": { type: "string" },
  checks: { type: "string" },
  "declared-changes": { type: "string" },
  "upgrade-globals": { type: "string" },
  "upgrade-exclude-globals": { type: "string" },
  registry: { type: "string" },
  namespace: { type: "string" },
  "plain-http": { type: "boolean" }
};
function either(v, name, alias) {
  const a = v[name];
  const b = v[alias];
  if (a !== void 0 && b !== void 0)
    throw new UsageError(`--${name} and --${alias} are the same option; give one.`);
  return a ?? b;
}
function upgradeStageFromFlags(v, io) {
  const text = {
    "upgrade-from": v["upgrade-from"],
    "upgrade-source": either(v, "upgrade-source", "previous-source"),
    "upgrade-scenarios": v["upgrade-scenarios"],
    "seed-methods": either(v, "seed-methods", "seed"),
    "check-methods": either(v, "check-methods", "checks"),
    "declared-changes": v["declared-changes"],
    "upgrade-globals": v["upgrade-globals"],
    "upgrade-exclude-globals": v["upgrade-exclude-globals"]
  };
  const options = parseUpgradeOptions(text, {
    resolvePath: (path) => resolve2(io.cwd, path),
    pullFrom: v.namespace ? { registry: (v.registry ?? "ghcr.io").replace(/\/+$/, ""), namespace: v.namespace } : null,
    name: (field) => `--${field}`
  });
  if (options === null) {
    const stray = ["registry", "namespace", "plain-http"].find((name) => v[name] !== void 0);
    if (stray)
      throw new UsageError(
        `--${stray}: is set but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios.`
      );
    return null;
  }
  return upgradeStage(options, cliUpgradePuller(v, io));
}
function cliUpgradePuller(v, io) {
  const access = cliRegistryAccess(io, (v.registry ?? "ghcr.io").replace(/\/+$/, ""), {
    plainHttp: v["plain-http"] === true
  });
  const logger = cliLogger(io, v.verbose === true);
  return registryPuller((host) => new RegistryClient(accessForHost(access, host), { logger }));
}

// src/cli/commands/run.ts
var USAGE = `Usage: ipm-db run --module <dir> --image <image> [options]

Starts IRIS in Docker, installs IPM, loads and compiles the module, packages it with
package-database, verifies the archive, installs it into a fresh namespace and (with
--tests) runs the module's tests. Prints each stage and its time.

Options:
  --module <dir>         directory holding the module's module.xml (required)
  --image <image>        IRIS image, e.g. containers.intersystems.com/intersystems/iris-community:2025.1 (required;
                         repeat it to run several IRIS versions concurrently, each in <out>/<image tag>/)
  --parallel <n>         IRIS containers at once (default: one per core, memory allowing ~2 GB each)
  --ipm <path|version>   IPM installer XML to load, or an IPM release version (needs --ipm-sha256)
  --ipm-sha256 <hex>     pinned SHA-256 of the installer
  --out <dir>            where the .tgz, JUnit XML and run-report.json go (default: ./ipm-db-out)
  --dev                  load and package with -dev (packages test resources)
  --tests                run the module's tests (test -only) where it was loaded from source
  --network <name>       docker network for the IRIS container (default: host)
  --docker-arg <arg>     extra docker run argument (repeatable)
  --login <registry>     docker login to this registry first (private images); with --login-user,
                         password from the IPM_DB_REGISTRY_PASSWORD environment variable (sent on stdin)
  --login-user <name>    user name for --login
  --ensemble             interoperability-enable the namespaces created
  --ready-timeout <s>    seconds to wait for IRIS to start (default: 300)
  --keep                 keep the container afterwards (for debugging)
  --verbose              IPM -v on every command, and debug output
  --json                 print the run report as JSON on stdout (upgrade scenarios in "upgrade")

Upgrade testing (docs/upgrade-testing.md; the action's input names; any of the first three adds the stage):
  --upgrade-from <x>     the previous release as a database package: a .tgz path, a full reference
                         (ghcr.io/acme/demo-orders:1.0.0_database__2025.1), or a version pulled from
                         <registry>/<namespace>/<module> (needs --namespace)
  --upgrade-source <x>   the previous release's module directory, or git:<tag or commit> of the module's
                         own repository (also --previous-source)
  --upgrade-scenarios <list>
                         database, source, fresh, container-replacement, or all (default: all the
                         other upgrade options allow)
  --seed-methods <list>  Package.Class:Method that write data after the previous release is installed
                         (also --seed)
  --check-methods <list> Package.Class:Method that must return 1 after the upgrade (also --checks)
  --declared-changes <x> Package.Class:Method=^Global1,^Global2 per update step, separated by ;
  --upgrade-globals <list>, --upgrade-exclude-globals <list>
                         globals to fingerprint / to leave out (^Name or ^Prefix*)
  --registry <host>      registry to pull a previous version from (default: ghcr.io)
  --namespace <ns>       registry namespace (owner) a previous version was published under
  --plain-http           HTTP instead of HTTPS to that registry (a loopback registry only)
  Registry credentials come from IPM_DB_REGISTRY_USERNAME / IPM_DB_REGISTRY_PASSWORD (or _TOKEN).
`;
var runCommand2 = {
  name: "run",
  summary: "build, verify and install-test a database package in an IRIS container",
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          module: { type: "string" },
          image: { type: "string", multiple: true },
          parallel: { type: "string" },
          ipm: { type: "string" },
          "ipm-sha256": { type: "string" },
          out: { type: "string" },
          dev: { type: "boolean" },
          tests: { type: "boolean" },
          network: { type: "string" },
          "docker-arg": { type: "string", multiple: true },
          login: { type: "string" },
          "login-user": { type: "string" },
          ensemble: { type: "boolean" },
          "ready-timeout": { type: "string" },
          keep: { type: "boolean" },
          verbose: { type: "boolean" },
          json: { type: "boolean" },
          ...UPGRADE_FLAGS
        },
        allowPositionals: false,
        strict: true
      });
    } catch (err) {
      throw new UsageError(err.message);
    }
    const v = parsed.values;
    if (!v.module) throw new UsageError("--module <dir> is required.");
    const images = [...new Set(v.image ?? [])];
    if (images.length === 0) throw new UsageError("--image <image> is required.");
    let parallel = defaultParallel(thisMachine());
    if (v.parallel !== void 0) {
      if (!/^[1-9]\d{0,2}$/.test(v.parallel))
        throw new UsageError(`--parallel must be a whole number of IRIS containers from 1, got "${v.parallel}".`);
      parallel = Number(v.parallel);
    }
    if (v["ipm-sha256"] && !v.ipm) throw new UsageError("--ipm-sha256 needs --ipm.");
    let login;
    if (v.login || v["login-user"]) {
      const password = io.env.IPM_DB_REGISTRY_PASSWORD;
      if (!v.login || !v["login-user"]) throw new UsageError("--login and --login-user go together.");
      if (!password)
        throw new UsageError("--login needs the password in the IPM_DB_REGISTRY_PASSWORD environment variable.");
      login = { registry: v.login, username: v["login-user"], password };
    }
    let readyMs;
    if (v["ready-timeout"] !== void 0) {
      const s = Number(v["ready-timeout"]);
      if (!Number.isFinite(s) || s <= 0)
        throw new UsageError(`--ready-timeout must be a number of seconds, got "${v["ready-timeout"]}".`);
      readyMs = s * 1e3;
    }
    const moduleDir = resolve3(io.cwd, v.module);
    const upgrade = upgradeStageFromFlags(v, io);
    const outDir = resolve3(io.cwd, v.out ?? "ipm-db-out");
    const installer = v.ipm ? await parseInstallerSpec(v.ipm, v["ipm-sha256"], io.cwd) : null;
    const sink = streamSink(io.stderr, { verbose: v.verbose ?? false });
    const slots = containerSlots(parallel);
    const several = images.length > 1;
    const tags = images.map((image) => (imageTag(image) ?? image).replace(/[^A-Za-z0-9._-]+/g, "-"));
    const keys = tags.map((t, i) => tags.indexOf(t) === tags.lastIndexOf(t) ? t : `${t}-${i + 1}`);
    const reports = await mapBounded(images, slots, async (image, index) => {
      const key2 = keys[index];
      const imageOut = several ? join11(outDir, key2) : outDir;
      await mkdir3(imageOut, { recursive: true });
      const report = await runPipeline({
        image,
        moduleDir,
        outDir: imageOut,
        installer,
        installerCache: directoryCache(
          join11(io.env.XDG_CACHE_HOME ?? join11(homedir(), ".cache"), "ipm-db", "installers")
        ),
        dev: v.dev ?? false,
        runTests: v.tests ?? false,
        keepContainer: v.keep ?? false,
        ...v.network ? { network: v.network } : {},
        ...v["docker-arg"] ? { extraDockerArgs: v["docker-arg"] } : {},
        enableEnsemble: v.ensemble ?? false,
        ...login ? { login } : {},
        verbose: v.verbose ?? false,
        ...readyMs ? { timeouts: { readyMs } } : {},
        ...io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {},
        logger: several ? groupedLogger(sink, `[${key2}] `) : consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr }),
        verifyArchive,
        containerSlots: slots,
        ...upgrade ? { stages: [...DEFAULT_STAGES, upgrade] } : {}
      });
      const reportPath = join11(imageOut, "run-report.json");
      await writeFile2(reportPath, JSON.stringify(report, null, 2) + "\n");
      return { report, reportPath };
    });
    const done2 = reports.filter((r) => r !== void 0);
    if (v.json) {
      const value = several ? done2.map((r) => r.report) : done2[0].report;
      io.stdout.write(JSON.stringify(value, null, 2) + "\n");
    } else for (const r of done2) io.stdout.write(summary(r.report, r.reportPath));
    return done2.every((r) => r.report.ok) ? EXIT.ok : EXIT.failed;
  }
};
function summary(report, reportPath) {
  const lines = [`${report.ok ? "PASSED" : "FAILED"}  ${report.image}  (${formatMs(report.durationMs)})`];
  for (const s of report.stages)
    lines.push(
      `  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${formatMs(s.durationMs).padStart(8)}  ${s.message ?? ""}`
    );
  if (report.upgrade.length > 0) {
    lines.push("upgrade scenarios:");
    for (const u of report.upgrade)
      lines.push(
        `  ${u.scenario.padEnd(21)} ${(u.ok ? "passed" : "failed").padEnd(7)} ${formatMs(u.durationMs).padStart(8)}  ${u.message}`
      );
  }
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join("\n") + "\n";
}
export {
  runCommand2 as runCommand,
  summary
};
