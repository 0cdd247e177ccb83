import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  appendGithubOutput
} from "./chunk-CWAOHJGY.js";
import {
  publishOutputs,
  publishPlan,
  publishedMarkdown,
  readLegs,
  readPublishResults,
  summaryTable
} from "./chunk-6SMS5ABQ.js";
import "./chunk-G7AT5NQ2.js";
import "./chunk-ULIA56ZP.js";
import {
  parseCommandArgs
} from "./chunk-4W7SJPR4.js";
import "./chunk-SCA4I4KM.js";
import {
  EXIT
} from "./chunk-KHG3NGCP.js";
import "./chunk-PM3QVZWA.js";
import {
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/commands/legs.ts
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var usage = `Usage: ipm-db legs <summary|publish-plan|publish-outputs> <dir> [options]

What the reusable workflow does with its matrix legs' artifacts (one folder per leg, named
<prefix><IRIS version>, each holding the action's ipm-db-report.json and archive):

  summary <dir> --prefix <p> [--expected <json>]
      prints one Markdown table, IRIS version x stage, and every failure
  publish-plan <dir> --prefix <p> --expected <json> --out <dir>
      checks that every expected leg passed with a verified archive, writes each leg's
      verification report to <out>, prints "<archive>\\t<verification report>" lines
  publish-outputs <dir> [--github-output] [--summary]
      reads the "ipm-db publish --json" results in <dir> and prints the workflow outputs
      published-references, digests and published (name=JSON lines); --summary adds a table
      of them to $GITHUB_STEP_SUMMARY
`;
function parseExpected(raw) {
  if (raw === void 0 || raw.trim() === "") return [];
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(`--expected ${raw} is not JSON`, 'Give the matrix versions, e.g. ["2025.3","2026.1"].');
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string"))
    throw new UsageError(`--expected ${raw} is not a JSON list of strings`);
  return parsed;
}
var legsCommand = {
  name: "legs",
  summary: "summarise or plan publishing of the reusable workflow's matrix legs",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      prefix: { type: "string" },
      expected: { type: "string" },
      out: { type: "string" },
      "github-output": { type: "boolean" },
      summary: { type: "boolean" }
    });
    const [action, dirArg] = positionals;
    if (positionals.length !== 2 || !dirArg) throw new UsageError("give an action and one directory");
    const dir = resolve(io.cwd, dirArg);
    const expected = parseExpected(values.expected);
    if (action === "summary" || action === "publish-plan") {
      if (!values.prefix) throw new UsageError("--prefix is required", "e.g. --prefix ipm-db-leg-");
      const legs = await readLegs(dir, values.prefix);
      if (action === "summary") {
        io.stdout.write(summaryTable(legs, expected));
        return EXIT.ok;
      }
      if (!values.out) throw new UsageError("--out is required for publish-plan");
      if (expected.length === 0) throw new UsageError("--expected is required for publish-plan");
      const out = resolve(io.cwd, values.out);
      await mkdir(out, { recursive: true });
      const plan = publishPlan(legs, expected);
      for (const [i, item] of plan.entries()) {
        const reportPath = join(out, `${i}-${item.version.replace(/[^A-Za-z0-9._-]/g, "_")}.verify.json`);
        await writeFile(reportPath, JSON.stringify(item.verification, null, 2) + "\n");
        io.stdout.write(`${item.archivePath}	${reportPath}
`);
      }
      return EXIT.ok;
    }
    if (action === "publish-outputs") {
      const results = await readPublishResults(dir);
      const outputs = publishOutputs(results);
      const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}
`).join("");
      io.stdout.write(lines);
      if (values["github-output"]) await appendGithubOutput(io, lines);
      if (values.summary) {
        if (!io.env.GITHUB_STEP_SUMMARY)
          throw new UsageError("--summary needs the GITHUB_STEP_SUMMARY environment variable");
        await appendFile(io.env.GITHUB_STEP_SUMMARY, publishedMarkdown(results));
      }
      return EXIT.ok;
    }
    throw new UsageError(`unknown action "${action}"`, "use summary, publish-plan or publish-outputs");
  }
};
export {
  legsCommand
};
