// The stand-in's IRIS.DAT: a first 8192-byte block holding the "Cache DB" label and a small
// header, then the database content as JSON, zero-padded to a multiple of 8192 bytes (the
// public hints of contract section 3). Routines databases hold classes; globals databases hold
// globals and IPM's own records (modules, update steps), as ^IPM.Storage.* would.
import { existsSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export const BLOCK = 8192;
const LABEL = 'Cache DB';
const FORMAT = 'ipm-db-standin/1';

export interface ClassRecord {
  /** UDL source as loaded (empty for classes an installer XML declared without a body). */
  source: string;
  /** Module that owns it ('' when loaded outside IPM). */
  module: string;
  /** Test-scoped resource (left out of a package unless -dev). */
  testScoped?: boolean;
  /** %Dictionary.ClassDefinition TimeChanged ($horolog form): when the definition was last saved. */
  timeChanged?: string;
}

export interface ModuleRecord {
  name: string;
  /** <ExternalName>, '' when none. */
  externalName?: string;
  version: string;
  packaging: 'module' | 'database';
  root: string;
  developerMode: boolean;
  /** module.xml text as installed (deps/ exports are made from it). */
  manifest: string;
  dependencies: { name: string; version: string }[];
  updatePackage: string;
  lastUpdated: string;
}

export interface UpdateStepRecord {
  ClassName: string;
  MethodName: string;
  PrimaryOnly: boolean;
  TimeStampStart: string;
  TimeStampEnd: string;
  /** "1" when OK, otherwise the error text. */
  Status: string;
}

export interface DatabaseContent {
  classes: Record<string, ClassRecord>;
  /** Global nodes: key is the canonical reference, e.g. ^Demo("a",1). */
  globals: Record<string, string>;
  /** ^IPM.Storage.ModuleItem: installed modules by lower-case name. */
  modules: Record<string, ModuleRecord>;
  /** ^IPM.Storage.UpdateStep: by "<class>||<method>". */
  updateSteps: Record<string, UpdateStepRecord>;
  /** IPM version when this database holds an IPM installed from an installer XML. */
  ipmVersion?: string;
  /** Makes every packaged build's bytes (and checksum) differ. */
  salt?: string;
  createdAt?: string;
}

export function emptyContent(): DatabaseContent {
  return { classes: {}, globals: {}, modules: {}, updateSteps: {} };
}

export function encodeDatabase(content: DatabaseContent): Buffer {
  const payload = Buffer.from(JSON.stringify(content), 'utf8');
  const header = Buffer.alloc(BLOCK, 0);
  header.write(LABEL, 0, 'latin1');
  header.write(JSON.stringify({ format: FORMAT, payloadBytes: payload.length }), 16, 'utf8');
  const total = BLOCK + Math.ceil(payload.length / BLOCK) * BLOCK;
  const out = Buffer.alloc(Math.max(total, 2 * BLOCK), 0);
  header.copy(out, 0);
  payload.copy(out, BLOCK);
  return out;
}

export function decodeDatabase(bytes: Buffer, where = 'IRIS.DAT'): DatabaseContent {
  if (bytes.length < BLOCK || bytes.subarray(0, LABEL.length).toString('latin1') !== LABEL) {
    throw new Error(`${where} is not a database file (no "${LABEL}" label)`);
  }
  const headerText = bytes.subarray(16, BLOCK).toString('utf8').replace(/\0+$/, '');
  const header = JSON.parse(headerText) as { format: string; payloadBytes: number };
  if (header.format !== FORMAT) throw new Error(`${where}: unknown format ${header.format}`);
  const content = JSON.parse(
    bytes.subarray(BLOCK, BLOCK + header.payloadBytes).toString('utf8'),
  ) as Partial<DatabaseContent>;
  return { ...emptyContent(), ...content };
}

export function readDatabase(file: string): DatabaseContent {
  return decodeDatabase(readFileSync(file), file);
}

/** Writes atomically (temp file + rename) so a crash never leaves half a database. */
export function writeDatabase(file: string, content: DatabaseContent): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, encodeDatabase(content));
  renameSync(tmp, file);
}

export function databaseExists(file: string): boolean {
  return existsSync(file);
}
