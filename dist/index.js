import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  publishPackage
} from "./chunks/chunk-FKDHF6XQ.js";
import {
  STAGES
} from "./chunks/chunk-XUGW6E7R.js";
import {
  ResourceLedger,
  STATE_KEEP,
  STATE_RUN_ID,
  dockerCli
} from "./chunks/chunk-V3VXLJAV.js";
import {
  debug,
  endGroup,
  error,
  getInput,
  group,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunks/chunk-HIWFSZRN.js";
import {
  DEFAULT_STAGES,
  IPM_RELEASE_URL,
  UPGRADE_FIELDS,
  containerNameFor,
  containerSlots,
  defaultParallel,
  emptyReport,
  firstFailure,
  groupedLogger,
  mapBounded,
  readUpgradeOptions,
  registryPuller,
  renderUpgradeMarkdown,
  resolveInstaller,
  runPipeline,
  stageFailure,
  stageSkipped,
  thisMachine,
  upgradeStage
} from "./chunks/chunk-TNOIXBUP.js";
import "./chunks/chunk-5IQT2QSC.js";
import {
  RegistryClient
} from "./chunks/chunk-NC66LQRX.js";
import "./chunks/chunk-W44NYYNB.js";
import {
  redact,
  registerSecret
} from "./chunks/chunk-TIJDGYO2.js";
import {
  verifyArchive
} from "./chunks/chunk-NJUY4LB6.js";
import {
  isImageReference,
  isSemver,
  isSha256Hex,
  isTag
} from "./chunks/chunk-JM3CD6EF.js";
import {
  IpmDbError,
  UsageError,
  describeError,
  errorMessage
} from "./chunks/chunk-7JDKL6H4.js";
import "./chunks/chunk-2YR2DOPF.js";

// src/index.ts
import { randomBytes } from "node:crypto";

// src/action/artifacts.ts
import { createHash } from "node:crypto";
import { copyFile as copyFile2, readdir, stat as stat2 } from "node:fs/promises";
import { basename as basename2, join as join5, relative } from "node:path";

// src/action/image-runs.ts
import { mkdir as mkdir3 } from "node:fs/promises";
import { basename, join as join3 } from "node:path";

// src/util/abort.ts
function untilAborted(work, signal, what) {
  return new Promise((resolve2, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(`${what} was cancelled`));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve2(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      }
    );
  });
}

// src/action/summary.ts
var SUMMARY_LIMIT_BYTES = 1e6;
var MIN_BLOCK_BYTES = 512;
var STATUS_ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cell(text) {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const m = Math.floor(ms / 6e4);
  return `${m} min ${Math.round(ms % 6e4 / 1e3)} s`;
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
var fixed = (text) => ({ kind: "fixed", text });
function detailsBlock(title, raw, keep) {
  return {
    kind: "shrinkable",
    raw,
    keep,
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>

<pre>${escapeHtml(body)}</pre>

</details>

`
  };
}
function markdownDetails(title, markdown) {
  return {
    kind: "shrinkable",
    raw: markdown,
    keep: "head",
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>

${body}

</details>

`
  };
}
function upgradeDetails(results) {
  return renderUpgradeMarkdown(results).replace(/^## [^\n]*\n+/, "");
}
function listBlock(lines) {
  return {
    kind: "shrinkable",
    raw: lines.join("\n"),
    keep: "head",
    cut: 0,
    render: (body) => body.split("\n").filter(Boolean).map((l) => `- ${cell(l)}`).join("\n") + "\n\n"
  };
}
function renderBlock(b) {
  if (b.kind === "fixed") return b.text;
  const note = b.cut > 0 ? `[${b.cut} bytes cut to fit the job summary limit; the full text is in the artifacts]` : "";
  const body = b.cut === 0 ? b.raw : b.keep === "tail" ? `${note}
\u2026${b.raw}` : `${b.raw}\u2026
${note}`;
  return b.render(body);
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function cutTo(text, bytes, keep) {
  const buf = Buffer.from(text, "utf8");
  if (buf.length <= bytes) return text;
  let slice = keep === "head" ? buf.subarray(0, bytes) : buf.subarray(buf.length - bytes);
  let s = slice.toString("utf8");
  if (s.includes("\uFFFD")) {
    slice = keep === "head" ? slice.subarray(0, slice.length - 3) : slice.subarray(3);
    s = slice.toString("utf8").replace(/^\uFFFD+|\uFFFD+$/g, "");
  }
  return s;
}
function fit(blocks, limit) {
  let truncated = false;
  for (let round = 0; round < 200; round++) {
    const total = blocks.reduce((n, b) => n + byteLength(renderBlock(b)), 0);
    const excess = total - limit;
    if (excess <= 0) break;
    const shrinkable = blocks.filter(
      (b) => b.kind === "shrinkable" && byteLength(b.raw) > MIN_BLOCK_BYTES
    ).sort((a, b) => byteLength(b.raw) - byteLength(a.raw));
    const biggest = shrinkable[0];
    if (!biggest) break;
    const size = byteLength(biggest.raw);
    const next = shrinkable[1] ? byteLength(shrinkable[1].raw) : 0;
    let target = Math.max(MIN_BLOCK_BYTES, size - excess - 128);
    if (next > target && next < size) target = next;
    const cut = cutTo(biggest.raw, target, biggest.keep);
    biggest.cut += size - byteLength(cut);
    biggest.raw = cut;
    truncated = true;
  }
  let text = blocks.map(renderBlock).join("");
  if (byteLength(text) > limit) {
    text = cutTo(text, limit - 200, "head") + "\n\n**Summary cut short: it exceeded the job summary limit.**\n";
    truncated = true;
  }
  return { text, truncated };
}
function stageCell(s) {
  if (!s) return "";
  return s.status === "skipped" ? STATUS_ICON.skipped : `${STATUS_ICON[s.status]} ${formatDuration(s.durationMs)}`;
}
function runLabel(run2) {
  return run2.irisVersion ? `IRIS ${run2.irisVersion}` : run2.image;
}
function overviewTable(runs) {
  const used = STAGES.filter((st) => runs.some((r) => r.stages.some((s) => s.stage === st)));
  const head = `| IRIS | ${used.join(" | ")} | total |
|---|${used.map(() => "---|").join("")}---|
`;
  const rows = runs.map((r) => {
    const cells = used.map((st) => stageCell(r.stages.find((s) => s.stage === st)));
    const label = `${r.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(runLabel(r))}<br><sub>${cell(r.image)}</sub>`;
    return `| ${label} | ${cells.join(" | ")} | ${formatDuration(r.durationMs)} |`;
  });
  return `${head}${rows.join("\n")}

`;
}
function describeUpgrade(entry) {
  if (entry && typeof entry === "object") {
    const e = entry;
    const name = String(e.scenario ?? e.name ?? "upgrade");
    const ok = typeof e.ok === "boolean" ? e.ok : e.status === "passed" ? true : e.status === "failed" ? false : null;
    const message = typeof e.message === "string" ? e.message : "";
    return { name, ok, message };
  }
  return { name: "upgrade", ok: null, message: String(entry) };
}
function runBlocks(run2) {
  const out = [fixed(`### ${run2.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(runLabel(run2))}

`)];
  const facts = [`| image | \`${cell(run2.image)}\` |`];
  if (run2.irisBuild) facts.push(`| IRIS build | ${cell(run2.irisBuild)} |`);
  if (run2.ipmVersion) facts.push(`| IPM | ${cell(run2.ipmVersion)} |`);
  if (run2.archive) {
    facts.push(`| archive | \`${cell(run2.archive.fileName)}\` (${formatBytes(run2.archive.size)}) |`);
    facts.push(`| sha256 | \`${run2.archive.sha256}\` |`);
    if (run2.archive.irisDatSha256) facts.push(`| IRIS.DAT sha256 | \`${run2.archive.irisDatSha256}\` |`);
  }
  if (run2.published) {
    facts.push(`| published | \`${cell(run2.published.reference)}\`${run2.published.unchanged ? " (unchanged)" : ""} |`);
    facts.push(`| digest | \`${cell(run2.published.digest)}\` |`);
  }
  out.push(fixed(`| | |
|---|---|
${facts.join("\n")}

`));
  const failed = run2.stages.find((s) => s.status === "failed");
  if (failed) out.push(fixed(`**${cell(failed.stage)} failed:** ${cell(failed.message ?? "no message")}

`));
  const deps = run2.verification?.dependencies ?? [];
  if (deps.length) {
    out.push(fixed(`**Dependencies (${deps.length})**

`));
    out.push(
      listBlock(
        deps.map(
          (d) => `${d.name} ${d.packagedVersion ?? d.declaredVersion ?? "(version unknown)"}${d.depsFile ? "" : " \u2014 not in deps/"}`
        )
      )
    );
  }
  const findings = [...run2.verification?.errors ?? [], ...run2.verification?.warnings ?? []];
  if (findings.length) {
    out.push(fixed(`**Verification findings (${findings.length})**

`));
    out.push(listBlock(findings.map((f) => `${f.severity} ${f.code}: ${f.entry ? `${f.entry}: ` : ""}${f.message}`)));
  }
  if (run2.compileErrors.length) {
    out.push(fixed(`**Compile errors (${run2.compileErrors.length})**

`));
    out.push(
      listBlock(run2.compileErrors.map((c) => `${c.file ?? c.document}${c.line ? `:${c.line}` : ""}: ${c.message}`))
    );
  }
  if (run2.upgrade.length) {
    const rows = run2.upgrade.map(describeUpgrade);
    out.push(
      fixed(
        `**Upgrade**

| scenario | result | detail |
|---|---|---|
${rows.map(
          (u) => `| ${cell(u.name)} | ${u.ok === null ? "" : u.ok ? STATUS_ICON.passed : STATUS_ICON.failed} | ${cell(u.message)} |`
        ).join("\n")}

`
      )
    );
    out.push(markdownDetails("Upgrade details: fingerprints, update steps, checks", upgradeDetails(run2.upgrade)));
  }
  for (const s of run2.stages) {
    if (s.stage === "upgrade" && run2.upgrade.length) continue;
    if (s.status === "failed" && s.output)
      out.push(detailsBlock(`IRIS output of the ${s.stage} stage`, s.output, "tail"));
  }
  return out;
}
function buildSummary(outcome, limit = SUMMARY_LIMIT_BYTES) {
  const first = outcome.runs.find((r) => r.module)?.module;
  const title = first ? `${first.name} ${first.version}` : "IPM database package";
  const blocks = [fixed(`## ${outcome.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${cell(title)}

`)];
  const truncationNoteIndex = blocks.length;
  if (outcome.failure) {
    blocks.push(
      fixed(
        `> [!CAUTION]
> ${cell(outcome.failure.message)}${outcome.failure.hint ? `<br>${cell(outcome.failure.hint)}` : ""}

`
      )
    );
    if (outcome.failure.details) blocks.push(detailsBlock("Details", outcome.failure.details, "tail"));
  }
  for (const n of outcome.notices) blocks.push(fixed(`> [!NOTE]
> ${cell(n)}

`));
  if (outcome.runs.length) blocks.push(fixed(overviewTable(outcome.runs)));
  for (const run2 of outcome.runs) blocks.push(...runBlocks(run2));
  if (outcome.annotationOverflow.length) {
    blocks.push(fixed(`**More annotations (${outcome.annotationOverflow.length} not shown inline)**

`));
    blocks.push(listBlock(outcome.annotationOverflow));
  }
  if (outcome.artifacts.length) {
    blocks.push(
      fixed(
        `**Artifacts**

${outcome.artifacts.map((a) => `- \`${cell(a.name)}\` (${formatBytes(a.size)}, ${a.files.length} files)`).join("\n")}

`
      )
    );
  }
  blocks.push(fixed(`<sub>Total ${formatDuration(outcome.durationMs)}</sub>
`));
  const note = `> [!WARNING]
> Parts of this summary were shortened to stay under GitHub's 1 MiB job summary limit; the full output is in the artifacts.

`;
  const first_try = fit(blocks.map(cloneBlock), limit);
  if (!first_try.truncated) return first_try.text;
  blocks.splice(truncationNoteIndex, 0, fixed(note));
  return fit(blocks, limit).text;
}
function cloneBlock(b) {
  return { ...b };
}
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await summary.addRaw(markdown).write();
  return true;
}

// src/action/core-io.ts
function actionsCore() {
  return {
    setOutput: (n, v) => setOutput(n, v),
    saveState: (n, v) => saveState(n, v),
    info: (m) => info(redact(m)),
    debug: (m) => debug(redact(m)),
    notice: (m) => notice(redact(m)),
    warning: (m) => warning(redact(m)),
    annotate: (a) => {
      const props = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      (a.level === "error" ? error : warning)(redact(a.message), props);
    },
    group: (title, fn) => group(redact(title), fn),
    writeBlock: (title, lines) => {
      startGroup(redact(title));
      for (const l of lines) (l.level === "debug" ? debug : info)(redact(l.text));
      endGroup();
    },
    writeSummary
  };
}
function coreLogger(io, prefix) {
  return groupedLogger(
    {
      block: (title, lines) => io.writeBlock(title, lines),
      line: (l) => l.level === "debug" ? io.debug(l.text) : io.info(l.text)
    },
    prefix
  );
}

// src/action/image-cache.ts
import { mkdir as mkdir2, rm, stat } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/action/cache-store.ts
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
function actionsCacheStore(warn, env = process.env, budgetMs = 2e4) {
  const load = () => import("./chunks/cache-6SEWVG46.js");
  const bounded = async (what, op, fallback) => {
    let timer;
    const late = new Promise((resolve2) => {
      timer = setTimeout(() => resolve2("late"), budgetMs);
    });
    try {
      const result = await Promise.race([op(), late]);
      if (result === "late") {
        warn(
          `${what} took over ${Math.round(budgetMs / 1e3)} s (cache service slow or unavailable); going on without it.`
        );
        return fallback;
      }
      return result;
    } catch (err) {
      warn(`${what} failed; going on without it: ${redact(errorMessage(err))}`);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    // Mirrors cache.isFeatureAvailable() without loading the package.
    available: () => Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL),
    restore: (paths, key) => bounded(`Cache restore of ${key}`, async () => await (await load()).restoreCache(paths, key) ?? null, null),
    save: (paths, key) => bounded(`Cache save of ${key}`, async () => await (await load()).saveCache(paths, key) !== -1, false)
  };
}
function cacheKey(...parts) {
  return parts.map((p) => p.replace(/[^A-Za-z0-9._@:+-]+/g, "_")).join("-").slice(0, 512);
}
function actionsInstallerCache(store, dir) {
  const fileFor = (key) => join(dir, cacheKey(key), "zpm.xml");
  return {
    async restore(key, destination) {
      if (!store.available()) return false;
      const file = fileFor(key);
      if (!await store.restore([dirname(file)], cacheKey("ipm-db", key))) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key, source) {
      if (!store.available()) return;
      const file = fileFor(key);
      await mkdir(dirname(file), { recursive: true });
      await copyFile(source, file);
      await store.save([dirname(file)], cacheKey("ipm-db", key));
    }
  };
}

// src/action/image-cache.ts
function imageTar(dir, image) {
  return join2(dir, `${cacheKey(image)}.tar`);
}
function imageCacheKey(image) {
  return cacheKey("ipm-db", "image", image);
}
async function restoreImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  const hit = await store.restore([tar], imageCacheKey(image));
  if (!hit) return false;
  try {
    await docker(["load", "--input", tar], 6e5);
    return true;
  } catch (err) {
    warn(`docker load of the cached ${image} failed; it will be pulled: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}
async function saveImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  try {
    await mkdir2(dir, { recursive: true });
    await docker(["image", "save", "--output", tar, image], 6e5);
    if (!(await stat(tar)).size) return false;
    return await store.save([tar], imageCacheKey(image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}

// src/action/image-runs.ts
function irisKey(image, report) {
  if (report?.irisVersion) return report.irisVersion;
  const tag = /:([^/:@]+)(?:@.*)?$/.exec(image)?.[1];
  return tag ?? basename(image);
}
function crashedReport(image, startedAt, stage, err) {
  const report = emptyReport(image, new Date(startedAt));
  report.durationMs = Date.now() - startedAt;
  report.stages = [stageFailure(stage, err, report.durationMs)];
  return report;
}
async function runImages(ctx) {
  const slots = containerSlots(ctx.inputs.parallel);
  const outcomes = await mapBounded(
    ctx.inputs.images,
    slots,
    (image, index) => runImage(ctx, slots, image, index),
    () => !ctx.signal.aborted
  );
  return outcomes.filter((o) => o !== void 0);
}
async function runImage(ctx, slots, image, index) {
  const { inputs, deps } = ctx;
  const { io } = deps;
  const outDir = join3(ctx.outRoot, sanitiseArtifactName(image));
  await mkdir3(outDir, { recursive: true });
  const prefix = `[${irisKey(image)}] `;
  const restoredFromCache = inputs.cacheImages && await restoreImage(image, ctx.imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  if (restoredFromCache) io.info(`${prefix}image restored from the cache`);
  const startedAt = Date.now();
  let stage = "start";
  let outcome;
  try {
    const result = await untilAborted(
      deps.pipeline.runImage(
        {
          image,
          workspace: inputs.workspace,
          modulePath: inputs.modulePath,
          outDir,
          ipmInstaller: ctx.ipmInstaller,
          dev: inputs.dev,
          interoperability: inputs.interoperability,
          exportPythonDeps: inputs.exportPythonDeps,
          runTests: inputs.runTests,
          upgrade: inputs.upgrade,
          registry: {
            host: inputs.registry,
            namespace: inputs.namespace,
            username: inputs.username,
            token: inputs.token
          },
          timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
          keepContainer: inputs.keepContainer,
          runId: `${deps.runId}-${index + 1}`,
          onResource: (r) => ctx.ledger.record(r),
          onStage: (name) => stage = name,
          containerSlots: slots,
          signal: ctx.signal
        },
        coreLogger(io, prefix)
      ),
      ctx.signal,
      `the run on ${image}`
    );
    outcome = { image, report: result.report, outDir, logFiles: result.logFiles, restoredFromCache };
  } catch (err) {
    outcome = { image, report: crashedReport(image, startedAt, stage, err), outDir, logFiles: [], restoredFromCache };
  }
  const failed = outcome.report.stages.find((s) => s.status === "failed");
  if (failed) io.info(`${prefix}failed: ${failed.stage}: ${failed.message ?? "failed"}`);
  return outcome;
}

// src/action/outputs.ts
import { mkdir as mkdir4, writeFile } from "node:fs/promises";
import { join as join4 } from "node:path";
var REPORT_FILE = "ipm-db-report.json";
function outputsOf(runs, reportPath) {
  const first = runs.find((r) => r.archive);
  const mod = runs.find((r) => r.module)?.module;
  const published = runs.map((r) => r.published).filter((p) => p !== null);
  return {
    archive: first?.archive?.path ?? "",
    archives: JSON.stringify(runs.map((r) => r.archive?.path).filter(Boolean)),
    sha256: first?.archive?.sha256 ?? "",
    "iris-dat-sha256": first?.archive?.irisDatSha256 ?? "",
    "module-name": mod?.name ?? "",
    "module-version": mod?.version ?? "",
    "iris-versions": JSON.stringify(runs.map((r) => r.irisVersion).filter(Boolean)),
    "published-tags": JSON.stringify(published.map((p) => p.tag)),
    "published-references": JSON.stringify(published.map((p) => p.reference)),
    digests: JSON.stringify(published.map((p) => p.digest)),
    report: reportPath,
    result: JSON.stringify(
      runs.map((r) => ({
        image: r.image,
        irisVersion: r.irisVersion,
        ok: r.ok,
        stages: r.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          message: s.message ?? null
        }))
      }))
    )
  };
}
function setOutputs(io, runs, reportPath) {
  for (const [name, value] of Object.entries(outputsOf(runs, reportPath))) io.setOutput(name, redact(value));
}
async function writeReports(outRoot, outcomes) {
  const reportPath = join4(outRoot, REPORT_FILE);
  await mkdir4(outRoot, { recursive: true }).catch(() => {
  });
  await writeJson(
    reportPath,
    outcomes.map((o) => o.report)
  );
  for (const { report, outDir } of outcomes) await writeJson(join4(outDir, REPORT_FILE), report);
  return reportPath;
}
async function writeJson(path, value) {
  await writeFile(path, redact(JSON.stringify(value, null, 2)) + "\n").catch(() => {
  });
}

// src/action/artifacts.ts
function artifactServiceAvailable(env) {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
function defaultUploader() {
  return {
    async upload(name, files, rootDirectory) {
      const { DefaultArtifactClient } = await import("./chunks/artifact-ANKFOMOB.js");
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, rootDirectory, {});
      return { id: res.id ?? null, size: res.size ?? 0 };
    }
  };
}
function shouldUpload(policy, runOk) {
  return policy === "always" || policy === "failure" && !runOk;
}
function sanitiseArtifactName(raw) {
  return raw.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 200);
}
function artifactName(prefix, iris, env, matrixJson) {
  const parts = [prefix, iris, env.GITHUB_JOB ?? "local"];
  if (matrixJson && matrixJson !== "null") {
    let values = [];
    try {
      const parsed = JSON.parse(matrixJson);
      if (parsed && typeof parsed === "object")
        values = Object.values(parsed).map((v) => typeof v === "string" ? v : JSON.stringify(v));
    } catch {
      values = [matrixJson];
    }
    const joined = sanitiseArtifactName(values.join("-"));
    if (joined.length > 60)
      parts.push(`${joined.slice(0, 40)}-${createHash("sha256").update(matrixJson).digest("hex").slice(0, 8)}`);
    else if (joined) parts.push(joined);
  }
  if (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== "1") parts.push(`attempt${env.GITHUB_RUN_ATTEMPT}`);
  return sanitiseArtifactName(parts.join("-"));
}
async function uploadRunFiles(uploader, name, files, rootDirectory) {
  const res = await uploader.upload(name, files, rootDirectory);
  return { name, id: res.id, size: res.size, files };
}
async function listFilesIn(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join5(dir, e.name);
    if (e.isDirectory()) out.push(...await listFilesIn(p));
    else out.push(p);
  }
  return out;
}
async function collectRunFiles(report, outDir, logFiles) {
  const files = /* @__PURE__ */ new Set([join5(outDir, REPORT_FILE)]);
  const wanted = [report.archive?.path, report.junitPath, ...report.ok ? [] : logFiles].filter(
    (p) => Boolean(p)
  );
  for (const p of wanted) {
    const rel = relative(outDir, p);
    if (!rel.startsWith("..") && rel !== "") files.add(p);
    else {
      const copy = join5(outDir, basename2(p));
      await copyFile2(p, copy);
      files.add(copy);
    }
  }
  if (!report.ok) {
    for (const f of await listFilesIn(outDir)) if (/\.log$/i.test(f)) files.add(f);
  }
  const present = [];
  for (const f of files)
    if (await stat2(f).then(
      (s) => s.isFile(),
      () => false
    ))
      present.push(f);
  return present;
}
async function uploadArtifacts(outcomes, inputs, uploader, io, env, notice2) {
  const artifacts = [];
  const wanted = outcomes.filter((o) => shouldUpload(inputs.uploadArtifacts, o.report.ok));
  if (wanted.length === 0) return artifacts;
  if (!uploader) {
    notice2("Artifact upload skipped: not running in GitHub Actions (no results service).");
    return artifacts;
  }
  await io.group("Upload artifacts", async () => {
    for (const { report, outDir, logFiles } of wanted) {
      const name = artifactName(inputs.artifactName, irisKey(report.image, report), env, inputs.matrixKey);
      try {
        const files = await collectRunFiles(report, outDir, logFiles);
        const up = await uploadRunFiles(uploader, name, files, outDir);
        io.info(`Uploaded ${name} (${up.size} bytes, ${files.length} files)`);
        artifacts.push(up);
      } catch (err) {
        io.warning(`Uploading artifact ${name} failed: ${redact(errorMessage(err))}`);
      }
    }
  });
  return artifacts;
}

// src/action/event.ts
import { readFileSync } from "node:fs";
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) return null;
  let payload = null;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = null;
    }
  }
  return { name, payload };
}

// src/action/inputs.ts
import { isAbsolute, resolve } from "node:path";
var UPLOAD_POLICIES = ["always", "failure", "never"];
var TRUE_FORMS = ["true", "True", "TRUE"];
var FALSE_FORMS = ["false", "False", "FALSE"];
var REGISTRY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[a-z0-9][a-z0-9._-]*)*$/;
var NAMESPACE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
var ARTIFACT_NAME_RE = /^[A-Za-z0-9._-]{1,60}$/;
var DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseList(raw) {
  return raw.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseDuration(raw) {
  const text = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const ms = Number(text) * 1e3;
    return ms > 0 ? ms : null;
  }
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  let total = 0;
  for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return total > 0 ? Math.round(total) : null;
}
function parseInputs(source) {
  const token = source.get("token").trim();
  if (token) {
    source.setSecret(token);
    registerSecret(token);
  }
  const problems = [];
  const problem = (input, text) => problems.push(`input "${input}": ${text}`);
  const bool = (name, fallback) => {
    const raw = source.get(name).trim();
    if (raw === "") return fallback;
    if (TRUE_FORMS.includes(raw)) return true;
    if (FALSE_FORMS.includes(raw)) return false;
    problem(name, `"${raw}" is not a boolean; write true or false.`);
    return fallback;
  };
  const duration = (name, fallback) => {
    const raw = source.get(name).trim() || fallback;
    const ms = parseDuration(raw);
    if (ms === null) {
      problem(name, `"${raw}" is not a duration; write a positive number with a unit, e.g. 90s, 10m or 1h30m.`);
      return parseDuration(fallback) ?? 0;
    }
    return ms;
  };
  const workspace = source.env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (name, raw) => {
    const abs = isAbsolute(raw) ? raw : resolve(workspace, raw);
    if (/[\0\n\r]/.test(raw)) problem(name, "contains a control character.");
    return abs;
  };
  const modulePath = inWorkspace("module-path", source.get("module-path").trim() || ".");
  const images = imageList(source, problem);
  const ipm = ipmSource(source, problem, inWorkspace);
  const dev = bool("dev", false);
  const interoperability = bool("interoperability", false);
  const exportPythonDeps = bool("export-python-deps", true);
  const runTests = bool("run-tests", false);
  const publishRaw = source.get("publish").trim();
  let publishAsked = false;
  if (publishRaw === "true") publishAsked = true;
  else if (publishRaw !== "" && publishRaw !== "false")
    problem("publish", `"${publishRaw}" is not accepted; publishing needs exactly true (anything else: false).`);
  const registry = source.get("registry").trim().replace(/\/+$/, "") || "ghcr.io";
  if (!REGISTRY_RE.test(registry))
    problem("registry", `"${registry}" is not a registry host; write e.g. ghcr.io or localhost:5000/prefix.`);
  const registryPlainHttp = bool("registry-plain-http", false);
  if (registryPlainHttp && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(registry))
    problem(
      "registry-plain-http",
      `is true but ${registry} is not a loopback registry; HTTP would send the token in clear text.`
    );
  const namespaceRaw = source.get("namespace").trim() || source.env.GITHUB_REPOSITORY_OWNER || "";
  const namespace = namespaceRaw.toLowerCase();
  const namespaceOk = namespace !== "" && NAMESPACE_RE.test(namespace);
  if (publishAsked && !namespace)
    problem("namespace", "is empty; set it to the registry owner (e.g. your GitHub user or organisation).");
  if (namespace && !namespaceOk)
    problem("namespace", `"${namespaceRaw}" is not a registry namespace (letters, digits, ".", "_", "-", "/").`);
  const upgrade = upgradeOptions(source, problem, inWorkspace, namespaceOk ? { registry, namespace } : null);
  const username = source.get("username").trim() || source.env.GITHUB_ACTOR || "";
  const sourceUrlRaw = source.get("source-url").trim();
  let sourceUrl = null;
  if (sourceUrlRaw) {
    if (/^https?:\/\/[^\s/]+\/?\S*$/.test(sourceUrlRaw) && !/^https?:\/\/\/?$/.test(sourceUrlRaw))
      sourceUrl = sourceUrlRaw;
    else problem("source-url", `"${sourceUrlRaw}" is not an http(s) URL.`);
  }
  const force = bool("force", false);
  const allowPrerelease = bool("allow-prerelease", false);
  const summary2 = bool("summary", true);
  const uploadRaw = source.get("upload-artifacts").trim() || "always";
  let uploadArtifacts2 = "always";
  if (UPLOAD_POLICIES.includes(uploadRaw)) uploadArtifacts2 = uploadRaw;
  else problem("upload-artifacts", `"${uploadRaw}" is not a policy; use always, failure or never.`);
  const artifactName2 = source.get("artifact-name").trim() || "ipm-db";
  if (!ARTIFACT_NAME_RE.test(artifactName2))
    problem("artifact-name", `"${artifactName2}" may hold only letters, digits, ".", "_" and "-" (at most 60).`);
  const matrixKey = source.get("matrix-key").trim();
  const cacheImages = bool("cache-images", false);
  const timeouts = {
    startupMs: duration("startup-timeout", "5m"),
    commandMs: duration("command-timeout", "15m"),
    totalMs: duration("timeout", "60m")
  };
  const parallelRaw = source.get("parallel").trim();
  let parallel = defaultParallel(source.machine ?? thisMachine());
  if (parallelRaw) {
    if (/^[1-9]\d{0,2}$/.test(parallelRaw)) parallel = Number(parallelRaw);
    else
      problem("parallel", `"${parallelRaw}" is not a number of IRIS containers; write a whole number from 1, e.g. 2.`);
  }
  const keepContainer = bool("keep-container", false);
  let publish = publishAsked;
  let publishRefused = null;
  if (publishAsked) {
    const fork = forkPullRequest(source.event, source.env.GITHUB_REPOSITORY);
    if (fork) {
      publish = false;
      publishRefused = `publishing is refused on ${fork}: its token must not write packages.`;
    } else {
      if (!token) problem("token", "is empty but publish is true; pass a token with packages: write.");
      if (ipm.kind === "installer" && ipm.sha256 === null)
        problem("ipm-sha256", "is required when publishing with ipm-installer (a release must pin its IPM).");
    }
  }
  if (problems.length)
    throw new UsageError(
      `Invalid action inputs:
  - ${problems.join("\n  - ")}`,
      'Fix the "with:" block of this step; every input is described in action.yml and docs/action.md.'
    );
  return {
    workspace,
    modulePath,
    images,
    ipm,
    dev,
    interoperability,
    exportPythonDeps,
    runTests,
    upgrade,
    publish,
    publishRefused,
    registry,
    registryPlainHttp,
    namespace,
    username,
    token,
    sourceUrl,
    force,
    allowPrerelease,
    summary: summary2,
    uploadArtifacts: uploadArtifacts2,
    artifactName: artifactName2,
    matrixKey,
    cacheImages,
    timeouts,
    parallel,
    keepContainer
  };
}
function imageList(source, problem) {
  const explicit = parseList(source.get("iris-images"));
  const versions = parseList(source.get("iris-versions"));
  const images = [];
  if (explicit.length) {
    for (const image of explicit) {
      if (isImageReference(image)) images.push(image);
      else
        problem(
          "iris-images",
          `"${image}" is not an image reference; write e.g. containers.intersystems.com/intersystems/iris-community:2025.1.`
        );
    }
  } else if (versions.length) {
    const registry = source.get("iris-image-registry").trim().replace(/\/+$/, "") || "containers.intersystems.com/intersystems";
    const flavour = source.get("iris-flavour").trim() || "iris-community";
    for (const version of versions) {
      const image = `${registry}/${flavour}:${version}`;
      if (!isTag(version)) problem("iris-versions", `"${version}" is not an image tag; write e.g. 2025.1.`);
      else if (!isImageReference(image))
        problem(
          "iris-flavour",
          `"${registry}/${flavour}" does not make an image name; check iris-image-registry and iris-flavour.`
        );
      else images.push(image);
    }
  } else {
    problem("iris-images", "no IRIS image given; set iris-images (full references) or iris-versions (e.g. 2025.1).");
  }
  const seen = /* @__PURE__ */ new Set();
  return images.filter((i) => !seen.has(i) && seen.add(i));
}
function ipmSource(source, problem, inWorkspace) {
  const version = source.get("ipm-version").trim();
  const installer = source.get("ipm-installer").trim();
  const sha = source.get("ipm-sha256").trim();
  const releaseUrl = source.get("ipm-release-url").trim() || IPM_RELEASE_URL;
  if (sha && !isSha256Hex(sha)) problem("ipm-sha256", "must be 64 hexadecimal digits (the output of sha256sum).");
  if (sha && !installer && !version) problem("ipm-sha256", "is set but neither ipm-installer nor ipm-version is.");
  if (version && installer) {
    problem("ipm-version", "and ipm-installer are both set; keep only one.");
    return { kind: "image" };
  }
  if (version) {
    if (!isSemver(version)) problem("ipm-version", `"${version}" is not an IPM version; write e.g. 0.10.10.`);
    if (!sha)
      problem("ipm-sha256", `is required with ipm-version: the SHA-256 of zpm-${version}.xml from the release.`);
    if (!/^https?:\/\/\S+$/.test(releaseUrl) || !releaseUrl.includes("{version}"))
      problem("ipm-release-url", `"${releaseUrl}" must be an http(s) URL containing {version}.`);
    return { kind: "version", version, sha256: sha.toLowerCase(), releaseUrl };
  }
  if (installer) {
    if (!/\.xml$/i.test(installer))
      problem("ipm-installer", `"${installer}" is not an installer XML (zpm-<version>.xml).`);
    return { kind: "installer", path: inWorkspace("ipm-installer", installer), sha256: sha ? sha.toLowerCase() : null };
  }
  return { kind: "image" };
}
function upgradeOptions(source, problem, inWorkspace, pullFrom) {
  const text = Object.fromEntries(UPGRADE_FIELDS.map((field) => [field, source.get(field)]));
  const { options, problems } = readUpgradeOptions(text, {
    resolvePath: (path, field) => inWorkspace(field, path),
    pullFrom
  });
  for (const p of problems) problem(p.field, p.message);
  return options;
}
function forkPullRequest(event, repository) {
  if (!event || event.name !== "pull_request" && event.name !== "pull_request_target") return null;
  const pr = event.payload?.pull_request;
  const headRepo = pr?.head?.repo;
  const base = event.payload?.repository?.full_name ?? repository;
  if (!headRepo?.full_name) return `a ${event.name} event whose head repository is unknown`;
  if (!base || headRepo.full_name.toLowerCase() !== base.toLowerCase())
    return `a ${event.name} event from fork ${headRepo.full_name}`;
  return null;
}

// src/action/run.ts
import { stat as stat3 } from "node:fs/promises";
import { join as join8, relative as relative3 } from "node:path";

// src/action/annotations.ts
import { join as join6, relative as relative2, sep } from "node:path";
var MAX_PER_LEVEL = 10;
function irisLabel(run2) {
  return run2.irisVersion ? `IRIS ${run2.irisVersion}` : run2.image;
}
function repositoryPath(roots, moduleRelative) {
  const rel = relative2(roots.workspace, join6(roots.modulePath, moduleRelative));
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep).join("/");
}
function planAnnotations(runs, roots) {
  const all = [];
  const seen = /* @__PURE__ */ new Map();
  const add = (a, where) => {
    const key = `${a.level}\0${a.file ?? ""}\0${a.startLine ?? ""}\0${a.message}`;
    const existing = seen.get(key);
    if (existing) {
      if (!existing.where.includes(where)) existing.where.push(where);
      return;
    }
    const entry = { annotation: a, where: [where] };
    seen.set(key, entry);
    all.push(entry);
  };
  for (const run2 of runs) {
    const where = irisLabel(run2);
    for (const ce of run2.compileErrors) {
      const file = ce.file ? repositoryPath(roots, ce.file) : null;
      const text = ce.message.replace(/^[\s:]+/, "");
      const a = {
        level: "error",
        title: `Compile error in ${ce.document}`,
        message: file ? text : `${ce.document}${ce.line ? ` line ${ce.line}` : ""}: ${text}`
      };
      if (file) a.file = file;
      if (file && ce.line) a.startLine = ce.line;
      add(a, where);
    }
    const v = run2.verification;
    if (v) {
      for (const f of v.errors)
        add(
          { level: "error", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
      for (const f of v.warnings)
        add(
          { level: "warning", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
    }
  }
  const counts = { error: 0, warning: 0 };
  const annotations = [];
  const overflow = [];
  for (const { annotation, where } of all) {
    const a = { ...annotation, title: `${annotation.title} (${where.join(", ")})` };
    if (counts[a.level] < MAX_PER_LEVEL) {
      counts[a.level]++;
      annotations.push(a);
    } else {
      const at = a.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ""}: ` : "";
      overflow.push(`${a.level}: ${at}${a.message} \u2014 ${a.title}`);
    }
  }
  return { annotations, overflow };
}
function withEntry(message, entry) {
  return entry ? `${entry}: ${message}` : message;
}

// src/action/ipm-installer.ts
import { join as join7 } from "node:path";
function resolveIpmInstaller(ipm, opts) {
  if (ipm.kind === "installer")
    return resolveInstaller(
      { kind: "path", path: ipm.path, ...ipm.sha256 ? { sha256: ipm.sha256 } : {} },
      { workDir: opts.workDir }
    );
  return resolveInstaller(
    { kind: "version", version: ipm.version, sha256: ipm.sha256 },
    { workDir: opts.workDir, cache: opts.cache, releaseUrl: ipm.releaseUrl }
  );
}
function installerStep(ipm, io, cache, tempRoot) {
  return io.group("IPM installer", async () => {
    if (ipm.kind === "image") {
      io.info("No ipm-version or ipm-installer given: using the IPM already in the image.");
      return null;
    }
    const resolved = await resolveIpmInstaller(ipm, {
      workDir: join7(tempRoot, "ipm-db-downloads"),
      cache: actionsInstallerCache(cache, join7(tempRoot, "ipm-db-cache"))
    });
    io.info(`IPM installer ${resolved.path} (${resolved.origin}, sha256 ${resolved.sha256})`);
    return { path: resolved.path, sha256: resolved.sha256 };
  });
}

// src/action/publish-step.ts
function setPublishStage(report, result) {
  report.stages = report.stages.filter((s) => s.stage !== "publish");
  report.stages.push(result);
}
async function publishStep(runs, allRan, inputs, publisher, io, signal) {
  const allOk = allRan && runs.every((r) => r.ok);
  for (const report of runs) {
    if (!inputs.publish) {
      setPublishStage(report, stageSkipped("publish", inputs.publishRefused ?? "publish is not true"));
      continue;
    }
    if (!allOk) {
      setPublishStage(report, stageSkipped("publish", "not every IRIS version passed; nothing is published"));
      continue;
    }
    const t0 = Date.now();
    const key = irisKey(report.image, report);
    try {
      const { archive, verification } = report;
      if (!archive || !verification)
        throw new IpmDbError("publish", `IRIS ${key} produced no verified archive to publish.`);
      const published = await io.group(
        `[${key}] publish`,
        () => untilAborted(
          publisher.publish(
            {
              archivePath: archive.path,
              verification,
              registry: inputs.registry,
              namespace: inputs.namespace,
              username: inputs.username,
              token: inputs.token,
              sourceUrl: inputs.sourceUrl,
              force: inputs.force,
              allowPrerelease: inputs.allowPrerelease,
              signal
            },
            coreLogger(io, `[${key}] `)
          ),
          signal,
          "publishing"
        )
      );
      report.published = published;
      setPublishStage(report, {
        stage: "publish",
        status: "passed",
        durationMs: Date.now() - t0,
        message: `${published.reference}${published.unchanged ? " (unchanged)" : ""}`
      });
    } catch (err) {
      report.ok = false;
      setPublishStage(report, stageFailure("publish", err, Date.now() - t0));
      break;
    } finally {
      report.durationMs += Date.now() - t0;
    }
  }
}

// src/action/run.ts
function totalTimeout(totalMs) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(
      new IpmDbError("timeout", `The whole run exceeded the timeout input (${Math.round(totalMs / 1e3)} s).`, {
        hint: "Raise the timeout input, or run fewer IRIS versions per job (a matrix)."
      })
    ),
    totalMs
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
async function checkWorkspace(inputs) {
  await stat3(join8(inputs.modulePath, "module.xml")).catch(() => {
    throw new UsageError(
      `input "module-path": no module.xml in ${relative3(inputs.workspace, inputs.modulePath) || "."}.`,
      "Point module-path at the folder holding module.xml, and run actions/checkout before this step."
    );
  });
  const previous = inputs.upgrade?.previous.packagePath;
  if (previous)
    await stat3(previous).catch(() => {
      throw new UsageError(
        `input "upgrade-from": ${relative3(inputs.workspace, previous)} does not exist.`,
        "Give the path of a previous .tgz, a version or a registry reference."
      );
    });
}
async function run(inputs, deps) {
  const started = Date.now();
  const { io } = deps;
  const notices = [];
  const notice2 = (m) => {
    notices.push(m);
    io.notice(m);
  };
  io.saveState(STATE_RUN_ID, deps.runId);
  io.saveState(STATE_KEEP, String(inputs.keepContainer));
  const tempRoot = deps.env.RUNNER_TEMP || join8(inputs.workspace, ".ipm-db");
  const outRoot = join8(tempRoot, "ipm-db", deps.runId);
  const imageCacheDir = join8(tempRoot, "ipm-db-images");
  if (inputs.publishRefused) notice2(inputs.publishRefused);
  const total = totalTimeout(inputs.timeouts.totalMs);
  let outcomes = [];
  let failure = null;
  try {
    await checkWorkspace(inputs);
    const ipmInstaller = await installerStep(inputs.ipm, io, deps.cache, tempRoot);
    outcomes = await runImages({
      inputs,
      deps,
      outRoot,
      imageCacheDir,
      ipmInstaller,
      ledger: new ResourceLedger((n, v) => io.saveState(n, v)),
      signal: total.signal
    });
    const runs2 = outcomes.map((o) => o.report);
    const allRan = runs2.length === inputs.images.length;
    await publishStep(runs2, allRan, inputs, deps.publisher, io, total.signal);
    const firstFailed = runs2.find((r) => !r.ok);
    if (firstFailed) failure = failureOf(firstFailed);
    else if (!allRan && total.signal.reason) failure = failureFromError(total.signal.reason);
  } catch (err) {
    failure = failureFromError(err);
  } finally {
    total.clear();
  }
  const runs = outcomes.map((o) => o.report);
  const reportPath = await writeReports(outRoot, outcomes);
  setOutputs(io, runs, reportPath);
  const plan = planAnnotations(runs, { workspace: inputs.workspace, modulePath: inputs.modulePath });
  for (const a of plan.annotations) io.annotate(a);
  const artifacts = await uploadArtifacts(outcomes, inputs, deps.uploader, io, deps.env, notice2);
  if (inputs.cacheImages) {
    const restored = new Set(outcomes.filter((o) => o.restoredFromCache).map((o) => o.image));
    for (const image of inputs.images)
      if (!restored.has(image)) await saveImage(image, imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  }
  const outcome = {
    runs,
    ok: failure === null,
    failure,
    notices,
    annotationOverflow: plan.overflow,
    artifacts,
    durationMs: Date.now() - started
  };
  if (inputs.summary) {
    try {
      await io.writeSummary(buildSummary(outcome));
    } catch (err) {
      io.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }
  return outcome;
}
function runLabel2(report) {
  return report.irisVersion ? `IRIS ${report.irisVersion}` : report.image;
}
function failureOf(report) {
  const s = firstFailure(report.stages);
  return {
    message: `${runLabel2(report)}: ${s ? `the ${s.stage} stage failed: ${s.message ?? ""}` : "failed"}`.trim(),
    hint: null,
    details: null
  };
}
function failureFromError(err) {
  return {
    message: redact(errorMessage(err)),
    hint: err instanceof IpmDbError && err.hint ? redact(err.hint) : null,
    details: err instanceof IpmDbError && err.details ? redact(err.details) : null
  };
}

// src/action/wiring.ts
import { mkdir as mkdir5, readdir as readdir2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join9 } from "node:path";
function pipelinePort(wiring = {}) {
  return {
    async runImage(o, logger) {
      const stages = o.upgrade ? [...DEFAULT_STAGES, upgradeStageFor(o, o.upgrade, logger, wiring)] : DEFAULT_STAGES;
      const record = {
        // Recorded before docker creates anything (the runner also reports each one as it creates it).
        beforeStage: (stage, ctx) => {
          o.onStage(stage);
          if (stage === "start") o.onResource({ kind: "container", name: containerNameFor(ctx.runId) });
        },
        afterStage: async (result, ctx) => {
          if (result.status === "failed") await saveFailureLogs(o.outDir, result, ctx.container);
        }
      };
      const report = await runPipeline({
        image: o.image,
        moduleDir: o.modulePath,
        outDir: o.outDir,
        installer: o.ipmInstaller ? { kind: "path", path: o.ipmInstaller.path, sha256: o.ipmInstaller.sha256 } : null,
        dev: o.dev,
        exportPythonDeps: o.exportPythonDeps,
        enableEnsemble: o.interoperability,
        runTests: o.runTests,
        onResource: o.onResource,
        signal: o.signal,
        keepContainer: o.keepContainer,
        runId: o.runId,
        logger,
        verifyArchive: (path, expected) => verifyArchive(path, expected),
        hooks: [record],
        stages,
        ...wiring.runner ? { docker: { runner: wiring.runner } } : {},
        timeouts: {
          readyMs: o.timeouts.startupMs,
          ipmInstallMs: o.timeouts.commandMs,
          loadMs: o.timeouts.commandMs,
          packageMs: o.timeouts.commandMs,
          installMs: o.timeouts.commandMs,
          testMs: o.timeouts.commandMs
        }
      });
      const logFiles = (await readdir2(o.outDir).catch(() => [])).filter((f) => /\.log$/i.test(f)).map((f) => join9(o.outDir, f));
      return { report, logFiles };
    }
  };
}
function upgradeStageFor(o, upgrade, logger, wiring) {
  const pull = registryPuller(
    (host) => new RegistryClient({
      registry: host,
      plainHttp: host === o.registry.host && (wiring.plainHttp ?? false),
      logger,
      ...host === o.registry.host && o.registry.token ? { credentials: { username: o.registry.username || "token", password: o.registry.token } } : {}
    })
  );
  return upgradeStage(upgrade, pull);
}
async function saveFailureLogs(outDir, result, container) {
  await mkdir5(outDir, { recursive: true }).catch(() => {
  });
  if (result.output) await writeFile2(join9(outDir, `${result.stage}-output.log`), redact(result.output)).catch(() => {
  });
  if (!container) return;
  const logs = await container.docker.call(["logs", container.name], { timeoutMs: 3e4 }).catch(() => null);
  if (logs) await writeFile2(join9(outDir, "container.log"), redact(`${logs.stdout}${logs.stderr}`)).catch(() => {
  });
  await container.copyOut(container.messagesLogPath, join9(outDir, "messages.log"), 6e4).catch(() => {
  });
}
function publishPort(wiring = {}) {
  return {
    async publish(r, logger) {
      const published = await publishPackage({
        archivePath: r.archivePath,
        report: r.verification,
        registry: r.registry,
        namespace: r.namespace,
        ...r.sourceUrl ? { source: r.sourceUrl } : {},
        force: r.force,
        allowPrerelease: r.allowPrerelease,
        plainHttp: wiring.plainHttp ?? false,
        ...r.token ? { credentials: { username: r.username || "token", password: r.token } } : {},
        logger
      });
      return {
        reference: published.reference,
        tag: published.tag,
        digest: published.digest,
        unchanged: published.unchanged
      };
    }
  };
}

// src/index.ts
async function main() {
  const inputs = parseInputs({
    get: (name) => getInput(name),
    env: process.env,
    event: readEvent(process.env),
    setSecret: (value) => setSecret(value)
  });
  const io = actionsCore();
  const outcome = await run(inputs, {
    io,
    pipeline: pipelinePort({ plainHttp: inputs.registryPlainHttp }),
    publisher: publishPort({ plainHttp: inputs.registryPlainHttp }),
    uploader: artifactServiceAvailable(process.env) ? defaultUploader() : null,
    cache: actionsCacheStore((m) => io.warning(m)),
    docker: dockerCli,
    env: process.env,
    runId: `${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes(4).toString("hex")}`
  });
  if (outcome.failure) {
    const { message, hint } = outcome.failure;
    setFailed(hint ? `${message}
${hint}` : message);
  }
}
main().catch((err) => setFailed(redact(describeError(err)))).finally(() => setTimeout(() => process.exit(), 1e3).unref());
