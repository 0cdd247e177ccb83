import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/redact.ts
var secrets = /* @__PURE__ */ new Set();
function registerSecret(value) {
  if (value && value.length >= 4) secrets.add(value);
}
function redact(text) {
  let out = text;
  for (const s of secrets) out = out.split(s).join("***");
  return out;
}

// src/cli/command.ts
async function loadCommand(listing) {
  return "load" in listing ? listing.load() : listing;
}
var EXIT = { ok: 0, failed: 1, usage: 2 };

export {
  registerSecret,
  redact,
  loadCommand,
  EXIT
};
