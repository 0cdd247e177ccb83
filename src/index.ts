// GitHub Action entry point (main step): read and check the inputs, run, report.
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import { artifactServiceAvailable, defaultUploader } from './action/artifacts.js';
import { actionsCacheStore } from './action/cache-store.js';
import { dockerCli } from './action/docker-cli.js';
import { actionsCore } from './action/core-io.js';
import { readEvent } from './action/event.js';
import { readActionInputs } from './action/inputs.js';
import { settingsAnnotations } from './action/settings-annotations.js';
import { actionRegistryAccess } from './action/registry.js';
import { run } from './action/run.js';
import { pipelinePort, publishPort } from './action/wiring.js';
import { ModuleSettingsError } from './pipeline/module-settings.js';
import { describeError } from './util/errors.js';
import { redact } from './util/redact.js';

async function main(): Promise<void> {
  const inputs = await readActionInputs({
    get: (name) => core.getInput(name),
    env: process.env,
    event: readEvent(process.env),
    setSecret: (value) => core.setSecret(value),
  });
  const io = actionsCore();
  const registryAccess = actionRegistryAccess(inputs, process.env, (value) => core.setSecret(value));
  const outcome = await run(inputs, {
    io,
    pipeline: pipelinePort({ registryAccess }),
    publisher: publishPort({ registryAccess }),
    uploader: artifactServiceAvailable(process.env) ? defaultUploader() : null,
    cache: actionsCacheStore((m) => io.warning(m)),
    docker: dockerCli,
    env: process.env,
    runId: `${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
  });
  if (outcome.failure) {
    const { message, hint } = outcome.failure;
    core.setFailed(hint ? `${message}\n${hint}` : message);
  }
}

main()
  .catch((err: unknown) => {
    // A bad ipm-db.yml: each problem also on its file and line.
    if (err instanceof ModuleSettingsError)
      for (const a of settingsAnnotations(err.problems)) actionsCore().annotate(a);
    core.setFailed(redact(describeError(err)));
  })
  // A cache client may still be retrying an unavailable service in the background; do not let
  // it hold the step open once the work is done.
  .finally(() => setTimeout(() => process.exit(), 1000).unref());
