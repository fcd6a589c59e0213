import { describe, expect, it } from 'vitest';
import { createBlockSplitter } from '@/lib/markdown/blocks';
import { type CrossReferences, createCrossReferences, NO_LINKS } from '@/lib/markdown/cross-references';

/** Splits and cross-references as the renderer does, one update at a time. */
function renderer() {
  const split = createBlockSplitter();
  const references = createCrossReferences();
  return (text: string, final = false) => {
    const result = split(text);
    return { split: result, refs: references(result, final) };
  };
}

/** Feeds the text a few characters at a time; returns every update's cross-references. */
function stream(text: string, size = 3): CrossReferences[] {
  const update = renderer();
  const updates: CrossReferences[] = [];
  for (let end = size; end < text.length + size; end += size) updates.push({ ...update(text.slice(0, end)).refs });
  return updates;
}

describe('createCrossReferences: link reference definitions', () => {
  it('gives an earlier block the definition found in a later block', () => {
    const { refs } = renderer()('See [the docs][d].\n\nMore text.\n\n[d]: https://example.com/docs\n\n', true);
    expect(refs.blocks[0]?.appendix).toBe('[d]: https://example.com/docs');
    expect(refs.blocks[1]).toBe(NO_LINKS);
    // The defining block parses its own definition: nothing to add.
    expect(refs.blocks[2]).toBe(NO_LINKS);
  });

  it('resolves a definition that arrives after its use while streaming, updating only the blocks that use it', () => {
    const update = renderer();
    const before = update('See [the docs][d] and [faq].\n\nUnrelated paragraph.\n\n').refs;
    expect(before.blocks).toEqual([NO_LINKS, NO_LINKS]);
    const unrelated = before.blocks[1];

    // Being typed in the tail, the definition does not count yet (no re-render per keystroke).
    const typing = update('See [the docs][d] and [faq].\n\nUnrelated paragraph.\n\n[d]: https://exam').refs;
    expect(typing.blocks[0]).toBe(NO_LINKS);

    const arrived = update('See [the docs][d] and [faq].\n\nUnrelated paragraph.\n\n[d]: https://example.com/docs\n\nNext').refs;
    expect(arrived.blocks[0]?.appendix).toBe('[d]: https://example.com/docs');
    expect(arrived.blocks[1]).toBe(unrelated);

    // Later updates hand out the same objects: nothing is parsed again.
    const later = update('See [the docs][d] and [faq].\n\nUnrelated paragraph.\n\n[d]: https://example.com/docs\n\nNext words.\n\n').refs;
    expect(later.blocks[0]).toBe(arrived.blocks[0]);
    expect(later.blocks[3]).toBe(NO_LINKS);
  });

  it('counts definitions in the last block once the answer is finished', () => {
    const update = renderer();
    const text = 'See [the docs][d].\n\n[d]: https://example.com/docs';
    expect(update(text).refs.blocks[0]).toBe(NO_LINKS);
    const finished = update(text, true).refs;
    expect(finished.blocks[0]?.appendix).toBe('[d]: https://example.com/docs');
  });

  it('gives the block being written the definitions of finished blocks', () => {
    const { refs } = renderer()('[d]: https://example.com/docs\n\nNow citing [the docs][d');
    expect(refs.tail).toBe(NO_LINKS);
    expect(renderer()('[d]: https://example.com/docs\n\nNow citing [the docs][d]').refs.tail.appendix).toBe(
      '[d]: https://example.com/docs',
    );
  });

  it('keeps the first of two definitions of a label, as CommonMark does', () => {
    const { refs } = renderer()('[a][d]\n\n[d]: https://first.example\n\n[d]: https://second.example\n\n[b][d]\n\n', true);
    expect(refs.blocks[0]?.appendix).toBe('[d]: https://first.example');
    expect(refs.blocks[3]?.appendix).toBe('[d]: https://first.example');
  });

  it('closes a code fence left open in the tail before adding definitions', () => {
    const { refs } = renderer()('[d]: https://example.com\n\nSee [x][d]:\n```js\nconst a = 1;');
    expect(refs.tail.appendix).toBe('```\n\n[d]: https://example.com');
  });

  it('starts over when the text is replaced (a retry)', () => {
    const update = renderer();
    update('[a][d]\n\n[d]: https://example.com\n\n');
    const replaced = update('[a][d]\n\nNo definition now.\n\n').refs;
    expect(replaced.blocks).toEqual([NO_LINKS, NO_LINKS]);
  });
});

describe('createCrossReferences: footnotes', () => {
  const ANSWER =
    'Tides[^tide] and wind[^wind].\n\nMore on tides[^tide].\n\n[^wind]: Wind note.\n\n[^tide]: Tide note with [a link][d].\n\n[d]: https://example.com/tides\n\n';

  it('numbers footnotes in the order of their first call, with one section entry each', () => {
    const refs = stream(ANSWER).at(-1);
    expect(refs?.footnotes.map((note) => [note.number, note.text])).toEqual([
      [1, 'Tide note with [a link][d].'],
      [2, 'Wind note.'],
    ]);
    expect([...(refs?.blocks[0]?.calls ?? [])]).toEqual([
      ['TIDE', { number: 1, first: true }],
      ['WIND', { number: 2, first: true }],
    ]);
    // A second call of the same footnote has the same number and no back-link target.
    expect([...(refs?.blocks[1]?.calls ?? [])]).toEqual([['TIDE', { number: 1, first: false }]]);
    expect(refs?.blocks[0]?.appendix).toContain('[^TIDE]: .');
    // Definitions used inside a footnote reach it too.
    expect(refs?.footnotes[0]?.links.appendix).toBe('[d]: https://example.com/tides');
  });

  it('renumbers when a definition arrives out of order, updating the blocks whose numbers moved', () => {
    const update = renderer();
    const early = update('Tides[^tide] and wind[^wind].\n\n[^wind]: Wind note.\n\n').refs;
    expect([...(early.blocks[0]?.calls ?? [])]).toEqual([['WIND', { number: 1, first: true }]]);
    const late = update('Tides[^tide] and wind[^wind].\n\n[^wind]: Wind note.\n\n[^tide]: Tide note.\n\n').refs;
    expect(late.blocks[0]).not.toBe(early.blocks[0]);
    expect(late.footnotes.map((note) => note.text)).toEqual(['Tide note.', 'Wind note.']);
  });

  it('leaves a footnote with no definition as text (no number)', () => {
    const { refs } = renderer()('A claim[^missing].\n\n', true);
    expect(refs.blocks[0]).toBe(NO_LINKS);
    expect(refs.footnotes).toEqual([]);
  });

  it('numbers a call in the block being written provisionally, and marks it as the first call', () => {
    const { refs } = renderer()('[^n]: The note.\n\nA claim[^n] still being');
    expect([...refs.tail.calls]).toEqual([['N', { number: 1, first: true }]]);
    expect(refs.footnotes).toEqual([]);
  });
});
