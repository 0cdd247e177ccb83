import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-7JDKL6H4.js";

// src/action/docker-cli.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var execFileP = promisify(execFile);
var dockerCli = async (args, timeoutMs) => {
  const { stdout } = await execFileP("docker", args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { stdout };
};

// src/action/cleanup.ts
var RUN_LABEL = "ipm-db.run";
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
async function cleanup(runId, recorded, docker) {
  const problems = [];
  const removed = [];
  const containers = new Set(recorded.filter((r) => r.kind === "container").map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === "volume").map((r) => r.name));
  if (runId && /^[A-Za-z0-9_.-]+$/.test(runId)) {
    const ours = (value) => value === runId || Boolean(value?.startsWith(`${runId}-`));
    const listed = async (what, args, into) => {
      try {
        const { stdout } = await docker(args, 3e4);
        for (const line of stdout.split("\n")) {
          const [name, value] = line.trim().split("	");
          if (name && ours(value)) into.add(name);
        }
      } catch (err) {
        problems.push(`Listing the run's ${what} failed: ${errorMessage(err)}`);
      }
    };
    const format = (field) => `{{${field}}}	{{.Label "${RUN_LABEL}"}}`;
    await listed(
      "containers",
      ["ps", "--all", "--filter", `label=${RUN_LABEL}`, "--format", format(".Names")],
      containers
    );
    await listed("volumes", ["volume", "ls", "--filter", `label=${RUN_LABEL}`, "--format", format(".Name")], volumes);
  }
  for (const name of containers) {
    try {
      await docker(["rm", "--force", "--volumes", name], 6e4);
      removed.push({ kind: "container", name });
    } catch (err) {
      if (!/No such container/i.test(errorMessage(err)))
        problems.push(`Removing container ${name} failed: ${errorMessage(err)}`);
    }
  }
  for (const name of volumes) {
    try {
      await docker(["volume", "rm", "--force", name], 6e4);
      removed.push({ kind: "volume", name });
    } catch (err) {
      if (!/no such volume/i.test(errorMessage(err)))
        problems.push(`Removing volume ${name} failed: ${errorMessage(err)}`);
    }
  }
  return { removed, problems };
}

export {
  dockerCli,
  STATE_RUN_ID,
  STATE_RESOURCES,
  STATE_KEEP,
  ResourceLedger,
  parseResources,
  cleanup
};
