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

// src/util/format.ts
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 59950) return `${Number((ms / 1e3).toFixed(1))} s`;
  const total = Math.round(ms / 1e3);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function markdownText(text) {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function markdownCode(text) {
  if (text === "") return "";
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}
function markdownLink(label, url, opts = {}) {
  const text = opts.code ? markdownCode(label) : markdownText(label.replace(/[[\]\\]/g, (c) => `\\${c}`));
  if (!/^https?:\/\/[^\s/]/i.test(url)) return text;
  const safe = url.replace(
    /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu,
    (c) => c.charCodeAt(0) < 128 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(c)
  );
  return `[${text}](${safe})`;
}

// src/iris/process.ts
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// src/util/child-env.ts
var ALLOWED_NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TMPDIR",
  "TERM",
  // The docker client's own settings (documented in the docker CLI reference, "Environment variables").
  "DOCKER_HOST",
  "DOCKER_CONTEXT",
  "DOCKER_CONFIG",
  "DOCKER_CERT_PATH",
  "DOCKER_TLS_VERIFY",
  "DOCKER_TLS",
  "DOCKER_API_VERSION",
  "DOCKER_DEFAULT_PLATFORM",
  // Where the docker client finds its socket in rootless mode, and git/docker their config.
  "XDG_RUNTIME_DIR",
  "XDG_CONFIG_HOME",
  // Proxies and certificate stores of self-hosted runners.
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  // git: which configuration files it reads (the runner's safe.directory settings live there).
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_NOSYSTEM",
  "GIT_CEILING_DIRECTORIES",
  // Windows essentials, harmless elsewhere.
  "SYSTEMROOT",
  "WINDIR",
  "COMSPEC",
  "PATHEXT"
]);
var ALLOWED_PREFIXES = ["LC_"];
function isPassedToChildren(name) {
  return ALLOWED_NAMES.has(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p));
}
function childEnvironment(parent = process.env, extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(parent))
    if (value !== void 0 && isPassedToChildren(name)) env[name] = value;
  return Object.assign(env, extra);
}

// src/iris/process.ts
var KILL_GRACE_SECONDS = 5;
function findOnPath(name, pathVar = process.env.PATH ?? "") {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
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
  const seconds = Math.max(0.1, timeoutMs / 1e3);
  return ["-k", `${KILL_GRACE_SECONDS}s`, `${seconds.toFixed(1)}s`, command, ...args];
}
var PIPE_CLOSE_GRACE_MS = 1e4;
function runCommand(command, args, options) {
  const started = Date.now();
  const env = childEnvironment(process.env, options.env);
  const tool = timeoutCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(tool, timeoutArgs(options.timeoutMs, command, args), {
      env,
      ...options.cwd === void 0 ? {} : { cwd: options.cwd },
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
    const finish = (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      const durationMs = Date.now() - started;
      const status = code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1);
      const timedOut = (status === 124 || status === 137) && durationMs >= options.timeoutMs - 50;
      resolve({
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
    child.on("exit", (code, signal) => {
      exitCode = code ?? exitCode;
      grace = setTimeout(() => {
        out.destroy();
        err.destroy();
        finish(code, signal);
      }, PIPE_CLOSE_GRACE_MS);
    });
    child.on("close", (code, signal) => finish(code ?? exitCode, signal));
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

// src/iris/container.ts
import { randomBytes } from "node:crypto";
import { chmod, lstat, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join as join2 } from "node:path";

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
function parseIrisMajorMinor(version) {
  const m = IRIS_MAJOR_MINOR.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
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
var GIT_COMMIT = /^[0-9a-fA-F]{40}$/;
function isGitCommit(text) {
  return GIT_COMMIT.test(text);
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
      const [, key, value] = m;
      if (at > 0) text.push(line.slice(0, at));
      if (key === STEP_KEY) lastStep = /^\d+$/.test(value) ? Number.parseInt(value, 10) : lastStep;
      else if (key === DONE_KEY) completed = completed || value === "1";
      else {
        values.set(key, value);
        results.push({ key, value });
      }
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values, results, lastStep, completed, text: trimBlankLines(text).join("\n"), objectScriptErrors };
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
    const empty = await mkdtemp(join2(tmpdir(), "ipm-db-dir-"));
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
  /**
   * Copies one regular file out. docker cp copies a link as a link (and a FIFO or device as one):
   * it lands in a fresh directory beside `hostPath`, is checked with lstat, and only a regular file
   * is moved into place, so nothing the container made is ever followed on the host.
   */
  async copyOut(containerPath, hostPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    const staging = await mkdtemp(join2(dirname(hostPath), ".ipm-db-copy-"));
    try {
      const copy = join2(staging, "file");
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
      await rename(copy, hostPath);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  /** A text file's content, copied out with `docker cp` (works on images without cat). */
  async readFile(path) {
    const dir = await mkdtemp(join2(tmpdir(), "ipm-db-read-"));
    try {
      const file = join2(dir, "file");
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
  return new Promise((resolve) => setTimeout(resolve, ms));
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

// src/action/cleanup.ts
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
function cleanup(runId, recorded, docker) {
  return removeRunResources(docker, runId, { recorded, family: true });
}

export {
  IpmDbError,
  UsageError,
  errorMessage,
  describeError,
  registerSecret,
  redact,
  SHA256_HEX_SOURCE,
  DIGEST_SOURCE,
  TAG_SOURCE,
  isSha256Hex,
  isDigest,
  sha256Digest,
  isTag,
  isSemver,
  isPlainVersion,
  isIrisMajorMinor,
  irisMajorMinor,
  parseIrisMajorMinor,
  isModuleName,
  isImageReference,
  imageTag,
  isGitCommit,
  formatDuration,
  escapeHtml,
  markdownText,
  markdownCode,
  markdownLink,
  findOnPath,
  runCommand,
  Docker,
  hasControlCharacter,
  validate,
  isValid,
  validateNamespace,
  quote,
  describeOperation,
  renderScript,
  parseSessionOutput,
  LICENCE_EXPIRED,
  RUN_LABEL,
  WORK_DIR,
  newRunId,
  needsCheckCapsFalse,
  containerNameFor,
  dockerLogin,
  startIris,
  removeRun,
  STATE_RUN_ID,
  STATE_RESOURCES,
  STATE_KEEP,
  ResourceLedger,
  parseResources,
  cleanup
};
