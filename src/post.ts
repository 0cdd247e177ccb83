// GitHub Action entry point (post step): removes every container and volume the main step
// created, whatever happened to it. Only ever warns.
import * as core from '@actions/core';
import { STATE_KEEP, STATE_RESOURCES, STATE_RUN_ID, cleanup, parseResources } from './action/cleanup.js';
import { Docker } from './iris/docker.js';
import { errorMessage } from './util/errors.js';

async function post(): Promise<void> {
  const runId = core.getState(STATE_RUN_ID);
  const recorded = parseResources(core.getState(STATE_RESOURCES));
  if (!runId && recorded.length === 0) {
    core.info('Nothing to clean up: the main step created no containers or volumes.');
    return;
  }
  if (core.getState(STATE_KEEP) === 'true') core.info('keep-container was set: the containers stayed up until now.');
  const result = await cleanup(runId, recorded, new Docker());
  for (const r of result.removed) core.info(`Removed ${r.kind} ${r.name}`);
  for (const p of result.problems) core.warning(p);
  if (result.removed.length === 0 && result.problems.length === 0) core.info('No containers or volumes were left.');
}

post().catch((err: unknown) => core.warning(`Cleanup failed: ${errorMessage(err)}`));
