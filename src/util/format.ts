// How durations and text are written for people: logs, error messages and Markdown summaries.

/** "250 ms", "4 s", "12.3 s", "2 min 5 s", "10 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${Number((ms / 1000).toFixed(1))} s`;
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text for a Markdown table cell (or any one-line block): HTML-escaped, pipes escaped, line breaks as <br>. */
export function markdownText(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * A code span that is safe in a table cell: shown literally (no HTML escaping inside code), pipes
 * escaped, backticks and line breaks replaced; '' for empty text.
 */
export function markdownCode(text: string): string {
  if (text === '') return '';
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}

/**
 * A Markdown link that is safe in a table cell: the label escaped as markdownText (and its square
 * brackets), or shown as code when `code`; the URL only http(s), with every character outside
 * the URL grammar's plain set (spaces, parentheses, pipes, quotes, angle brackets) percent-encoded.
 * A URL that is not http(s) gives the label alone.
 */
export function markdownLink(label: string, url: string, opts: { code?: boolean } = {}): string {
  const text = opts.code ? markdownCode(label) : markdownText(label.replace(/[[\]\\]/g, (c) => `\\${c}`));
  if (!/^https?:\/\/[^\s/]/i.test(url)) return text;
  const safe = url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (c) =>
    c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c),
  );
  return `[${text}](${safe})`;
}
