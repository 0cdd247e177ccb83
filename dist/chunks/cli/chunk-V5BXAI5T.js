import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

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

export {
  childEnvironment
};
