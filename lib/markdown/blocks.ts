/**
 * Splits streaming Markdown into finished blocks and the one still being written, in
 * linear time overall: each character is scanned once, however many updates arrive.
 * Finished blocks never change, so the UI renders each of them once; only the tail is
 * re-rendered on every delta (re-parsing the whole answer each time is quadratic).
 */
export interface BlockSplit {
  /** Finished blocks, append-only until the text is replaced. */
  blocks: readonly string[];
  /**
   * Blocks that were cut out of a paragraph still being written (see SOFT_LIMIT): each runs
   * on into the next block (or the tail), and is shown that way, as one paragraph.
   */
  continues: ReadonlySet<number>;
  /** The block still being written. */
  tail: string;
  /** Changes when the text was replaced rather than extended. */
  generation: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * An unfinished block longer than this is cut (at a line end, else a space), so that each
 * update re-parses at most this much, however long a paragraph or list grows.
 */
export const SOFT_LIMIT = 2_000;

/**
 * Pieces join into one paragraph on screen up to about this many characters; past it the
 * next cut (at a sentence end if there is one) starts a new paragraph. A joined paragraph is
 * one inline layout, which the browser redoes whole on every update: unbounded, a
 * 300 kB paragraph cost 160–320 ms a frame in a trace; bounded, a few ms. Real paragraphs
 * seldom get here.
 */
export const JOIN_LIMIT = 10_000;

const SENTENCE_END = /[.!?:;]["')\]]?\s/g;

/** A line that starts a block of its own: cutting before it needs no joining. */
const BLOCK_START = /^ {0,3}([-*+]\s|\d+[.)]\s|#{1,6}\s|>|\|)/;

export function createBlockSplitter() {
  let text = '';
  let blocks: string[] = [];
  let continues = new Set<number>();
  let blockStart = 0;
  /** Where the paragraph on screen starts: the start of the first piece joined into it. */
  let runStart = 0;
  let scanPos = 0;
  let fence: string | null = null;
  let generation = 0;

  function reset(): void {
    text = '';
    blocks = [];
    continues = new Set();
    blockStart = 0;
    runStart = 0;
    scanPos = 0;
    fence = null;
    generation++;
  }

  /** Only appends are cheap; anything else starts over. Comparing the last few characters suffices for a stream. */
  function extends_(next: string): boolean {
    if (next.length < text.length) return false;
    const probe = Math.max(0, text.length - 64);
    return next.startsWith(text.slice(probe), probe);
  }

  function scanLine(line: string, lineEnd: number): void {
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      return;
    }
    const opening = FENCE.exec(line);
    if (opening?.[1]) {
      fence = opening[1];
      return;
    }
    if (line.trim() !== '') return;
    const block = text.slice(blockStart, lineEnd);
    if (block.trim() !== '') blocks.push(block);
    blockStart = lineEnd + 1;
    runStart = blockStart;
  }

  /** The last sentence end in [from, to] (the index of the space after it), or -1. */
  function sentenceEnd(from: number, to: number): number {
    let found = -1;
    for (const match of text.slice(from, to + 1).matchAll(SENTENCE_END)) found = from + match.index + match[0].length - 1;
    return found;
  }

  function softCut(): void {
    while (!fence && text.length - blockStart > SOFT_LIMIT) {
      const from = blockStart + SOFT_LIMIT / 2;
      const to = blockStart + SOFT_LIMIT;
      let cut = text.lastIndexOf('\n', to);
      let joins = cut >= from && !BLOCK_START.test(text.slice(cut + 1, cut + 12));
      if (cut < from) {
        cut = text.lastIndexOf(' ', to);
        joins = true;
      }
      if (cut < from) return;
      if (joins && to - runStart > JOIN_LIMIT) {
        // The paragraph on screen is long enough: end it here, after a sentence if possible.
        const sentence = sentenceEnd(from, to);
        if (sentence !== -1) cut = sentence;
        joins = false;
      }
      if (joins) continues.add(blocks.length);
      blocks.push(text.slice(blockStart, cut));
      blockStart = cut + 1;
      if (!joins) runStart = blockStart;
      if (scanPos < blockStart) scanPos = blockStart;
    }
  }

  return function split(next: string): BlockSplit {
    if (!extends_(next)) reset();
    text = next;
    for (let newline = text.indexOf('\n', scanPos); newline !== -1; newline = text.indexOf('\n', scanPos)) {
      scanLine(text.slice(scanPos, newline), newline);
      scanPos = newline + 1;
    }
    softCut();
    return { blocks, continues, tail: text.slice(blockStart), generation };
  };
}
