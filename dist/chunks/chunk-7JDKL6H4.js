import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/errors.ts
var IpmDbError = class extends Error {
  code;
  hint;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "IpmDbError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
};
var UsageError = class extends IpmDbError {
  constructor(message, hint) {
    super("usage", message, hint === void 0 ? {} : { hint });
    this.name = "UsageError";
  }
};
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
function describeError(err) {
  if (err instanceof IpmDbError && err.hint) return `${err.message}
  ${err.hint}`;
  return errorMessage(err);
}

export {
  IpmDbError,
  UsageError,
  errorMessage,
  describeError
};
