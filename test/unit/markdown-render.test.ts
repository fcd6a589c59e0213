import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import StreamingMarkdown from '@/components/markdown/streaming-markdown';
import { type MessageKey, type MessageParams, translate } from '@/lib/i18n/translate';

// The renderer needs only the translation function; the settings provider reads browser storage.
vi.mock('@/components/settings-context', () => ({
  useT: () => (key: MessageKey, params?: MessageParams) => translate('en', key, params),
}));

const render = (text: string, streaming = false) => renderToStaticMarkup(createElement(StreamingMarkdown, { text, streaming }));

/** The attributes of every <a> in the markup, in order. */
function anchors(html: string): Record<string, string>[] {
  return [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attributes = '', text = '']) => ({
    ...Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, value])),
    text,
  }));
}

describe('StreamingMarkdown across blocks', () => {
  it('renders a reference link whose definition is in a later block, with the safe link attributes', () => {
    const html = render('See [the docs][d].\n\nA paragraph between.\n\n[d]: https://example.com/docs');
    expect(anchors(html)).toEqual([{ href: 'https://example.com/docs', target: '_blank', rel: 'noopener noreferrer', text: 'the docs' }]);
    // The definition itself shows nothing.
    expect(html).not.toContain('[d]:');
  });

  it('keeps the URL rules for definitions: a javascript: destination gives no link', () => {
    const html = render('Click [here][x].\n\n[x]: javascript:alert(1)');
    expect(html).not.toContain('javascript');
    expect(anchors(html)).toEqual([]);
    expect(html).toContain('here');
  });

  it('shows the reference as text while its definition is still being written', () => {
    const html = render('See [the docs][d].\n\n[d]: https://exa', true);
    expect(anchors(html)).toEqual([]);
    expect(html).toContain('[the docs][d]');
  });

  it('renders footnotes as GFM does, in one section at the end, numbered across blocks', () => {
    const html = render('Tides[^tide].\n\nWind[^wind], and tides again[^tide].\n\n[^tide]: Tide note.\n\n[^wind]: Wind note.');
    const links = anchors(html);
    const prefix = /href="#([\w-]+)-fn-1"/.exec(html)?.[1] ?? '';
    expect(prefix).not.toBe('');
    expect(links.map((link) => [link.text, link.href, link.id])).toEqual([
      ['1', `#${prefix}-fn-1`, `${prefix}-fnref-1`],
      ['2', `#${prefix}-fn-2`, `${prefix}-fnref-2`],
      // A second call has no id: ids stay unique.
      ['1', `#${prefix}-fn-1`, undefined],
      ['↩', `#${prefix}-fnref-1`, undefined],
      ['↩', `#${prefix}-fnref-2`, undefined],
    ]);
    expect(links[0]?.['aria-label']).toBe('Footnote 1');
    const section = html.slice(html.indexOf('<section class="footnotes"'));
    expect(section).toMatch(
      /<h3[^>]*>Footnotes<\/h3><ol><li id="[\w-]+-fn-1"><p>Tide note\.<\/p>.*<li id="[\w-]+-fn-2"><p>Wind note\.<\/p>/,
    );
    // The section is the end of the answer, and definitions are not repeated in the text.
    expect(html.indexOf('Tide note.')).toBeGreaterThan(html.indexOf('tides again'));
    expect(html.match(/Tide note\./g)).toHaveLength(1);
  });

  it('leaves a footnote call with no definition as its text', () => {
    const html = render('A claim[^nowhere].');
    expect(html).toContain('[^nowhere]');
    expect(html).not.toContain('<sup');
  });

  it('gives two answers on one page different footnote ids', () => {
    const text = 'Claim[^1].\n\n[^1]: Note.';
    const html = renderToStaticMarkup(
      createElement(
        'div',
        null,
        createElement(StreamingMarkdown, { text, streaming: false }),
        createElement(StreamingMarkdown, { text, streaming: false }),
      ),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
