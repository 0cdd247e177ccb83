// `ipm-db run`'s upgrade flags: the action's upgrade input names, mapped onto the upgrade stage's
// own parser (src/pipeline/upgrade/settings.ts) and its registry puller.
import { resolve } from 'node:path';
import type { Stage } from '../pipeline/context.js';
import { settingsError, type MergedSettings } from '../pipeline/module-settings.js';
import {
  UPGRADE_FIELDS,
  readUpgradeOptions,
  type UpgradeField,
  type UpgradeText,
} from '../pipeline/upgrade/settings.js';
import type { UpgradeEnvironment } from '../pipeline/upgrade/ports.js';
import { registryPuller, upgradeStage } from '../pipeline/upgrade/stage.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './command.js';
import { accessForHost } from '../oci/access.js';
import { RegistryClient } from '../oci/client.js';
import { cliLogger, cliRegistryAccess } from './registry-options.js';

export const UPGRADE_FLAGS = {
  'upgrade-from': { type: 'string' },
  'upgrade-source': { type: 'string' },
  'previous-source': { type: 'string' },
  'upgrade-scenarios': { type: 'string' },
  'seed-methods': { type: 'string' },
  seed: { type: 'string' },
  'check-methods': { type: 'string' },
  checks: { type: 'string' },
  'declared-changes': { type: 'string' },
  'upgrade-globals': { type: 'string' },
  'upgrade-exclude-globals': { type: 'string' },
  registry: { type: 'string' },
  namespace: { type: 'string' },
  'plain-http': { type: 'boolean' },
} as const;

type UpgradeFlagValues = {
  [K in keyof typeof UPGRADE_FLAGS]?: (typeof UPGRADE_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
} & {
  verbose?: boolean;
};

/** The value of a flag that has a second name; both at once is a usage error. */
function either(
  v: UpgradeFlagValues,
  name: keyof UpgradeFlagValues,
  alias: keyof UpgradeFlagValues,
): string | undefined {
  const a = v[name] as string | undefined;
  const b = v[alias] as string | undefined;
  if (a !== undefined && b !== undefined)
    throw new UsageError(`--${name} and --${alias} are the same option; give one.`);
  return a ?? b;
}

/** The upgrade settings the flags give, by their action input names; undefined: not given. */
export function upgradeFlagValues(v: UpgradeFlagValues): Record<UpgradeField, string | undefined> {
  return {
    'upgrade-from': v['upgrade-from'],
    'upgrade-source': either(v, 'upgrade-source', 'previous-source'),
    'upgrade-scenarios': v['upgrade-scenarios'],
    'seed-methods': either(v, 'seed-methods', 'seed'),
    'check-methods': either(v, 'check-methods', 'checks'),
    'declared-changes': v['declared-changes'],
    'upgrade-globals': v['upgrade-globals'],
    'upgrade-exclude-globals': v['upgrade-exclude-globals'],
  };
}

/**
 * The upgrade stage the flags ask for, or null when none of --upgrade-from, --upgrade-source and
 * --upgrade-scenarios is given (then the other upgrade flags are refused, as the action refuses them).
 * The flags, over the module's ipm-db.yml (`merged`), are parsed by the upgrade stage's own parser,
 * the one the action's inputs go through; a bad value of the file is named by its file, line and key.
 */
export function upgradeStageFromFlags(v: UpgradeFlagValues, io: CliIo, merged: MergedSettings): Stage | null {
  const text: UpgradeText = {};
  for (const field of UPGRADE_FIELDS) {
    const value = merged.text(field);
    if (value !== undefined) text[field] = value;
  }
  const { options, problems } = readUpgradeOptions(text, {
    resolvePath: (path) => resolve(io.cwd, path),
    pullFrom: v.namespace ? { registry: (v.registry ?? 'ghcr.io').replace(/\/+$/, ''), namespace: v.namespace } : null,
    name: (field) => `--${field}`,
  });
  const error = settingsError(problems, merged, { name: (field) => `--${field}` });
  if (error) throw error;
  if (options === null) {
    const stray = (['registry', 'namespace', 'plain-http'] as const).find((name) => v[name] !== undefined);
    if (stray)
      throw new UsageError(
        `--${stray}: is set but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios.`,
      );
    return null;
  }
  return upgradeStage(options, cliUpgradePuller(v, io));
}

/**
 * Pulls a previous release for `ipm-db run`: the environment's credentials go to --registry
 * only; a reference on another host is pulled with that host's docker login, or anonymously,
 * and plain HTTP only to --registry's host.
 */
export function cliUpgradePuller(
  v: { registry?: string | undefined; 'plain-http'?: boolean | undefined; verbose?: boolean | undefined },
  io: CliIo,
): UpgradeEnvironment['pull'] {
  const access = cliRegistryAccess(io, (v.registry ?? 'ghcr.io').replace(/\/+$/, ''), {
    plainHttp: v['plain-http'] === true,
  });
  const logger = cliLogger(io, v.verbose === true);
  return registryPuller((host) => new RegistryClient(accessForHost(access, host), { logger }));
}
