import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  appendGithubOutput
} from "./chunk-CWAOHJGY.js";
import {
  consecutivePairs
} from "./chunk-5ESRDJLL.js";
import {
  irisUpgradeRequested
} from "./chunk-N6TO663B.js";
import "./chunk-S472CTFC.js";
import "./chunk-RWNQWFBA.js";
import "./chunk-NOEEE5VN.js";
import "./chunk-UPQPADT4.js";
import {
  withCurrentFlagNames
} from "./chunk-YN7H3ASS.js";
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

// src/cli/commands/upgrade-pairs.ts
var usage = `Usage: ipm-db upgrade-pairs --iris-versions <JSON list> [--upgrade-scenarios <list>] [--github-output]

Prints pairs=<JSON list of {from, to}>: each pair of consecutive IRIS versions, sorted by version,
that the iris-upgrade scenario runs on (docs/upgrade-testing.md), as the action pairs its own
versions. None when --upgrade-scenarios leaves iris-upgrade out.

  --github-output   also append the line to the file named by $GITHUB_OUTPUT
`;
function parseVersions(raw) {
  let parsed;
  try {
    parsed = JSON.parse(raw ?? "");
  } catch {
    throw new UsageError(
      `--iris-versions ${raw ?? ""} is not JSON`,
      'Give the IRIS versions, e.g. ["2025.3","2026.1"].'
    );
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string"))
    throw new UsageError(`--iris-versions ${raw ?? ""} is not a JSON list of strings`);
  return [...new Set(parsed)];
}
var upgradePairsCommand = {
  name: "upgrade-pairs",
  summary: "the pairs of consecutive IRIS versions the iris-upgrade scenario runs on",
  usage,
  async run(argv, io) {
    const renames = { versions: "iris-versions", scenarios: "upgrade-scenarios" };
    const { values, positionals } = parseCommandArgs(withCurrentFlagNames(argv, renames, io), {
      "iris-versions": { type: "string" },
      "upgrade-scenarios": { type: "string" },
      "github-output": { type: "boolean" }
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const versions = parseVersions(values["iris-versions"]);
    const pairs = irisUpgradeRequested(values["upgrade-scenarios"] ?? "") ? consecutivePairs(versions, (v) => v) : [];
    const line = `pairs=${JSON.stringify(pairs)}
`;
    io.stdout.write(line);
    if (values["github-output"]) await appendGithubOutput(io, line);
    return EXIT.ok;
  }
};
export {
  upgradePairsCommand
};
