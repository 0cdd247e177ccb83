/**
 * Removes every registered secret from text before it is logged, summarised or thrown.
 * The action also registers secrets with core.setSecret; this covers the CLI and the
 * report files that the runner's masking never sees.
 */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}
