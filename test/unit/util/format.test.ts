import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDuration, markdownCode, markdownText } from '../../../src/util/format.js';

describe('formatDuration', () => {
  it('writes milliseconds, seconds with at most one decimal, then minutes', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(4_000)).toBe('4 s');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(59_990)).toBe('1 min');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(119_600)).toBe('2 min');
    expect(formatDuration(600_000)).toBe('10 min');
  });
});

describe('Markdown escaping', () => {
  it('escapes HTML and table syntax in text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(markdownText('a|b\nc<d>')).toBe('a\\|b<br>c&#60;d&#62;');
  });

  it('keeps code spans literal but safe in a table cell', () => {
    expect(markdownCode('^X("a\\b")|<y>')).toBe('`^X("a\\b")\\|<y>`');
    expect(markdownCode('a`b\nc')).toBe("`a'b c`");
    expect(markdownCode('')).toBe('');
  });
});
