import { describe, expect, it } from 'vitest';
import { type BlockSplit, createBlockSplitter, JOIN_LIMIT, SOFT_LIMIT } from '@/lib/markdown/blocks';

const ANSWER = [
  '## Context',
  'A short introduction that spans',
  'two lines.',
  '',
  '## Code',
  '',
  '```ts',
  'function add(a: number, b: number) {',
  '',
  '  return a + b;',
  '',
  '',
  '}',
  '```',
  '',
  '- first item',
  '- second item',
  '',
  '',
  '~~~python',
  'print("hi")',
  '',
  '```',
  'still code: a backtick fence does not close a tilde fence',
  '~~~',
  '',
  '> a quote',
  '',
  'The last paragraph, still being written',
].join('\n');

/** Deterministic chunk sizes of 1 to 3 characters, like tokens. */
function chunks(text: string, seed = 7): string[] {
  const out: string[] = [];
  let state = seed;
  for (let index = 0; index < text.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % 3);
    out.push(text.slice(index, index + size));
    index += size;
  }
  return out;
}

/** Feeds the text as a stream would: each update is the whole answer so far. */
function stream(text: string, seed?: number): BlockSplit[] {
  const split = createBlockSplitter();
  let sofar = '';
  return chunks(text, seed).map((piece) => {
    sofar += piece;
    const result = split(sofar);
    return { ...result, blocks: [...result.blocks] };
  });
}

describe('createBlockSplitter', () => {
  it('splits finished blocks at blank lines and keeps the one being written as the tail', () => {
    const split = createBlockSplitter();
    const result = split('First paragraph.\n\nSecond paragraph.\n\nThird, unfinished');
    expect(result.blocks).toEqual(['First paragraph.\n', 'Second paragraph.\n']);
    expect(result.tail).toBe('Third, unfinished');
  });

  it('keeps a fenced code block with blank lines as one block', () => {
    const split = createBlockSplitter();
    const { blocks } = split(ANSWER);
    const code = blocks.find((block) => block.includes('function add'));
    expect(code).toBe('```ts\nfunction add(a: number, b: number) {\n\n  return a + b;\n\n\n}\n```\n');
    const tilde = blocks.find((block) => block.startsWith('~~~python'));
    expect(tilde).toContain('still code');
    expect(tilde?.trimEnd().endsWith('~~~')).toBe(true);
  });

  it('keeps an unclosed fence in the tail, blank lines and all', () => {
    const split = createBlockSplitter();
    const result = split('Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n');
    expect(result.blocks).toEqual(['Intro.\n']);
    expect(result.tail).toBe('```js\nconst a = 1;\n\nconst b = 2;\n');
  });

  it('gives the same blocks fed in 1–3 character chunks as fed whole', () => {
    const whole = createBlockSplitter()(ANSWER);
    for (const seed of [1, 7, 42, 1234]) {
      const last = stream(ANSWER, seed).at(-1);
      expect(last?.blocks).toEqual(whole.blocks);
      expect(last?.tail).toBe(whole.tail);
      expect(last?.generation).toBe(whole.generation);
    }
    expect(whole.blocks.map((block) => block.split('\n')[0])).toEqual([
      '## Context',
      '## Code',
      '```ts',
      '- first item',
      '~~~python',
      '> a quote',
    ]);
    expect(whole.tail).toBe('The last paragraph, still being written');
    // Blocks and tail together are the whole text, less blank lines: nothing lost, nothing repeated.
    expect((whole.blocks.join('') + whole.tail).replace(/\s/g, '')).toBe(ANSWER.replace(/\s/g, ''));
  });

  it('gives the same result at every step as a fresh splitter fed that prefix whole', () => {
    let sofar = '';
    const split = createBlockSplitter();
    for (const piece of chunks(ANSWER, 3)) {
      sofar += piece;
      const streamed = split(sofar);
      const fresh = createBlockSplitter()(sofar);
      expect([...streamed.blocks]).toEqual([...fresh.blocks]);
      expect(streamed.tail).toBe(fresh.tail);
    }
  });

  it('never changes a finished block once emitted', () => {
    const steps = stream(ANSWER, 5);
    for (let index = 1; index < steps.length; index++) {
      const before = steps[index - 1]?.blocks ?? [];
      const after = steps[index]?.blocks ?? [];
      expect(after.length).toBeGreaterThanOrEqual(before.length);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(steps[index]?.generation).toBe(steps[0]?.generation);
    }
  });

  it('starts a new generation when the text is replaced rather than extended', () => {
    const split = createBlockSplitter();
    const first = split('Old answer.\n\nMore of it.\n\nTail');
    const firstBlocks = [...first.blocks];
    const replaced = split('New');
    expect(replaced.generation).not.toBe(first.generation);
    expect(replaced.blocks).toEqual([]);
    expect(replaced.tail).toBe('New');
    // The previous generation's blocks, as handed out, are left as they were.
    expect([...first.blocks]).toEqual(firstBlocks);
    // Growing the new text continues the new generation.
    const grown = split('New answer.\n\nNext');
    expect(grown.generation).toBe(replaced.generation);
    expect(grown.blocks).toEqual(['New answer.\n']);
  });

  it('starts a new generation for a same-length text that differs at the end', () => {
    const split = createBlockSplitter();
    const first = split('Paragraph one.\n\nabc');
    const changed = split('Paragraph one.\n\nxyz');
    expect(changed.generation).not.toBe(first.generation);
    expect(changed.tail).toBe('xyz');
    expect(changed.blocks).toEqual(['Paragraph one.\n']);
  });

  it('does not start a new generation for an update with no new text', () => {
    const split = createBlockSplitter();
    const first = split('Same.\n\nText');
    expect(split('Same.\n\nText').generation).toBe(first.generation);
  });
});

describe('very long blocks are cut into pieces while they are written', () => {
  const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

  /** Streams `text` into a splitter a few characters at a time, as a provider would. */
  function stream(text: string) {
    const split = createBlockSplitter();
    let result = split('');
    for (let end = 0; end < text.length; end += 7) result = split(text.slice(0, end + 7));
    return result;
  }

  /** The paragraphs on screen: runs of pieces joined by `continues`, with their lengths. */
  function paragraphsOnScreen(result: BlockSplit): number[] {
    const lengths: number[] = [];
    let run = 0;
    [...result.blocks, result.tail].forEach((block, index) => {
      run += block.length + 1;
      if (!result.continues.has(index)) {
        lengths.push(run);
        run = 0;
      }
    });
    return lengths;
  }

  it('cuts a paragraph with no line breaks at spaces, each piece marked as running on', () => {
    const paragraph = words(1_000);
    expect(paragraph.length).toBeLessThan(JOIN_LIMIT);
    const result = stream(paragraph);
    expect(result.blocks.length).toBeGreaterThan(2);
    for (const block of result.blocks) expect(block.length).toBeLessThanOrEqual(SOFT_LIMIT + 7);
    // Every piece runs on into the next: together they are the one paragraph.
    expect([...result.continues]).toEqual(result.blocks.map((_, index) => index));
    expect([...result.blocks, result.tail].join(' ')).toBe(paragraph);
  });

  it('ends the paragraph on screen past JOIN_LIMIT, so that no update lays out more than that again', () => {
    const paragraph = words(30_000);
    const result = stream(paragraph);
    expect([...result.blocks, result.tail].join(' ')).toBe(paragraph);
    const lengths = paragraphsOnScreen(result);
    expect(lengths.length).toBeGreaterThan(paragraph.length / (JOIN_LIMIT + SOFT_LIMIT));
    for (const length of lengths) expect(length).toBeLessThanOrEqual(JOIN_LIMIT + SOFT_LIMIT);
  });

  it('ends a long paragraph on screen after a sentence when there is one', () => {
    const sentences = Array.from({ length: 600 }, (_, index) => `Sentence ${index} has a few words in it.`).join(' ');
    const result = stream(sentences);
    expect(paragraphsOnScreen(result).length).toBeGreaterThan(1);
    result.blocks.forEach((block, index) => {
      if (!result.continues.has(index)) expect(block).toMatch(/\.$/);
    });
    expect([...result.blocks, result.tail].join(' ')).toBe(sentences);
  });

  it('cuts a long list between items, where no joining is needed', () => {
    const list = Array.from({ length: 400 }, (_, index) => `- item number ${index}`).join('\n');
    const result = createBlockSplitter()(list);
    expect(result.blocks.length).toBeGreaterThan(1);
    expect(result.continues.size).toBe(0);
    for (const block of result.blocks) expect(block.startsWith('- item')).toBe(true);
  });

  it('never cuts inside a fenced code block', () => {
    const code = `\`\`\`ts\n${Array.from({ length: 400 }, (_, index) => `const value${index} = ${index};`).join('\n')}\n`;
    const result = createBlockSplitter()(code);
    expect(result.blocks).toEqual([]);
    expect(result.tail).toBe(code);
  });
});
