// Prints the CHANGELOG.md section of one version (Keep a Changelog: "## [X.Y.Z] - YYYY-MM-DD"),
// for the GitHub release body. Exits 1 with a message when the section is missing or empty, so a
// tag without release notes fails the release instead of publishing an empty one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The body of the `## [version]` section, trimmed; null when absent or empty. */
export function changelogSection(text, version) {
  const lines = text.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/[.+]/g, '\\$&')}\\](?:\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
    .join('\n')
    .trim();
  return body || null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tag = process.argv[2] ?? '';
  const version = /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1];
  if (!version) {
    console.error(`release-notes: "${tag}" is not a release tag of the form vX.Y.Z`);
    process.exit(2);
  }
  const body = changelogSection(readFileSync(process.argv[3] ?? 'CHANGELOG.md', 'utf8'), version);
  if (!body) {
    console.error(
      `release-notes: CHANGELOG.md has no "## [${version}]" section with content; write it before tagging.`,
    );
    process.exit(1);
  }
  process.stdout.write(`${body}\n`);
}
