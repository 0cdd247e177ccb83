import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/cli/command.ts
async function loadCommand(listing) {
  return "load" in listing ? listing.load() : listing;
}
var EXIT = { ok: 0, failed: 1, usage: 2 };

export {
  loadCommand,
  EXIT
};
