/**
 * Which docker network the pipeline's IRIS container joins when none was asked for. IRIS listens
 * on its superserver and web ports; on `host` they open on every interface of the runner. The
 * default publishes nothing: `none` when nothing in the container needs the network, the default
 * `bridge` (outbound traffic, no published ports) when IPM must download something, and `host`
 * only when asked for or when IRIS itself must reach a registry on the runner's loopback (which a
 * bridged container cannot see).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseModuleXml } from '../ipm/manifest.js';

export interface NetworkNeeds {
  /** The network the user asked for (CLI --network, pipeline option); wins over everything. */
  requested?: string | undefined;
  /** Something in the container downloads from the internet (Python wheels, dependencies from IPM's repositories). */
  outbound: boolean;
  /** A registry IRIS itself talks to (an IPM repository), as host[:port] or URL. */
  irisRegistry?: string | undefined;
}

export interface NetworkChoice {
  network: string;
  why: string;
}

/** host, localhost, 127.0.0.0/8 and ::1 name the runner itself. */
export function isLoopbackHost(registry: string): boolean {
  const withoutScheme = registry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = withoutScheme.split('/')[0] ?? '';
  const host = authority.startsWith('[') ? authority.slice(1, authority.indexOf(']')) : authority.split(':')[0]!;
  return /^localhost$/i.test(host) || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/** The network for the IRIS container (pure). */
export function chooseNetwork(needs: NetworkNeeds): NetworkChoice {
  if (needs.requested) return { network: needs.requested, why: 'asked for' };
  if (needs.irisRegistry && isLoopbackHost(needs.irisRegistry))
    return { network: 'host', why: `IRIS must reach the registry ${needs.irisRegistry} on the runner's loopback` };
  if (needs.outbound) return { network: 'bridge', why: 'IPM downloads from the internet; no port is published' };
  return { network: 'none', why: 'nothing in the container needs the network' };
}

/**
 * Whether loading and packaging `moduleDir` downloads anything: Python wheels
 * (`package-database` runs `pip download -r requirements.txt` unless -no-export-python-deps), or
 * dependencies, which IPM resolves from `.modules/` when the module has one and otherwise from its
 * configured repositories.
 */
export async function needsOutbound(moduleDir: string, exportPythonDeps: boolean): Promise<boolean> {
  const exists = (name: string) =>
    stat(join(moduleDir, name)).then(
      () => true,
      () => false,
    );
  if (exportPythonDeps && (await exists('requirements.txt'))) return true;
  return (await declaresDependencies(moduleDir)) && !(await exists('.modules'));
}

/** Whether module.xml lists a dependency; false when it cannot be read (the start stage fails on it). */
async function declaresDependencies(moduleDir: string): Promise<boolean> {
  try {
    return parseModuleXml(await readFile(join(moduleDir, 'module.xml'), 'utf8')).dependencies.length > 0;
  } catch {
    return false;
  }
}
