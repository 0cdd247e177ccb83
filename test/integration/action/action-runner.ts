/**
 * Runs the bundled action the way the runner does: `node dist/index.js` (then `dist/post.js`)
 * as a child process with INPUT_* variables (action.yml defaults applied, `${{ }}` defaults
 * evaluated against a simulated github context), file commands in a temp dir (GITHUB_OUTPUT,
 * GITHUB_STATE, GITHUB_STEP_SUMMARY), GITHUB_EVENT_PATH/NAME and RUNNER_TEMP; the main step's
 * saved state is handed to the post step as STATE_* variables.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readActionMetadata } from '../../support/action-metadata.js';
import { actionNode } from '../../support/node-binaries.js';

export interface SimulatedContext {
  workspace: string;
  eventName: string;
  event: Record<string, unknown>;
  repository: string;
  actor: string;
  token: string;
  serverUrl: string;
  job: string;
  /** Repository/organisation variables (`vars.NAME`). */
  vars: Record<string, string>;
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  durationMs: number;
}

const ROOT = process.cwd();

export function defaultContext(workspace: string, overrides: Partial<SimulatedContext> = {}): SimulatedContext {
  return {
    workspace,
    eventName: 'push',
    event: { repository: { full_name: 'acme/demo' } },
    repository: 'acme/demo',
    actor: 'octocat',
    token: 'ghs_simulatedJobToken0123456789',
    serverUrl: 'https://github.com',
    job: 'build',
    vars: {},
    ...overrides,
  };
}

function contextValue(ctx: SimulatedContext, path: string): string {
  const values: Record<string, string> = {
    'github.token': ctx.token,
    'secrets.GITHUB_TOKEN': ctx.token,
    'github.repository': ctx.repository,
    'github.repository_owner': ctx.repository.split('/')[0] ?? '',
    'github.actor': ctx.actor,
    'github.server_url': ctx.serverUrl,
    'github.event_name': ctx.eventName,
    'github.workspace': ctx.workspace,
  };
  if (path.startsWith('vars.') && path.slice(5) in ctx.vars) return ctx.vars[path.slice(5)]!;
  if (!(path in values)) throw new Error(`the simulated context has no ${path}`);
  return values[path]!;
}

/** Evaluates the `${{ ... }}` forms the docs and action.yml use: a context path, or `path == 'literal'`. */
export function evaluate(text: string, ctx: SimulatedContext): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, expr: string) => {
    const eq = /^([\w.]+)\s*==\s*'([^']*)'$/.exec(expr);
    if (eq) return String(contextValue(ctx, eq[1]!) === eq[2]);
    if (/^[\w.]+$/.test(expr)) return contextValue(ctx, expr);
    throw new Error(`unsupported expression ${expr}`);
  });
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files (`name<<delimiter` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      out[m[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (/^[^=]+=/.test(lines[i]!)) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

/** The harness's own limits: it kills a step that runs longer (SIGKILL) and returns what it printed. */
export const MAIN_STEP_LIMIT_MS = 300_000;
export const POST_STEP_LIMIT_MS = 120_000;
/**
 * What a test that runs main then post may take: the harness's limits plus time to read the result.
 * A test's own timeout must not be shorter, or a slow machine ends it before the harness can report
 * what the action printed.
 */
export const ACTION_RUN_BUDGET_MS = MAIN_STEP_LIMIT_MS + POST_STEP_LIMIT_MS + 30_000;

export class ActionHarness {
  private constructor(
    readonly dir: string,
    readonly ctx: SimulatedContext,
    readonly extraEnv: Record<string, string>,
  ) {}

  static async create(ctx: SimulatedContext, extraEnv: Record<string, string> = {}): Promise<ActionHarness> {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-action-'));
    await mkdir(join(dir, 'runner-temp'));
    return new ActionHarness(dir, ctx, extraEnv);
  }

  private inputEnv(withInputs: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    const meta = readActionMetadata(ROOT);
    for (const input of meta.inputs) {
      const given = withInputs[input.name];
      const value = given !== undefined ? evaluate(given, this.ctx) : evaluate(input.default ?? '', this.ctx);
      env[`INPUT_${input.name.toUpperCase()}`] = value;
    }
    for (const name of Object.keys(withInputs))
      if (!meta.inputs.some((i) => i.name === name)) throw new Error(`action.yml has no input ${name}`);
    return env;
  }

  private async step(
    entry: string,
    env: Record<string, string>,
    label: string,
    timeoutMs: number,
    killWhen?: (state: Record<string, string>) => Promise<boolean>,
  ): Promise<StepResult> {
    const files = join(this.dir, label);
    await mkdir(files, { recursive: true });
    const paths = {
      out: join(files, 'output'),
      state: join(files, 'state'),
      summary: join(files, 'summary.md'),
      event: join(files, 'event.json'),
    };
    for (const p of [paths.out, paths.state, paths.summary]) await writeFile(p, '');
    await writeFile(paths.event, JSON.stringify(this.ctx.event));
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? this.dir,
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: this.ctx.workspace,
      GITHUB_REPOSITORY: this.ctx.repository,
      GITHUB_REPOSITORY_OWNER: this.ctx.repository.split('/')[0] ?? '',
      GITHUB_ACTOR: this.ctx.actor,
      GITHUB_SERVER_URL: this.ctx.serverUrl,
      GITHUB_EVENT_NAME: this.ctx.eventName,
      GITHUB_EVENT_PATH: paths.event,
      GITHUB_JOB: this.ctx.job,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_OUTPUT: paths.out,
      GITHUB_STATE: paths.state,
      GITHUB_STEP_SUMMARY: paths.summary,
      RUNNER_TEMP: join(this.dir, 'runner-temp'),
      RUNNER_OS: 'Linux',
      ...this.extraEnv,
      ...env,
    };
    const started = Date.now();
    const child = spawn(actionNode(), [join(ROOT, entry)], {
      cwd: this.ctx.workspace,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    if (killWhen) {
      // A crash or cancellation: SIGKILL once the condition holds (polled, bounded by timeoutMs).
      let done = false;
      void closed.then(() => (done = true));
      for (let i = 0; !done && i < timeoutMs / 200; i++) {
        if (await killWhen(parseFileCommands(await readFile(paths.state, 'utf8')))) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const code = await closed;
    clearTimeout(timer);
    return {
      code,
      stdout,
      stderr,
      outputs: parseFileCommands(await readFile(paths.out, 'utf8')),
      state: parseFileCommands(await readFile(paths.state, 'utf8')),
      summary: await readFile(paths.summary, 'utf8'),
      durationMs: Date.now() - started,
    };
  }

  /** The main step with the given `with:` inputs. */
  main(
    withInputs: Record<string, string>,
    opts: { timeoutMs?: number; killWhen?: (state: Record<string, string>) => Promise<boolean> } = {},
  ): Promise<StepResult> {
    return this.step(
      'dist/index.js',
      this.inputEnv(withInputs),
      `main-${Date.now()}`,
      opts.timeoutMs ?? MAIN_STEP_LIMIT_MS,
      opts.killWhen,
    );
  }

  /** The post step, given the state the main step saved (as the runner passes it: STATE_<name>). */
  post(state: Record<string, string>, timeoutMs = POST_STEP_LIMIT_MS): Promise<StepResult> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    return this.step('dist/post.js', env, `post-${Date.now()}`, timeoutMs);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
