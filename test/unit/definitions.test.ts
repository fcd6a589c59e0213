import { describe, expect, it } from 'vitest';
import { normalizeLabel, scanDefinitions, scanReferences } from '@/lib/markdown/definitions';

describe('normalizeLabel', () => {
  it('matches labels as CommonMark does: case-insensitive, whitespace runs as one space', () => {
    expect(normalizeLabel('The  Docs')).toBe(normalizeLabel('the docs'));
    expect(normalizeLabel(' a\n\tb ')).toBe(normalizeLabel('A B'));
    expect(normalizeLabel('a')).not.toBe(normalizeLabel('b'));
  });
});

describe('scanDefinitions', () => {
  it('finds link definitions at the start of a block and after one another, with their source', () => {
    const { links, footnotes } = scanDefinitions('[d]: https://example.com/docs "Docs"\n[Other Label]: <https://example.com/other>\n');
    expect(links).toEqual([
      ['D', '[d]: https://example.com/docs "Docs"'],
      ['OTHER LABEL', '[Other Label]: <https://example.com/other>'],
    ]);
    expect(footnotes).toEqual([]);
    expect(scanDefinitions('[d]: https://example.com/docs\n[e]:\n  https://example.com/e').lines).toEqual([0, 1, 2]);
  });

  it('keeps a destination or a title written on the next line', () => {
    expect(scanDefinitions('[a]:\n  https://example.com/a\n[b]: https://example.com/b\n  "Title"').links).toEqual([
      ['A', '[a]:\n  https://example.com/a'],
      ['B', '[b]: https://example.com/b\n  "Title"'],
    ]);
  });

  it('does not take a definition-like line inside a paragraph (it cannot interrupt one)', () => {
    expect(scanDefinitions('Some text\n[d]: https://example.com').links).toEqual([]);
  });

  it('takes a definition after a heading or a closed code fence', () => {
    expect(scanDefinitions('# Links\n[d]: https://example.com').links.map(([label]) => label)).toEqual(['D']);
    expect(scanDefinitions('```\ncode\n```\n[d]: https://example.com').links.map(([label]) => label)).toEqual(['D']);
  });

  it('ignores definitions inside fenced code', () => {
    expect(scanDefinitions('```md\n[d]: https://example.com\n[^1]: note\n```')).toEqual({ links: [], footnotes: [], lines: [] });
  });

  it('finds footnote definitions, with their continuation lines, even inside a paragraph', () => {
    const { links, footnotes } = scanDefinitions('Text first.\n[^1]: The note,\n    continued.\n[^Two]: Second note.');
    expect(links).toEqual([]);
    expect(footnotes).toEqual([
      ['1', 'The note,\ncontinued.'],
      ['TWO', 'Second note.'],
    ]);
    expect(scanDefinitions('Text first.\n[^1]: The note,\n    continued.').lines).toEqual([1, 2]);
  });

  it('reads a line after a footnote as part of the footnote, not as a link definition', () => {
    expect(scanDefinitions('[^1]: note\n[d]: https://example.com')).toEqual({
      links: [],
      footnotes: [['1', 'note\n[d]: https://example.com']],
      lines: [0, 1],
    });
  });
});

describe('scanReferences', () => {
  it('collects full, collapsed and shortcut reference labels, and footnote calls in order', () => {
    const refs = scanReferences('See [the docs][d], [Guide][] and [faq], notes[^b] and[^a] and[^b] again.');
    expect(refs.labels).toEqual(expect.arrayContaining(['THE DOCS', 'D', 'GUIDE', 'FAQ']));
    expect(refs.footnotes).toEqual(['B', 'A']);
    expect(refs.openFence).toBeNull();
  });

  it('skips code spans and fenced code', () => {
    const refs = scanReferences('Use `[x][d]` here.\n```\n[y][e] [^1]\n```\nand [z].');
    expect(refs.labels).toEqual(['Z']);
    expect(refs.footnotes).toEqual([]);
  });

  it('does not count a footnote definition as a call, but counts calls inside it', () => {
    expect(scanReferences('[^1]: A note that cites[^2].').footnotes).toEqual(['2']);
  });

  it('reports a code fence left open at the end of a block being written', () => {
    expect(scanReferences('See [a][d].\n~~~js\nconst x = 1;').openFence).toBe('~~~');
  });
});
