// An IRIS instance on a durable data directory (Durable %SYS) records the version that last ran it.
// A container of a newer IRIS started on it upgrades the instance in place (the installation
// directory is the image's; the data directory, with the instance's configuration and databases,
// is converted and kept); an older IRIS refuses it, as InterSystems documents: "Upgrading a container
// with durable %SYS" (https://docs.intersystems.com/irislatest/csp/docbook/DocBook.UI.Page.cls?KEY=ADOCK#ADOCK_iris_durable_upgrade)
// and "downgrades are not supported" (https://docs.intersystems.com/irislatest/csp/docbook/DocBook.UI.Page.cls?KEY=GCI_upgrade).
// The message texts are the stand-in's own (not checked against a running IRIS).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from './instance.js';
import { irisVersion } from './instance.js';
import { compareVersions } from './versions.js';

const VERSION_FILE = 'standin-instance-version';

export type VersionCheck =
  | { kind: 'new' | 'same'; version: string }
  | { kind: 'upgraded'; from: string; version: string }
  | { kind: 'refused'; recorded: string; version: string };

/** Compares the version recorded in the data directory with this image's, upgrading or refusing. */
export function checkInstanceVersion(inst: Instance): VersionCheck {
  const file = join(inst.mgr, VERSION_FILE);
  const version = irisVersion(inst.env).number;
  const recorded = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (recorded === '') {
    writeFileSync(file, `${version}\n`);
    return { kind: 'new', version };
  }
  const d = compareVersions(version, recorded);
  if (d === 0) return { kind: 'same', version };
  if (d < 0) return { kind: 'refused', recorded, version };
  inst.log(`Upgrading instance data in ${inst.mgr} from IRIS ${recorded} to ${version}`);
  writeFileSync(file, `${version}\n`);
  return { kind: 'upgraded', from: recorded, version };
}
