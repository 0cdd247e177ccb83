/**
 * The runner-facing side effects of the action (outputs, state, log commands, annotations),
 * behind one interface so run.ts can be exercised without a runner.
 */
import * as core from '@actions/core';
import { groupedLogger, type LogLine } from '../util/grouped-log.js';
import type { Logger } from '../util/log.js';
import { redact } from '../util/redact.js';
import { withoutWorkflowCommands } from '../util/untrusted.js';
import type { Annotation } from './annotations.js';
import { writeSummary } from './summary.js';

export interface CoreIO {
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  annotate(annotation: Annotation): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Writes a finished group at once (title, then its lines), so concurrent runs never interleave. */
  writeBlock(title: string, lines: LogLine[]): void;
  writeSummary(markdown: string): Promise<boolean>;
}

export function actionsCore(): CoreIO {
  return {
    setOutput: (n, v) => core.setOutput(n, v),
    saveState: (n, v) => core.saveState(n, v),
    // core.info writes the text as it is; the other commands escape their data themselves.
    info: (m) => core.info(withoutWorkflowCommands(redact(m))),
    debug: (m) => core.debug(redact(m)),
    notice: (m) => core.notice(redact(m)),
    warning: (m) => core.warning(redact(m)),
    annotate: (a) => {
      const props: core.AnnotationProperties = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      (a.level === 'error' ? core.error : core.warning)(redact(a.message), props);
    },
    group: (title, fn) => core.group(redact(title), fn),
    writeBlock: (title, lines) => {
      core.startGroup(redact(title));
      for (const l of lines) (l.level === 'debug' ? core.debug : core.info)(redact(l.text));
      core.endGroup();
    },
    writeSummary,
  };
}

/**
 * The Logger handed to the pipeline for one IRIS version: each stage's group is held and written
 * as one block titled with the IRIS version (`prefix`), so concurrent versions read on their own.
 * Annotations are not emitted here: run.ts plans them from the reports (deduplicated, capped).
 */
export function coreLogger(io: CoreIO, prefix: string): Logger {
  return groupedLogger(
    {
      block: (title, lines) => io.writeBlock(title, lines),
      line: (l) => (l.level === 'debug' ? io.debug(l.text) : io.info(l.text)),
    },
    prefix,
  );
}
