/**
 * An error the user can act on: `message` says what was wrong, `hint` what to do about it,
 * `details` carries supporting output (IRIS session text, registry response) for summaries.
 * Nothing secret may ever be placed in any of these fields.
 */
export class IpmDbError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly details: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { hint?: string | undefined; details?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IpmDbError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** Usage errors: bad flags, inputs or arguments (CLI exit status 2). */
export class UsageError extends IpmDbError {
  constructor(message: string, hint?: string) {
    super('usage', message, hint === undefined ? {} : { hint });
    this.name = 'UsageError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** "message\nhint" for a human, whatever was thrown. */
export function describeError(err: unknown): string {
  if (err instanceof IpmDbError && err.hint) return `${err.message}\n  ${err.hint}`;
  return errorMessage(err);
}
