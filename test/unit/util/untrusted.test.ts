// Untrusted text cannot inject workflow commands into the job log (issue 12, item 6): names are
// escaped onto one line, and output is wrapped in ::stop-commands::<random token>.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderReport } from '../../../src/archive/render-report.js';
import type { VerificationReport } from '../../../src/archive/report.js';
import { actionsCore, coreLogger } from '../../../src/action/core-io.js';
import { main } from '../../../src/cli/main.js';
import type { CliCommandListing } from '../../../src/cli/command.js';
import { parseModuleIdentity } from '../../../src/ipm/manifest.js';
import { printable, withoutWorkflowCommands } from '../../../src/util/untrusted.js';
import { executedCommands } from '../../support/runner-commands.js';

const INJECTION =
  'compiled\n::add-mask::ghs_x\n  ::error file=a.cls::fake\r##[set-output name=x]y\n::stop-commands::abc\n::abc::';

describe('the runner model', () => {
  it('executes commands in raw text, none inside stop-commands', () => {
    expect(executedCommands(INJECTION)).toEqual(['add-mask', 'error', 'set-output']);
    expect(executedCommands(`::stop-commands::t1\n::add-mask::x\n::t1::\n::warning::w`)).toEqual(['warning']);
  });
});

describe('printable', () => {
  it('puts a name on one line, escaping every control character', () => {
    expect(printable('a\n::error::b\r\tc\u0000\u001b[31m\u0085\u2028')).toBe(
      'a\\n::error::b\\r\\tc\\x00\\x1b[31m\\x85\\u2028',
    );
    expect(printable('src/My.App-1.cls')).toBe('src/My.App-1.cls');
  });
});

describe('withoutWorkflowCommands', () => {
  it('wraps text that could hold a command in a fresh stop token the text does not contain', () => {
    const a = withoutWorkflowCommands(INJECTION);
    const b = withoutWorkflowCommands(INJECTION);
    expect(executedCommands(a)).toEqual([]);
    expect(a).toContain(INJECTION);
    const token = /^::stop-commands::(.+)$/m.exec(a)![1]!;
    expect(token).toMatch(/^ipm-db-[0-9a-f]{32}$/);
    expect(b).not.toContain(token);
  });
  it('chooses another token when the text holds the first one', () => {
    const tokens = ['t-in-text', 't-fresh'];
    const wrapped = withoutWorkflowCommands('x ::t-in-text:: y', () => tokens.shift()!);
    expect(wrapped).toBe('::stop-commands::t-fresh\nx ::t-in-text:: y\n::t-fresh::');
  });
  it('leaves text that cannot hold a command as it is', () => {
    expect(withoutWorkflowCommands('load: 3 classes compiled\nok')).toBe('load: 3 classes compiled\nok');
  });
});

describe('the action log', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs no command from IRIS output, progress or errors', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logger = coreLogger(actionsCore(), '[2025.1] ');
    logger.info(INJECTION);
    logger.warn(`module ${INJECTION}`);
    logger.error(INJECTION);
    logger.info('plain progress');
    const out = written.join('');
    expect(out).toContain('plain progress');
    expect(out).toContain('::add-mask::ghs_x');
    expect(executedCommands(out)).toEqual([]);
  });
});

describe('the CLI inside a workflow step', () => {
  const echoing: CliCommandListing = {
    name: 'echo',
    summary: 'writes its argument to stderr',
    load: async () => ({
      name: 'echo',
      summary: '',
      usage: 'echo <text>',
      run: async (argv, io) => {
        io.stderr.write(`${argv[0]}\n`);
        io.stdout.write(`${argv[0]}\n`);
        return 0;
      },
    }),
  };

  async function run(env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks = { stdout: [] as string[], stderr: [] as string[] };
    stdout.on('data', (c: Buffer) => chunks.stdout.push(c.toString()));
    stderr.on('data', (c: Buffer) => chunks.stderr.push(c.toString()));
    await main(['echo', INJECTION], { stdout, stderr, env, cwd: '/' }, [echoing]);
    await new Promise((r) => setImmediate(r));
    return { stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
  }

  it('guards stderr when GITHUB_ACTIONS is true, and leaves stdout (often a file) as it is', async () => {
    const inActions = await run({ GITHUB_ACTIONS: 'true' });
    expect(executedCommands(inActions.stderr)).toEqual([]);
    expect(inActions.stderr).toContain(INJECTION);
    expect(inActions.stdout).toBe(`${INJECTION}\n`);
    const outside = await run({});
    expect(outside.stderr).toBe(`${INJECTION}\n`);
  });
});

describe('the verification report', () => {
  it('shows names from an archive on one line each', () => {
    const report = {
      valid: false,
      archive: { path: '/w/x.tgz', size: 1, uncompressedSize: 1, entryCount: 1, sha256: 'a'.repeat(64) },
      entries: [],
      module: { name: 'evil\n::add-mask::x', version: '1.0.0\n::error::v', packaging: 'database', irisVersion: null },
      irisDat: null,
      checksum: { expected: null, actual: null, match: false, algorithm: null },
      dependencies: [{ name: 'dep\n::warning::d', declaredVersion: null, depsFile: null, packagedVersion: null }],
      builtWithTestResources: null,
      errors: [{ code: 'entry-oversize', entry: 'x\n::error::y', message: 'entry "x\n::error::y" is big' }],
      warnings: [],
      infos: [],
      durationMs: 1,
    } as unknown as VerificationReport;
    const text = renderReport(report);
    expect(executedCommands(text)).toEqual([]);
    expect(text).toContain('evil\\n::add-mask::x');
    expect(text).toContain('x\\n::error::y: entry "x\\n::error::y" is big');
  });
});

describe('a module name refused from module.xml', () => {
  it('is named on one line', () => {
    const xml =
      '<Export><Document name="x.ZPM"><Module><Name>evil&#10;::add-mask::x</Name><Version>1.0.0</Version></Module></Document></Export>';
    const err = (() => {
      try {
        parseModuleIdentity(xml);
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err?.message).toContain('module name "evil\\n::add-mask::x"');
    expect(err?.message).not.toContain('\n');
  });
});
