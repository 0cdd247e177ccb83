/**
 * Modules with a requirements.txt: IPM's package-database exports their Python dependencies by
 * default (Lifecycle/Base.cls InstallOrDownloadPythonRequirements: `pip download -r requirements.txt
 * -d <module root>/wheels`), which needs network from inside the container. Without network the
 * driver stops before packaging with this message instead of letting pip fail, and never ships a
 * package silently without its wheels: the user chooses network or `export-python-deps: false`.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import type { IrisContainer } from '../iris/container.js';

export async function hasRequirementsTxt(moduleDir: string): Promise<boolean> {
  try {
    await access(join(moduleDir, 'requirements.txt'));
    return true;
  } catch {
    return false;
  }
}

/** The container's network mode as Docker reports it ("none", "host", "bridge", a network name). */
export async function networkMode(container: IrisContainer): Promise<string> {
  const r = await container.docker.check('docker-inspect-failed', `Inspecting ${container.name}`, [
    'inspect',
    '--format',
    '{{.HostConfig.NetworkMode}}',
    container.name,
  ]);
  return r.stdout.trim();
}

/** The refusal for a module with requirements.txt in a container without network, or null. */
export function pythonDepsWithoutNetwork(
  moduleName: string,
  requirements: boolean,
  exportPythonDeps: boolean,
  mode: string,
): IpmDbError | null {
  if (!requirements || !exportPythonDeps || mode !== 'none') return null;
  return new IpmDbError(
    'python-deps-need-network',
    `${moduleName} has a requirements.txt, and package-database downloads its Python dependencies with pip into the package (wheels/), but the IRIS container has no network (--network none).`,
    {
      hint: 'Run the container with a network that reaches your Python package index, or set export-python-deps: false (--no-export-python-deps) to package without the wheels (then install them yourself where the package is installed).',
    },
  );
}
