/**
 * The environment of every child process (docker, git, tar, oras, coreutils timeout): only what
 * those tools read, never the action's INPUT_* values (the registry token among them), nor
 * ACTIONS_* / GITHUB_TOKEN / any other variable a step may hold a secret in. A child that needs a
 * value (a secret for `docker exec -e NAME`) is given it explicitly as `extra`.
 */

/** Variables passed through by exact name. */
const ALLOWED_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TERM',
  // The docker client's own settings (documented in the docker CLI reference, "Environment variables").
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_TLS',
  'DOCKER_API_VERSION',
  'DOCKER_DEFAULT_PLATFORM',
  // Where the docker client finds its socket in rootless mode, and git/docker their config.
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  // Proxies and certificate stores of self-hosted runners.
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  // git: which configuration files it reads (the runner's safe.directory settings live there).
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CEILING_DIRECTORIES',
  // Windows essentials, harmless elsewhere.
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
]);

/** Variables passed through by prefix: the locale. */
const ALLOWED_PREFIXES = ['LC_'];

export function isPassedToChildren(name: string): boolean {
  return ALLOWED_NAMES.has(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p));
}

/** `parent` filtered to the allow-list, plus `extra` (which wins). */
export function childEnvironment(
  parent: Record<string, string | undefined> = process.env,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent))
    if (value !== undefined && isPassedToChildren(name)) env[name] = value;
  return Object.assign(env, extra);
}
