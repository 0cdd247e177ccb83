import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/untrusted.ts
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function printable(name) {
  return name.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "	") return "\\t";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
function couldHoldWorkflowCommand(text) {
  return text.includes("::") || text.includes("##[");
}
function withoutWorkflowCommands(text, newToken = randomToken) {
  if (!couldHoldWorkflowCommand(text)) return text;
  let token = newToken();
  for (let i = 0; i < 10 && text.includes(token); i++) token = newToken();
  if (text.includes(token)) throw new Error("could not choose a stop-commands token absent from the text");
  return `::stop-commands::${token}
${text}
::${token}::`;
}
function randomToken() {
  return `ipm-db-${randomBytes(16).toString("hex")}`;
}
function commandSafeStream(target) {
  return new Writable({
    write(chunk, _encoding, callback) {
      const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
      const safe = withoutWorkflowCommands(text.endsWith("\n") ? text.slice(0, -1) : text);
      target.write(text.endsWith("\n") ? `${safe}
` : safe, callback);
    }
  });
}

export {
  printable,
  commandSafeStream
};
