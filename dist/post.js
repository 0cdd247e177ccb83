import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  Docker,
  STATE_KEEP,
  STATE_RESOURCES,
  STATE_RUN_ID,
  cleanup,
  errorMessage,
  parseResources
} from "./chunks/action/chunk-IDEJ6AES.js";
import {
  getState,
  info,
  warning
} from "./chunks/action/chunk-Z5FDQRV5.js";

// src/post.ts
async function post() {
  const runId = getState(STATE_RUN_ID);
  const recorded = parseResources(getState(STATE_RESOURCES));
  if (!runId && recorded.length === 0) {
    info("Nothing to clean up: the main step created no containers or volumes.");
    return;
  }
  if (getState(STATE_KEEP) === "true") info("keep-container was set: the containers stayed up until now.");
  const result = await cleanup(runId, recorded, new Docker());
  for (const r of result.removed) info(`Removed ${r.kind} ${r.name}`);
  for (const p of result.problems) warning(p);
  if (result.removed.length === 0 && result.problems.length === 0) info("No containers or volumes were left.");
}
post().catch((err) => warning(`Cleanup failed: ${errorMessage(err)}`));
