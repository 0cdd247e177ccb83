import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/pipeline/types.ts
var STAGES = ["start", "ipm", "load", "package", "verify", "install", "test", "upgrade", "publish"];

export {
  STAGES
};
