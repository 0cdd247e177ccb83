import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  removeRunResources
} from "./chunk-LHRGDUJ4.js";

// src/action/cleanup.ts
var STATE_RUN_ID = "ipm-db-run-id";
var STATE_RESOURCES = "ipm-db-resources";
var STATE_KEEP = "ipm-db-keep-container";
var ResourceLedger = class {
  constructor(saveState) {
    this.saveState = saveState;
  }
  saveState;
  items = [];
  record(resource) {
    if (this.items.some((r) => r.kind === resource.kind && r.name === resource.name)) return;
    this.items.push(resource);
    this.saveState(STATE_RESOURCES, JSON.stringify(this.items));
  }
  list() {
    return [...this.items];
  }
};
function parseResources(state) {
  if (!state) return [];
  try {
    const parsed = JSON.parse(state);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r) => Boolean(r) && (r.kind === "container" || r.kind === "volume") && typeof r.name === "string" && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(r.name)
    );
  } catch {
    return [];
  }
}
function cleanup(runId, recorded, docker) {
  return removeRunResources(docker, runId, { recorded, family: true });
}

export {
  STATE_RUN_ID,
  STATE_RESOURCES,
  STATE_KEEP,
  ResourceLedger,
  parseResources,
  cleanup
};
