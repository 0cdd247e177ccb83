import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/util/format.ts
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 59950) return `${Number((ms / 1e3).toFixed(1))} s`;
  const total = Math.round(ms / 1e3);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function markdownText(text) {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function markdownCode(text) {
  if (text === "") return "";
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}

export {
  formatDuration,
  markdownText,
  markdownCode
};
