// Update steps (contract section 7; Storage/Module.cls HandleAllUpdateSteps and
// HandleUpdateStepsFromList): classes <UpdatePackage>.V<n> in number order; GetOrderedMethods()
// (then GetOrderedMethodsPrimaryOnly()) give the step names. Seeding marks every step without an
// end time (or with an error) as done; running starts at the first step never run/seeded (or
// failed) and runs it and every later step of that class. Records live in the globals database.
// The stand-in runs a step by interpreting its method body (see README: the ObjectScript subset).
import type { Session } from './session.js';
import { IrisError, IrisException, isObject, statusText, type Value } from './values.js';
import { IpmFailure, zdatetime3 } from './ipm.js';
import type { UpdateStepRecord } from './database.js';

function orderedMethods(s: Session, cls: string, method: string): string[] | undefined {
  // HandleAllUpdateSteps calls each list method only when $system.CLS.IsMthd says it exists.
  if (!s.isMethod(cls, method)) return undefined;
  const v: Value = s.userClassMethod(cls, method);
  if (!isObject(v) || !('items' in v)) throw IpmFailure.general(`${cls}:${method}() did not return a %DynamicArray`);
  return ((v as unknown as { items: unknown[] }).items ?? []).map(String);
}

export function updateStepClasses(s: Session, updatePackage: string): string[] {
  if (!updatePackage) return [];
  const prefix = `${updatePackage}.V`;
  const nsConfig = s.instance.namespace(s.namespace)!;
  const dbs = new Set([nsConfig.routines, ...Object.values(nsConfig.packageMappings)]);
  const names = new Set<string>();
  for (const db of dbs) {
    for (const cls of Object.keys(s.instance.read(db).classes)) {
      if (cls.startsWith(prefix) && s.instance.classDatabase(s.namespace, cls) === db) names.add(cls);
    }
  }
  const num = (c: string): number => Number(c.split('.').pop()!.replace(/\D/g, '') || '0');
  return [...names].sort((a, b) => num(a) - num(b));
}

export function handleUpdateSteps(
  s: Session,
  _module: string,
  updatePackage: string,
  seed: boolean,
  verbose: boolean,
): void {
  for (const cls of updateStepClasses(s, updatePackage)) {
    if (verbose)
      s.term.line(
        `${seed ? 'Starting seeding steps' : 'Starting to run update steps'} for module = ${_module} & class = ${cls}`,
      );
    let newStepToApply = false;
    for (const [method, primaryOnly] of [
      ['GetOrderedMethods', false],
      ['GetOrderedMethodsPrimaryOnly', true],
    ] as const) {
      for (const step of orderedMethods(s, cls, method) ?? []) {
        const key = `${cls}||${step}`;
        const rec: UpdateStepRecord = s.instance.read(s.globalsDb()).updateSteps[key] ?? {
          ClassName: cls,
          MethodName: step,
          PrimaryOnly: primaryOnly,
          TimeStampStart: '',
          TimeStampEnd: '',
          Status: '',
        };
        const failed = rec.Status !== '' && rec.Status !== '1';
        if (seed) {
          if (!rec.TimeStampEnd || failed) {
            if (verbose) s.term.line(`\tSeeding ${step}()`);
            rec.TimeStampEnd = zdatetime3();
            rec.Status = '1';
          } else if (verbose) s.term.line(`\tSkipping seeding ${step}() (already run or seeded)`);
          save(s, key, rec);
          continue;
        }
        if (!newStepToApply && (!rec.TimeStampEnd || failed)) newStepToApply = true;
        if (!newStepToApply) continue;
        if (verbose) s.term.line(`\tRunning ${step}()`);
        rec.TimeStampStart = zdatetime3();
        let error = '';
        try {
          s.userClassMethod(cls, step);
        } catch (e) {
          if (e instanceof IrisException) error = statusText(e.status);
          else if (e instanceof IrisError) error = e.message;
          else throw e;
        }
        rec.TimeStampEnd = zdatetime3();
        rec.Status = error || '1';
        save(s, key, rec);
        if (error) throw IpmFailure.general(error);
        if (verbose) s.term.line(`\t${step}() Finished`);
      }
    }
  }
}

function save(s: Session, key: string, rec: UpdateStepRecord): void {
  s.instance.update(s.globalsDb(), (c) => void (c.updateSteps[key] = rec));
}
