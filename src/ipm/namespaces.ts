/**
 * Namespaces for database packages (contract section 6): each with its own CODE and DATA
 * databases, %IPM mapped from the IPM home namespace, created by IPM's InitializeNamespace
 * (which first removes a namespace of the same name: every call gives a fresh one).
 */
import { IpmDbError } from '../util/errors.js';
import type { Operation } from '../iris/objectscript.js';
import { validate, validateNamespace } from '../iris/validate.js';
import { CONFIGURE_IPM } from './bootstrap.js';
import { ipmFailure } from './output.js';
import type { IpmTarget } from './operations.js';

export interface NamespaceOptions {
  /** Where IPM lives; the new namespace is "<home>-<postfix>". */
  homeNamespace: string;
  /** Upper-case letters and digits, e.g. "PKG", "INST1". */
  postfix: string;
  /** Interoperability-enable the namespace (cfg.EnableEnsemble = 1). */
  interoperability?: boolean;
  timeoutMs?: number;
}

/** The name InitializeNamespace gives: "<current NS>-<POSTFIX>", USER when called from %SYS. */
export function namespaceName(homeNamespace: string, postfix: string): string {
  const home = validateNamespace(homeNamespace);
  return validateNamespace(`${home === '%SYS' ? 'USER' : home}-${validate('namespace postfix', postfix)}`);
}

/** The operations that create the namespace, switch into it and configure IPM there (pure). */
export function createNamespaceOperations(options: NamespaceOptions): Operation[] {
  const name = namespaceName(options.homeNamespace, options.postfix);
  const ops: Operation[] = [{ kind: 'set', variable: 'cfg', expression: { kind: 'newNamespaceConfig' } }];
  if (options.interoperability)
    ops.push({ kind: 'set', variable: 'cfg.EnableEnsemble', expression: { kind: 'integer', value: 1 } });
  ops.push({ kind: 'initializeNamespace', postfix: options.postfix, resultVariable: 'ns', configVariable: 'cfg' });
  ops.push({ kind: 'emit', key: 'namespace', expression: { kind: 'variable', name: 'ns' } });
  ops.push({ kind: 'switchNamespace', namespace: name });
  for (const command of CONFIGURE_IPM) ops.push({ kind: 'ipm', command });
  return ops;
}

export async function createNamespace(target: IpmTarget, options: NamespaceOptions): Promise<string> {
  const expected = namespaceName(options.homeNamespace, options.postfix);
  const timeoutMs = options.timeoutMs ?? 300_000;
  const result = await target.sessions.run({
    namespace: options.homeNamespace,
    operations: createNamespaceOperations(options),
    timeoutMs,
    classify: (f) => ipmFailure(f, 'namespace-create-failed', timeoutMs),
  });
  const created = (result.values.get('namespace') ?? '').toUpperCase();
  if (created !== expected)
    throw new IpmDbError(
      'namespace-create-failed',
      `InitializeNamespace created "${created}", expected "${expected}".`,
      { details: result.text },
    );
  return expected;
}
