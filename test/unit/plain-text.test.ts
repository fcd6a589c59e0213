import { describe, expect, it } from 'vitest';
import { markdownToText } from '@/lib/export/plain-text';

describe('markdownToText', () => {
  it('drops emphasis markers and keeps the words, but not underscores inside words', () => {
    expect(markdownToText('A **bold**, *italic*, ***both***, __strong__, _under_ and ~~gone~~ word; snake_case_name stays.')).toBe(
      'A bold, italic, both, strong, under and gone word; snake_case_name stays.',
    );
  });

  it('keeps code exactly: inline code and fenced blocks, markup and all', () => {
    expect(markdownToText('Run `npm **test**` now.\n\n```ts\nconst a = **b** * c;\n\nreturn [x](y);\n```')).toBe(
      'Run npm **test** now.\n\nconst a = **b** * c;\n\nreturn [x](y);',
    );
  });

  it('keeps a link’s text with its URL in parentheses, and only URLs an answer may link to', () => {
    expect(markdownToText('See [the docs](https://example.com/a_b "Title"), <https://auto.example> and [bad](javascript:alert(1)).')).toBe(
      'See the docs (https://example.com/a_b), https://auto.example and bad.',
    );
    // A link whose text is its URL is not repeated.
    expect(markdownToText('[https://example.com](https://example.com)')).toBe('https://example.com');
  });

  it('resolves reference links and footnotes wherever their definitions are, and lists footnotes at the end', () => {
    const text =
      'See [the docs][d], [D][] and [d], a note[^n] and an unknown [x][nowhere].\n\nMore[^n].\n\n[d]: <https://example.com/docs> "Docs"\n[^n]: The **note**.';
    expect(markdownToText(text)).toBe(
      'See the docs (https://example.com/docs), D (https://example.com/docs) and d (https://example.com/docs), a note[1] and an unknown [x][nowhere].\n\nMore[1].\n\n[1] The note.',
    );
  });

  it('strips headings, quotes and rules, and keeps list bullets and numbers', () => {
    expect(
      markdownToText('## Key Insights ##\n\n* one\n+ two\n  1. nested\n\n> quoted **text**\n> more\n\n---\n\nTitle\n=====\n\nEnd'),
    ).toBe('Key Insights\n\n- one\n- two\n  1. nested\n\nquoted text\nmore\n\nTitle\n\nEnd');
  });

  it('separates table cells with tabs and drops the delimiter row', () => {
    expect(markdownToText('| Name | Link |\n|---|:-:|\n| **A** | [x](https://x.example) |')).toBe('Name\tLink\nA\tx (https://x.example)');
  });

  it('drops raw HTML tags, decodes entities and keeps hard line breaks as line breaks', () => {
    expect(markdownToText('Tom &amp; Jerry &lt;3 <b>bold</b><br>next  \nline\\\nend &#x41;&#66;')).toBe(
      'Tom & Jerry <3 bold\nnext\nline\nend AB',
    );
  });

  it('keeps escaped characters as the characters', () => {
    expect(markdownToText('\\*not emphasis\\* and 2 \\* 3')).toBe('*not emphasis* and 2 * 3');
  });
});
