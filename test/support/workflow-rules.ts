/**
 * Structural rules every workflow in this repository must keep, as pure functions over the YAML
 * text: each returns the list of broken rules (empty when the file is fine), so a test can show
 * both that the real files pass and that a deliberately broken file is caught.
 */
import { parse } from 'yaml';
import { STARTER_WORKFLOW_REFERENCE } from '../../src/workflow/reference.js';

type Dict = Record<string, unknown>;

export interface ActionMetadata {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
}

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Dict;
  if?: string;
}

export interface Job {
  id: string;
  uses?: string;
  with?: Dict;
  if?: string;
  permissions?: unknown;
  steps: Step[];
}

export interface Workflow {
  on: Dict;
  permissions: unknown;
  jobs: Job[];
  text: string;
}

const SHA_PINNED_RE = /^[^@\s]+@[0-9a-f]{40}$/;
/** The local path the reusable workflow checks this repository's action out to. */
export const ACTION_CHECKOUT_PATH = './.ipm-database-action';

function asDict(v: unknown): Dict {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {};
}

/** `on:` as a mapping whatever its form ("push", ["push", "pull_request"] or a mapping). */
function triggers(raw: unknown): Dict {
  if (typeof raw === 'string') return { [raw]: null };
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((e) => [String(e), null]));
  return asDict(raw);
}

export function parseWorkflowText(text: string): Workflow {
  const doc = asDict(parse(text));
  const jobs = Object.entries(asDict(doc.jobs)).map(([id, raw]) => {
    const j = asDict(raw);
    const steps = Array.isArray(j.steps) ? (j.steps as unknown[]).map((s) => asDict(s) as Step) : [];
    return { ...(j as Omit<Job, 'id' | 'steps'>), id, steps };
  });
  // YAML reads a bare `on` key as the boolean true in some dialects; the yaml package keeps "on".
  return { on: triggers(doc.on ?? doc.true), permissions: doc.permissions, jobs, text };
}

export function parseActionText(text: string): ActionMetadata {
  const doc = asDict(parse(text));
  return { inputs: asDict(doc.inputs) as ActionMetadata['inputs'] };
}

/** Inputs of a `workflow_call` trigger, with their declared types and defaults. */
export function callInputs(wf: Workflow): Record<string, { type?: string; default?: unknown; description?: string }> {
  return asDict(asDict(wf.on.workflow_call).inputs) as Record<string, { type?: string; default?: unknown }>;
}

/**
 * Every `with:` key given to this repository's action (checked out by the reusable workflow, or
 * `uses: ./` in this repository's own CI) exists in action.yml; every required input is given.
 */
export function actionInputProblems(wf: Workflow, action: ActionMetadata): string[] {
  const problems: string[] = [];
  const actionSteps = wf.jobs
    .flatMap((j) => j.steps.map((s) => ({ job: j.id, step: s })))
    .filter(({ step }) => step.uses === ACTION_CHECKOUT_PATH || step.uses === './');
  for (const { job, step } of actionSteps) {
    const given = Object.keys(step.with ?? {});
    for (const key of given)
      if (!(key in action.inputs)) problems.push(`job ${job}: with.${key} is not an input of action.yml`);
    for (const [name, spec] of Object.entries(action.inputs))
      if (spec.required === true && spec.default === undefined && !given.includes(name))
        problems.push(`job ${job}: the action's required input ${name} is not given`);
  }
  const declared = Object.keys(callInputs(wf));
  for (const m of wf.text.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g))
    if (wf.on.workflow_call !== undefined && !declared.includes(m[1] ?? ''))
      problems.push(`inputs.${m[1]} is used but not declared under workflow_call.inputs`);
  if (wf.on.workflow_call !== undefined)
    for (const name of declared)
      if (!new RegExp(`\\binputs\\.${name.replace(/-/g, '\\-')}\\b(?!-)`).test(wf.text))
        problems.push(`workflow_call input ${name} is declared but never used`);
  return [...new Set(problems)];
}

/** The steps of this repository's action in `wf` (for tests asserting they exist). */
export function actionStepCount(wf: Workflow): number {
  return wf.jobs.flatMap((j) => j.steps).filter((s) => s.uses === ACTION_CHECKOUT_PATH).length;
}

function writesPackages(permissions: unknown): boolean {
  if (permissions === 'write-all') return true;
  return asDict(permissions).packages === 'write';
}

/** A job that calls this project's reusable workflow (by release reference or local path). */
function callsReusable(job: Job): boolean {
  return job.uses !== undefined && /(^\.\/|\/)\.github\/workflows\/ipm-database\.yml(@|$)/.test(job.uses);
}

/**
 * Least privilege: `permissions: {}` at the top, explicit permissions on every job that runs steps,
 * and packages: write only on the job named `publish` (reusable workflow) or on a job calling the
 * reusable workflow (GitHub requires a caller to grant every permission a called job requests, even
 * one that its `if:` skips; the called jobs keep their own narrower permissions).
 */
export function permissionProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const top = wf.permissions;
  if (!top || typeof top !== 'object' || Object.keys(top as Dict).length !== 0)
    problems.push('the top-level permissions are not {}');
  for (const job of wf.jobs) {
    if (job.permissions === undefined) problems.push(`job ${job.id} declares no permissions`);
    if (!writesPackages(job.permissions)) continue;
    const callsPublishingWorkflow =
      job.uses !== undefined && job.with?.publish !== undefined && job.with.publish !== false;
    if (job.id !== 'publish' && !callsPublishingWorkflow && !callsReusable(job))
      problems.push(`job ${job.id} has packages: write`);
  }
  return problems;
}

const ATTEST_ACTIONS = ['actions/attest-build-provenance', 'actions/attest'];

/**
 * Attestations: id-token and attestations write only where a package is published (the reusable
 * workflow's `publish` job, or a caller of a publishing reusable workflow, which must grant both);
 * every attest step keeps attestations out of the package repository (push-to-registry: false).
 */
export function attestationProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const job of wf.jobs) {
    const p = asDict(job.permissions);
    const signs = p['id-token'] === 'write' || p.attestations === 'write' || job.permissions === 'write-all';
    const publishingCaller = job.uses !== undefined && job.with?.publish !== undefined && job.with.publish !== false;
    const attests = job.steps.some((s) => ATTEST_ACTIONS.includes((s.uses ?? '').split('@')[0]!));
    if (signs && job.id !== 'publish' && !publishingCaller && !callsReusable(job))
      problems.push(`job ${job.id} has id-token or attestations write without publishing`);
    if ((publishingCaller || attests) && (p['id-token'] !== 'write' || p.attestations !== 'write'))
      problems.push(`job ${job.id} attests but lacks id-token: write and attestations: write`);
    for (const step of job.steps) {
      if (!ATTEST_ACTIONS.includes((step.uses ?? '').split('@')[0]!)) continue;
      if (String(step.with?.['push-to-registry']) !== 'false')
        problems.push(`job ${job.id}: ${step.uses} does not set push-to-registry: false`);
    }
  }
  return problems;
}

const PR_EVENTS = ['pull_request', 'pull_request_target'];

/** The condition names every pull-request event that can trigger the workflow as excluded. */
function excludesPullRequests(condition: unknown, events: readonly string[]): boolean {
  const text = String(condition ?? '').replace(/\s+/g, ' ');
  // A disjunction could switch the guard off; only a plain conjunction counts.
  return !text.includes('||') && events.every((e) => text.includes(`github.event_name != '${e}'`));
}

/** Pull-request events that can start this file: a called workflow inherits any of its caller's. */
function pullRequestEvents(wf: Workflow): string[] {
  return 'workflow_call' in wf.on ? PR_EVENTS : PR_EVENTS.filter((e) => e in wf.on);
}

function publishesInStep(step: Step): boolean {
  const run = step.run ?? '';
  if (/\bpublish\b/.test(run) && /(cli\.js|ipm-db)\s+publish\b/.test(run)) return true;
  if (step.uses === ACTION_CHECKOUT_PATH) return String(step.with?.publish ?? 'false') !== 'false';
  return false;
}

/** No path that publishes can run for a pull request. */
export function pullRequestPublishProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const events = pullRequestEvents(wf);
  for (const job of wf.jobs) {
    const canPublish = writesPackages(job.permissions) || job.steps.some(publishesInStep);
    if (job.uses !== undefined) {
      const publish = job.with?.publish;
      if (publish === undefined || publish === false || publish === 'false') continue;
      const guarded = typeof publish === 'string' && excludesPullRequests(publish, events);
      if (events.length > 0 && !guarded)
        problems.push(`job ${job.id} passes publish: ${String(publish)} on a workflow triggered by pull requests`);
      continue;
    }
    if (!canPublish) continue;
    if (events.length > 0 && !excludesPullRequests(job.if, events))
      problems.push(`job ${job.id} can publish but its if: does not exclude pull_request and pull_request_target`);
    for (const step of job.steps)
      if (step.uses === ACTION_CHECKOUT_PATH && publishesInStep(step))
        problems.push(`job ${job.id} runs the action with publish on`);
  }
  return problems;
}

/** Every `uses:` is a local path or pinned to a full commit SHA (starters may name this project's release). */
export function pinProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const all = [
    ...wf.jobs.filter((j) => j.uses !== undefined).map((j) => ({ where: `job ${j.id}`, uses: j.uses as string })),
    ...wf.jobs.flatMap((j) =>
      j.steps.filter((s) => s.uses !== undefined).map((s) => ({ where: `job ${j.id}`, uses: s.uses as string })),
    ),
  ];
  for (const { where, uses } of all) {
    if (uses.startsWith('./')) continue;
    if (uses.startsWith('docker://') && /@sha256:[0-9a-f]{64}$/.test(uses)) continue;
    if (uses === STARTER_WORKFLOW_REFERENCE) continue;
    if (!SHA_PINNED_RE.test(uses)) problems.push(`${where}: ${uses} is not pinned to a full commit SHA`);
  }
  return problems;
}

/** No expression inside run: text; values go through env: and are read as "$VAR". */
export function runInterpolationProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const job of wf.jobs)
    for (const step of job.steps) {
      const run = step.run ?? '';
      for (const m of run.matchAll(/\$\{\{([^}]*)\}\}/g)) {
        const expr = (m[1] ?? '').trim();
        const kind = /\bsecrets\./.test(expr) ? 'a secret' : /\binputs\./.test(expr) ? 'an input' : 'an expression';
        problems.push(
          `job ${job.id}, step "${step.name ?? step.uses ?? 'run'}": ${kind} is interpolated into run: (${expr})`,
        );
      }
    }
  return problems;
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

/**
 * A caller grants at least every permission any job of the called reusable workflow requests:
 * GitHub refuses to start the run otherwise ("The nested job ... is requesting ..., but is only
 * allowed ..."), whether or not that job would run.
 */
export function callerGrantProblems(wf: Workflow, reusable: Workflow): string[] {
  const requested: Record<string, number> = {};
  for (const job of reusable.jobs)
    for (const [scope, level] of Object.entries(asDict(job.permissions)))
      requested[scope] = Math.max(requested[scope] ?? 0, LEVEL[String(level)] ?? 0);
  const problems: string[] = [];
  for (const job of wf.jobs.filter(callsReusable)) {
    const granted = asDict(job.permissions);
    for (const [scope, level] of Object.entries(requested))
      if ((LEVEL[String(granted[scope] ?? 'none')] ?? 0) < level)
        problems.push(
          `job ${job.id} grants ${scope}: ${String(granted[scope] ?? 'none')}, but the reusable workflow requests ${scope}: ${level === 2 ? 'write' : 'read'}`,
        );
  }
  return problems;
}

/** Every rule at once, for one workflow. */
export function allWorkflowProblems(wf: Workflow, action: ActionMetadata): string[] {
  return [
    ...actionInputProblems(wf, action),
    ...permissionProblems(wf),
    ...pullRequestPublishProblems(wf),
    ...pinProblems(wf),
    ...runInterpolationProblems(wf),
  ];
}
