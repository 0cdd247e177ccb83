// A synthetic IPM source tree (not IPM's code: class names and module.xml only) and its
// GitHub-style source archive (`<repo>-<commit>/...`, written by the host's tar in pax format as
// `git archive` does), served from a loopback HTTP server at `<repo>/archive/<commit>.tar.gz`.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { BASE_CLASSES, DEPENDENCY_CODE_MARKER } from '../standin/ipm-installer.js';

const run = promisify(execFile);

export interface SourceTreeOptions {
  version?: string;
  databasePackaging?: boolean;
  /** A hypothetical build that packages the dependencies' code too (ipm-installer.ts DEPENDENCY_CODE_MARKER). */
  dependencyCode?: boolean;
  /** false leaves out preload/cls/IPM/Installer.cls. */
  installer?: boolean;
}

const INSTALLER_CLS = `/// Synthetic stand-in of IPM's preload/cls/IPM/Installer.cls for tests.
Class IPM.Installer Extends %Projection.AbstractProjection
{

ClassMethod setup(ByRef pVars, pLogLevel As %Integer) As %Status [ CodeMode = objectgenerator, Internal ]
{
    quit $$$OK
}

}
`;

function classFile(name: string): string {
  return `Class ${name} Extends %RegisteredObject\n{\n\n}\n`;
}

/** Writes the tree's files under `root`. */
export function writeIpmSourceTree(root: string, options: SourceTreeOptions = {}): void {
  const files = new Map<string, string>();
  if (options.installer !== false) files.set('preload/cls/IPM/Installer.cls', INSTALLER_CLS);
  const packaging = options.databasePackaging !== false;
  const classes = [
    ...BASE_CLASSES,
    ...(packaging ? ['%IPM.Lifecycle.Database'] : []),
    ...(packaging && options.dependencyCode ? [DEPENDENCY_CODE_MARKER] : []),
  ];
  for (const c of classes) files.set(`src/cls/IPM/${c.replace(/^%IPM\./, '').replaceAll('.', '/')}.cls`, classFile(c));
  files.set(
    'module.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Export generator="Cache" version="25">\n<Document name="ZPM.ZPM">\n<Module>\n<Name>ZPM</Name>\n<Version>${options.version ?? '0.10.9-SNAPSHOT'}</Version>\n<ExternalName>IPM</ExternalName>\n<Packaging>module</Packaging>\n<SourcesRoot>src</SourcesRoot>\n</Module>\n</Document>\n</Export>\n`,
  );
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The source archive GitHub would serve for `commit` of a repository named `repoName`. */
export async function ipmSourceArchive(
  commit: string,
  options: SourceTreeOptions & { repoName?: string; topFolder?: string } = {},
): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'ipm-db-ipmsrc-'));
  try {
    const top = options.topFolder ?? `${options.repoName ?? 'ipm'}-${commit}`;
    writeIpmSourceTree(join(dir, top), options);
    await run('tar', ['--format=pax', '-czf', join(dir, 'a.tar.gz'), '-C', dir, top]);
    return readFileSync(join(dir, 'a.tar.gz'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ArchiveServer {
  /** e.g. http://127.0.0.1:34567/intersystems/ipm */
  repository: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `archives` (commit -> bytes) at `/intersystems/ipm/archive/<commit>.tar.gz` on 127.0.0.1. */
export async function serveSourceArchives(archives: Map<string, Buffer>): Promise<ArchiveServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/intersystems\/ipm\/archive\/([0-9a-f]{40})\.tar\.gz$/.exec(req.url ?? '');
    const body = m ? archives.get(m[1]!) : undefined;
    if (!body) {
      res.writeHead(404).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    repository: `http://127.0.0.1:${port}/intersystems/ipm`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
