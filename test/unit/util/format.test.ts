import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDuration, markdownCode, markdownLink, markdownText } from '../../../src/util/format.js';

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

describe('markdownLink', () => {
  it('escapes the label, encodes what could end the URL or the table cell, and links only http(s)', () => {
    expect(markdownLink('package page', 'https://github.com/acme/demo/pkgs/container/demo')).toBe(
      '[package page](https://github.com/acme/demo/pkgs/container/demo)',
    );
    expect(markdownLink('a]b|<i>', 'https://x.test/p')).toBe('[a\\]b\\|&#60;i&#62;](https://x.test/p)');
    expect(markdownLink('n', 'https://x.test/a b)(c|d"e\'f<g>')).toBe(
      '[n](https://x.test/a%20b%29%28c%7Cd%22e%27f%3Cg%3E)',
    );
    expect(markdownLink('art|1', 'https://x.test/1', { code: true })).toBe('[`art\\|1`](https://x.test/1)');
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
    expect(markdownLink('x', 'https:///evil')).toBe('x');
  });
});
