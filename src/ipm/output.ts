/**
 * What the driver reads from IPM's output (contract section 4), and how IPM's error text
 * becomes a stable error code. Pure. Success is decided by the session's exit status,
 * never by this text; these functions only extract values and explain failures.
 */
import { IpmDbError } from '../util/errors.js';
import { SHA256_HEX_SOURCE } from '../naming/grammar.js';
import type { SessionFailure } from '../iris/session.js';
import { lastErrorLine } from '../iris/session.js';
import { formatDuration } from '../util/format.js';

export interface PackageOutput {
  checksum: string | null;
  archivePath: string | null;
}

const CHECKSUM_LINE = new RegExp(`^\\s*Checksum:\\s*(${SHA256_HEX_SOURCE})\\s*$`);

export function parsePackageOutput(text: string): PackageOutput {
  const lines = text.split('\n');
  let checksum: string | null = null;
  let archivePath: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = CHECKSUM_LINE.exec(line);
    if (c) checksum = c[1]!.toLowerCase();
    if (/^\s*Database package generated:\s*$/.test(line)) {
      const next = lines[i + 1];
      if (next !== undefined && next.trim() !== '') archivePath = next.trim();
    }
  }
  return { checksum, archivePath };
}

export interface SwapOutput {
  namespace: string | null;
  backupPath: string | null;
}

export function parseSwapOutput(text: string): SwapOutput {
  const ns = /Database swap complete for namespace (\S+)/.exec(text);
  const backup = /^\s*Backup:\s*(\S.*?)\s*$/m.exec(text);
  return { namespace: ns ? ns[1]! : null, backupPath: backup ? backup[1]! : null };
}

/** IPM/installer messages (contract section 4 table and Main.cls) and their stable codes. */
export const IPM_ERRORS: Array<{ code: string; pattern: RegExp; hint: string }> = [
  {
    code: 'package-missing-iris-dat',
    pattern: /Database package is missing IRIS\.DAT/i,
    hint: 'The archive is incomplete: rebuild it with package-database.',
  },
  {
    code: 'package-missing-module-xml',
    pattern: /Database package is missing module\.xml/i,
    hint: 'The archive is incomplete: rebuild it with package-database.',
  },
  {
    code: 'not-a-database-package',
    pattern: /does not declare <Packaging>database<\/Packaging>/i,
    hint: 'Install a .tgz written by package-database, not a source package.',
  },
  {
    code: 'package-missing-deps',
    pattern: /Database package is missing deps\/ directory/i,
    hint: 'The archive is incomplete: rebuild it with package-database.',
  },
  {
    code: 'package-missing-checksum',
    pattern: /module\.xml is missing <Checksum> element/i,
    hint: 'The module.xml was not written by package-database; rebuild the archive.',
  },
  {
    code: 'checksum-mismatch',
    pattern: /IRIS\.DAT SHA-256 mismatch/i,
    hint: 'IRIS.DAT changed after packaging: the archive is corrupt or was tampered with.',
  },
  {
    code: 'iris-version-mismatch',
    pattern: /cannot be installed on the current version/i,
    hint: 'A database package installs only on the IRIS major.minor it was built on: build one per IRIS version.',
  },
  {
    code: 'second-database-package',
    pattern: /A database package \(.*\) is already installed in this namespace/i,
    hint: 'Only one database package per namespace: install into a fresh namespace.',
  },
  {
    code: 'ipm-not-mapped',
    pattern: /IPM must be mapped from another namespace/i,
    hint: 'Install IPM in its own namespace and map it (the driver does this); do not install IPM into the target routines database.',
  },
  {
    code: 'mirrored-database',
    pattern: /not currently supported for mirrored databases/i,
    hint: 'Use a namespace whose routines database is not mirrored.',
  },
  {
    code: 'dev-mode-install',
    pattern: /Database packages cannot be installed in developer mode/i,
    hint: 'Install without -dev.',
  },
  {
    code: 'use-update',
    pattern: /Please use the 'update' command instead/i,
    hint: 'The module has update steps: upgrade it with "update <module> -path <tgz> -swap-db".',
  },
  {
    code: 'swap-cancelled',
    pattern: /Database swap cancelled by user/i,
    hint: 'Pass -swap-db (the driver always does).',
  },
  { code: 'only-database-package', pattern: /is only available as a database package/i, hint: 'Re-run with -swap-db.' },
  {
    // Later pull-request code (ReportPostSwapFailure): a failure after the swap, then a rollback.
    code: 'install-rolled-back',
    pattern: /Attempting to roll back system state/i,
    hint: 'IPM failed after swapping the database and tried to restore the previous state: read the error above the rollback lines.',
  },
];

/**
 * The IPM error text of a failed session: `ERROR! ...` first, then the text after a later IPM's
 * `ERROR: encountered an error:`, then `ERROR #n: ...`.
 */
export function ipmErrorText(text: string): string | null {
  const ipm = lastErrorLine(text);
  if (ipm && !/^ERROR #\d+:/.test(ipm)) return ipm;
  const encountered = /ERROR: encountered an error:\s*(.*)$/m.exec(text);
  if (encountered && encountered[1]!.trim()) return encountered[1]!.trim();
  return ipm;
}

/** The stable code for IPM's error text, or null. */
export function classifyIpmMessage(text: string): { code: string; hint: string } | null {
  for (const e of IPM_ERRORS) if (e.pattern.test(text)) return { code: e.code, hint: e.hint };
  return null;
}

/** A failed IPM session as an IpmDbError whose message is IPM's own error text. */
export function ipmFailure(failure: SessionFailure, fallbackCode: string, timeoutMs?: number): IpmDbError {
  const text = failure.output.text;
  const details = [text, failure.stderr].filter(Boolean).join('\n');
  if (failure.reason === 'timeout')
    return new IpmDbError(
      'session-timeout',
      `${failure.running} did not finish${timeoutMs ? ` within ${formatDuration(timeoutMs)}` : ''}; the session was stopped.`,
      {
        hint: 'The command hung or needs more time: raise the timeout, or read the IRIS output below.',
        details,
      },
    );
  const error = ipmErrorText(text);
  const known = classifyIpmMessage(error ?? text) ?? classifyIpmMessage(text);
  if (failure.reason === 'ended-early' && !error)
    return new IpmDbError('session-ended-early', `The IRIS session ended before ${failure.running} finished.`, {
      hint: 'IRIS stopped or the session was cut off; read the IRIS output below.',
      details,
    });
  if (failure.reason === 'objectscript-error' && !error)
    return new IpmDbError(
      'objectscript-error',
      `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}.`,
      { details },
    );
  const message = error
    ? `${failure.running} failed: ${error}`
    : `${failure.running} failed (exit ${failure.exitCode}) without an error message.`;
  return new IpmDbError(known?.code ?? fallbackCode, message, { ...(known ? { hint: known.hint } : {}), details });
}
