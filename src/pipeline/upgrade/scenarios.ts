/**
 * The upgrade scenarios: install the previous release (or nothing), write data, fingerprint,
 * upgrade to the new package, fingerprint again, and judge data, update steps, module state,
 * checks and the swap backup. Every scenario returns a result, failed or not; nothing throws out.
 */
import { describeError, IpmDbError } from '../../util/errors.js';
import type { Logger } from '../../util/log.js';
import { attributeChanges, undeclaredChangeProblems } from './declared.js';
import { diffFingerprints, selectGlobals, toDataFingerprint } from './fingerprint.js';
import {
  checkLine,
  expectedStepsLine,
  fileExistsLine,
  fingerprintGlobalLine,
  formatClassMethod,
  listGlobalsLine,
  moduleStateLine,
  seedLine,
  updateStepLines,
} from './objectscript.js';
import { type UpgradeOptions, previousReference } from './settings.js';
import {
  parseChecks,
  parseExpectedSteps,
  parseFileExists,
  parseFingerprints,
  parseGlobalNames,
  parseModuleState,
  parseSeeded,
  parseUpdateSteps,
  reportedErrors,
  throwOnReportedErrors,
} from './parse.js';
import type { SwapInfo, UpgradeEnvironment, UpgradeIris } from './ports.js';
import {
  type ClassState,
  changedClasses,
  changedClassProblems,
  parseClassStates,
  routinesClassesLine,
} from './class-drift.js';
import {
  type LostGlobal,
  lostGlobalProblems,
  parseLostGlobals,
  parseRoutinesGlobals,
  routinesGlobalNodesLine,
  routinesGlobalsLine,
} from './swap-loss.js';
import { judgeSteps, rowsOfPackage, stepProblems, stepsThatRan } from './steps.js';
import type {
  CheckResult,
  DataFingerprint,
  ModuleState,
  UpdateStepRow,
  UpgradeScenario,
  UpgradeScenarioResult,
} from './results.js';

/** The release under test: the package the pipeline just built and verified. */
export interface NewRelease {
  moduleName: string;
  version: string;
  packagePath: string;
  /** `<UpdatePackage>` of its module.xml; null when it declares no update steps. */
  updatePackage: string | null;
  /** IRIS major.minor the package was built on (and the previous release must match). */
  irisMajorMinor: string;
}

interface Snapshot {
  module: ModuleState | null;
  steps: UpdateStepRow[];
  fingerprint: DataFingerprint;
  globals: string[];
}

export class Scenario {
  readonly result: UpgradeScenarioResult;
  private readonly started = Date.now();
  /** Checks left out of the verdict, with what they returned when they were left out. */
  private readonly unjudged = new Map<string, string>();

  constructor(
    scenario: UpgradeScenarioResult['scenario'],
    previous: UpgradeScenarioResult['previous'],
    private readonly options: UpgradeOptions,
    private readonly release: NewRelease,
  ) {
    this.result = {
      scenario,
      ok: false,
      message: '',
      previous,
      namespace: null,
      moduleBefore: null,
      moduleAfter: null,
      before: null,
      after: null,
      changes: [],
      steps: [],
      checks: [],
      backup: null,
      problems: [],
      durationMs: 0,
    };
  }

  async snapshot(
    iris: UpgradeIris,
    namespace: string,
    alsoGlobals: readonly string[],
    when: string,
  ): Promise<Snapshot> {
    const listing = await iris.run(namespace, [listGlobalsLine()], `listing the globals ${when}`);
    throwOnReportedErrors(listing, `Listing the globals ${when}`);
    const globals = [
      ...new Set([...selectGlobals(parseGlobalNames(listing), this.options.globals), ...alsoGlobals]),
    ].sort();
    const lines = [
      moduleStateLine(this.release.moduleName),
      ...updateStepLines(),
      ...globals.map((g) => fingerprintGlobalLine(g, this.options.nodeLimit)),
    ];
    const output = await iris.run(namespace, lines, `fingerprinting the data ${when}`);
    throwOnReportedErrors(output, `Fingerprinting the data ${when}`);
    const fingerprints = parseFingerprints(output);
    const missing = globals.filter((g) => !fingerprints.some((f) => f.name === g));
    if (missing.length > 0) {
      throw new IpmDbError(
        'upgrade-fingerprint-incomplete',
        `IRIS printed no fingerprint for ${missing.join(', ')} ${when}`,
        { details: output.raw },
      );
    }
    const steps = this.release.updatePackage ? rowsOfPackage(parseUpdateSteps(output), this.release.updatePackage) : [];
    return { module: parseModuleState(output), steps, fingerprint: toDataFingerprint(fingerprints), globals };
  }

  /** Every class of the routines database with its TimeChanged and, for productions, their definition. */
  async classStates(iris: UpgradeIris, namespace: string, when: string): Promise<Map<string, ClassState>> {
    const output = await iris.run(namespace, [routinesClassesLine()], `listing the classes ${when}`);
    throwOnReportedErrors(output, `Listing the classes of the routines database ${when}`);
    return parseClassStates(output);
  }

  /**
   * What the swap would destroy: globals of the routines database and classes changed since
   * `installed` (the class states right after install); recorded, each one a problem.
   */
  async checkSwapLoss(iris: UpgradeIris, namespace: string, installed: Map<string, ClassState>): Promise<void> {
    const listing = await iris.run(namespace, [routinesGlobalsLine()], 'listing the routines database globals');
    throwOnReportedErrors(listing, 'Listing the globals of the routines database');
    const { directory, candidates } = parseRoutinesGlobals(listing);
    let globals: LostGlobal[] = [];
    if (candidates.length > 0) {
      const output = await iris.run(
        namespace,
        candidates.map((g) => routinesGlobalNodesLine(g)),
        'counting the routines database globals',
      );
      throwOnReportedErrors(output, 'Counting the globals of the routines database');
      globals = parseLostGlobals(output);
    }
    const changed = changedClasses(installed, await this.classStates(iris, namespace, 'before the swap'));
    this.result.swapLoss = { routinesDatabase: directory, globals, changedClasses: changed };
    this.result.problems.push(...lostGlobalProblems(globals, directory), ...changedClassProblems(changed));
  }

  async seed(iris: UpgradeIris, namespace: string): Promise<void> {
    if (this.options.seed.length === 0) return;
    const output = await iris.run(namespace, this.options.seed.map(seedLine), 'writing data');
    throwOnReportedErrors(output, 'Writing data with the seed methods');
    const seeded = parseSeeded(output);
    const notRun = this.options.seed.map(formatClassMethod).filter((s) => !seeded.includes(s));
    if (notRun.length > 0)
      throw new IpmDbError('upgrade-seed-failed', `seed method(s) ${notRun.join(', ')} did not return`, {
        details: output.raw,
      });
  }

  async expectedSteps(iris: UpgradeIris, namespace: string): Promise<string[]> {
    if (!this.release.updatePackage) return [];
    const output = await iris.run(
      namespace,
      [expectedStepsLine(this.release.updatePackage)],
      'reading the update step classes',
    );
    throwOnReportedErrors(output, `Reading the update step classes of ${this.release.updatePackage}`);
    return parseExpectedSteps(output);
  }

  /**
   * Leaves the checks that did not return 1 out of the verdict (the iris-upgrade scenario, whose
   * release does not change: a check that fails before the IRIS upgrade judges a release upgrade,
   * e.g. a data migration, and is recorded in `checksNotJudged` instead).
   */
  leaveOutFailing(baseline: readonly CheckResult[]): void {
    for (const c of baseline) if (!c.ok) this.unjudged.set(c.check, c.returned);
    this.result.checksNotJudged = [...this.unjudged].map(([check, returned]) => ({ check, returned }));
  }

  async runChecks(iris: UpgradeIris, namespace: string): Promise<CheckResult[]> {
    const checks = this.options.checks.filter((c) => !this.unjudged.has(formatClassMethod(c)));
    if (checks.length === 0) return [];
    const output = await iris.run(namespace, checks.map(checkLine), 'running the checks');
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return checks.map(formatClassMethod).map((check) => {
      const found = returned.find((r) => r.check === check);
      if (found) return found;
      const error = errors.find((e) => e.startsWith(`${check}: `));
      return { check, returned: error ? error.slice(check.length + 2) : '(no result printed)', ok: false };
    });
  }

  async checkBackup(iris: UpgradeIris, namespace: string, swap: SwapInfo): Promise<void> {
    if (!swap.backupPath) {
      this.result.problems.push(
        'the swap printed no "Backup:" line, so no backup of the replaced routines database can be shown',
      );
      return;
    }
    const output = await iris.run(namespace, [fileExistsLine(swap.backupPath)], 'checking the swap backup');
    const exists = parseFileExists(output)[swap.backupPath] === true;
    this.result.backup = { path: swap.backupPath, exists };
    if (!exists) this.result.problems.push(`the swap backup ${swap.backupPath} does not exist after the upgrade`);
  }

  checkModule(state: ModuleState | null, version: string, packaging: string | null, when: string): void {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version}`,
      );
    if (packaging !== null && state.packaging !== packaging) {
      this.result.problems.push(
        `${this.release.moduleName} has Packaging "${state.packaging}" ${when}, expected "${packaging}"`,
      );
    }
  }

  finish(success: string): UpgradeScenarioResult {
    this.result.ok = this.result.problems.length === 0;
    this.result.message = this.result.ok ? success : this.result.problems[0]!;
    this.result.durationMs = Date.now() - this.started;
    return this.result;
  }

  fail(error: unknown): UpgradeScenarioResult {
    this.result.problems.push(describeError(error).replace(/\n\s*/g, ' '));
    if (error instanceof IpmDbError && error.details) this.result.output = error.details;
    return this.finish('');
  }
}

export type Install = (iris: UpgradeIris, namespace: string) => Promise<void>;

/** Previous release installed, data written, upgraded: everything judged. */
export async function proveUpgrade(
  s: Scenario,
  iris: UpgradeIris,
  install: Install,
  options: UpgradeOptions,
  release: NewRelease,
  betweenHook?: (namespace: string) => Promise<void>,
): Promise<UpgradeScenarioResult> {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  await install(iris, namespace);
  const installedClasses = await s.classStates(iris, namespace, 'after the install');
  await s.seed(iris, namespace);
  const previousSteps = await s.expectedSteps(iris, namespace);
  const before = await s.snapshot(iris, namespace, [], 'before the upgrade');
  r.moduleBefore = before.module;
  r.before = before.fingerprint;
  if (options.previous.version) s.checkModule(before.module, options.previous.version, null, 'before the upgrade');
  await s.checkSwapLoss(iris, namespace, installedClasses);
  if (betweenHook) await betweenHook(namespace);
  const swap = await iris.updateModule(namespace, release.moduleName, release.packagePath);
  const after = await s.snapshot(iris, namespace, before.globals, 'after the upgrade');
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, 'database', 'after the upgrade');
  r.steps = judgeSteps('upgrade', await s.expectedSteps(iris, namespace), before.steps, after.steps, previousSteps);
  r.problems.push(...stepProblems(r.steps));
  r.changes = attributeChanges(
    diffFingerprints(before.fingerprint, after.fingerprint),
    stepsThatRan(r.steps),
    options.declared,
  );
  r.problems.push(...undeclaredChangeProblems(r.changes));
  r.checks = await s.runChecks(iris, namespace);
  r.problems.push(
    ...r.checks
      .filter((c) => !c.ok)
      .map((c) => `check ${c.check} returned ${c.returned === '' ? 'nothing' : `"${c.returned}"`}, not 1`),
  );
  await s.checkBackup(iris, namespace, swap);
  const ran = r.steps.filter((v) => v.outcome === 'ran').length;
  return s.finish(
    `${release.moduleName} ${before.module?.version ?? '?'} -> ${release.version}: ${after.globals.length} global(s) fingerprinted, ` +
      `${r.changes.length} changed (all declared), ${ran} update step(s) ran once, ${r.checks.length} check(s) returned 1`,
  );
}

/** New package into an empty namespace: every step seeded, none run. */
async function proveFreshInstall(s: Scenario, iris: UpgradeIris, release: NewRelease): Promise<UpgradeScenarioResult> {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  const swap = await iris.loadPackage(namespace, release.packagePath);
  const after = await s.snapshot(iris, namespace, [], 'after the install');
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, 'database', 'after the install');
  r.steps = judgeSteps('fresh', await s.expectedSteps(iris, namespace), [], after.steps);
  r.problems.push(...stepProblems(r.steps));
  await s.checkBackup(iris, namespace, swap);
  return s.finish(
    `${release.moduleName} ${release.version} installed into an empty namespace: ${r.steps.length} update step(s) seeded, none run`,
  );
}

export async function runUpgradeScenarios(
  env: UpgradeEnvironment,
  options: UpgradeOptions,
  release: NewRelease,
  logger: Logger,
): Promise<UpgradeScenarioResult[]> {
  const prev = options.previous;
  const registryReference =
    prev.reference ??
    (prev.pullFrom && prev.version
      ? previousReference(prev.pullFrom, release.moduleName, prev.version, release.irisMajorMinor)
      : null);
  const reference = prev.packagePath ?? registryReference;
  let pulled: Promise<string> | null = null;
  let downloadDir: string | null = null;
  const previousPackage = (): Promise<string> => {
    if (prev.packagePath) return Promise.resolve(prev.packagePath);
    if (!registryReference) throw new IpmDbError('upgrade-no-previous', 'no previous database package was given');
    pulled ??= env.tempDir().then((dir) => {
      downloadDir = dir;
      return env.pull(registryReference, dir);
    });
    return pulled;
  };
  const loadPrevious: Install = async (iris, namespace) => {
    await iris.loadPackage(namespace, await previousPackage());
  };
  const loadPreviousSource: Install = async (iris, namespace) => {
    await iris.loadModule(namespace, prev.sourceDir!);
  };
  const packageOrigin = (): UpgradeScenarioResult['previous'] => ({
    source: prev.packagePath ? 'path' : 'registry',
    reference: reference ?? '',
    version: prev.version,
  });
  const sourceOrigin = (): UpgradeScenarioResult['previous'] => ({
    source: 'source-directory',
    reference: prev.sourceLabel ?? prev.sourceDir ?? '',
    version: prev.version,
  });

  const runScenario = (scenario: UpgradeScenario): Promise<UpgradeScenarioResult> => {
    if (scenario === 'fresh') {
      const s = new Scenario(scenario, { source: 'none', reference: '', version: null }, options, release);
      return proveFreshInstall(s, env.iris, release).catch((e: unknown) => s.fail(e));
    }
    if (scenario === 'database') {
      const s = new Scenario(scenario, packageOrigin(), options, release);
      return proveUpgrade(s, env.iris, loadPrevious, options, release).catch((e: unknown) => s.fail(e));
    }
    if (scenario === 'source') {
      const s = new Scenario(scenario, sourceOrigin(), options, release);
      return proveUpgrade(s, env.iris, loadPreviousSource, options, release).catch((e: unknown) => s.fail(e));
    }
    const fromPackage = reference !== null;
    const s = new Scenario(scenario, fromPackage ? packageOrigin() : sourceOrigin(), options, release);
    return proveInReplacedContainer(s, env, fromPackage ? loadPrevious : loadPreviousSource, options, release).catch(
      (e: unknown) => s.fail(e),
    );
  };
  const logged = async (scenario: UpgradeScenario, how: string): Promise<UpgradeScenarioResult> => {
    logger.info(`upgrade scenario: ${scenario}${how}`);
    const result = await runScenario(scenario);
    logger.info(`upgrade scenario ${scenario}: ${result.ok ? 'passed' : 'FAILED'}: ${result.message}`);
    return result;
  };

  const byScenario = new Map<UpgradeScenarioResult['scenario'], UpgradeScenarioResult>();
  try {
    // A scenario with its own container starts first, beside the others, when a container slot is free.
    const own: UpgradeScenario[] = options.scenarios.filter((s) => s === 'container-replacement');
    const freeSlot = own.length > 0 ? env.reserveContainer() : null;
    const beside = freeSlot
      ? Promise.all(own.map((s) => logged(s, ' (its own container, beside the others)'))).finally(freeSlot)
      : null;
    try {
      for (const scenario of options.scenarios)
        if (!beside || !own.includes(scenario)) byScenario.set(scenario, await logged(scenario, ''));
    } finally {
      for (const result of beside ? await beside : []) byScenario.set(result.scenario, result);
    }
  } finally {
    const dir: string | null = downloadDir;
    if (dir !== null) await env.removeTempDir(dir).catch(() => undefined);
  }
  return options.scenarios.map((s) => byScenario.get(s)!);
}

async function proveInReplacedContainer(
  s: Scenario,
  env: UpgradeEnvironment,
  install: Install,
  options: UpgradeOptions,
  release: NewRelease,
): Promise<UpgradeScenarioResult> {
  const iris = await env.startDurable();
  try {
    return await proveUpgrade(s, iris, install, options, release, () => iris.replace());
  } finally {
    await iris.dispose();
  }
}
