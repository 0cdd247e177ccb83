import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-PS7E4X32.js";

// src/cli/github-output.ts
import { appendFile } from "node:fs/promises";
async function appendGithubOutput(io, lines) {
  if (!io.env.GITHUB_OUTPUT) throw new UsageError("--github-output needs the GITHUB_OUTPUT environment variable");
  await appendFile(io.env.GITHUB_OUTPUT, lines);
}

export {
  appendGithubOutput
};
