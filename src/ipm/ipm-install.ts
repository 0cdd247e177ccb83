/**
 * Putting IPM into a container's namespace, from an installer XML (`$system.OBJ.Load(file,"ck")`)
 * or from a source tree the way IPM's own CI builds its image (Dockerfile + iris.script of
 * intersystems/ipm): load preload/cls/IPM/Installer.cls, then `##class(IPM.Installer).setup(root, 3)`,
 * every %Status checked.
 */
import { basename } from 'node:path';
import { WORK_DIR } from '../iris/container.js';
import type { Operation } from '../iris/objectscript.js';
import type { Logger } from '../util/log.js';
import { IPM_INSTALLER_CLASS_FILE } from './ipm-source.js';
import type { ResolvedInstaller } from './installer.js';
import { copyFileIn, type IpmTarget } from './operations.js';
import { ipmFailure } from './output.js';

const IPM_DIR = `${WORK_DIR}/ipm`;
/** Where a source tree goes in the container (setup appends "src" to it, so it ends with "/"). */
export const IPM_SOURCE_ROOT = `${IPM_DIR}/source/`;

/** The session that installs a source tree already copied to IPM_SOURCE_ROOT (pure). */
export function sourceInstallOperations(root = IPM_SOURCE_ROOT): Operation[] {
  return [
    { kind: 'loadXml', path: `${root}${IPM_INSTALLER_CLASS_FILE}` },
    { kind: 'ipmInstallerSetup', root },
  ];
}

export async function installIpm(
  target: IpmTarget,
  installer: ResolvedInstaller,
  namespace: string,
  logger: Logger,
  timeoutMs: number,
): Promise<void> {
  // Images pre-create nothing for the driver: the work directory first, then its child.
  await target.files.mkdir(WORK_DIR);
  await target.files.mkdir(IPM_DIR);
  let operations: Operation[];
  if (installer.git) {
    // docker cp keeps the host modes, which unpacking made 0777/0666 (IPM's CI: chmod -R 777).
    await target.files.copyIn(installer.path, IPM_SOURCE_ROOT.replace(/\/$/, ''));
    logger.info(
      `Installing IPM from ${installer.git.repository} commit ${installer.git.commit} (source archive sha256 ${installer.sha256}) into ${namespace}`,
    );
    operations = sourceInstallOperations();
  } else {
    const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$/.test(basename(installer.path))
      ? basename(installer.path)
      : 'ipm-installer.xml';
    await copyFileIn(target.files, installer.path, `${IPM_DIR}/${fileName}`);
    logger.info(
      `Installing IPM from ${installer.url ?? installer.path} (sha256 ${installer.sha256}) into ${namespace}`,
    );
    operations = [{ kind: 'loadXml', path: `${IPM_DIR}/${fileName}` }];
  }
  await target.sessions.run({
    namespace,
    operations,
    timeoutMs,
    classify: (f) => ipmFailure(f, 'ipm-install-failed', timeoutMs),
  });
}
