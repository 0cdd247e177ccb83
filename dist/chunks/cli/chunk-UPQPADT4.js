import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IpmDbError
} from "./chunk-PS7E4X32.js";

// src/util/file-hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256OfFile(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest("hex");
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

export {
  sha256OfFile,
  findOnPath,
  runCommand,
  childProcessRunner
};
