/**
 * Text that comes from what the action does not trust (module files, archive entries, IRIS
 * output, registry answers) on its way to a log the runner reads for workflow commands
 * (`::add-mask::`, `::error::`, `##[...]`).
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

// C0 controls, DEL, C1 controls (U+0085 NEL among them) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A name (file, tar entry, module, link) on one line: control characters become \n, \t, \xNN or \uNNNN. */
export function printable(name: string): string {
  return name.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Whether any line of `text` could be read as a workflow command (`::name::` or the older `##[name]`). */
export function couldHoldWorkflowCommand(text: string): boolean {
  return text.includes('::') || text.includes('##[');
}

/**
 * `text` wrapped so the runner executes no workflow command inside it:
 * `::stop-commands::<token>` ... `::<token>::`, with a fresh random token the text does not contain.
 * Text that cannot hold a command is returned as it is.
 */
export function withoutWorkflowCommands(text: string, newToken: () => string = randomToken): string {
  if (!couldHoldWorkflowCommand(text)) return text;
  let token = newToken();
  for (let i = 0; i < 10 && text.includes(token); i++) token = newToken();
  if (text.includes(token)) throw new Error('could not choose a stop-commands token absent from the text');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

function randomToken(): string {
  return `ipm-db-${randomBytes(16).toString('hex')}`;
}

/** A stream that writes each chunk to `target` through withoutWorkflowCommands (for the CLI's stderr inside Actions). */
export function commandSafeStream(target: Writable): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const safe = withoutWorkflowCommands(text.endsWith('\n') ? text.slice(0, -1) : text);
      target.write(text.endsWith('\n') ? `${safe}\n` : safe, callback);
    },
  });
}
