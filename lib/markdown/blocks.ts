/**
 * Splits streaming Markdown into finished blocks and the one still being written, in
 * linear time overall: each character is scanned once, however many updates arrive.
 * Finished blocks never change, so the UI renders each of them once; only the tail is
 * re-rendered on every delta (re-parsing the whole answer each time is quadratic).
 */
export interface BlockSplit {
  /** Finished blocks, append-only until the text is replaced. */
  blocks: readonly string[];
  /** The block still being written. */
  tail: string;
  /** Changes when the text was replaced rather than extended. */
  generation: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function createBlockSplitter() {
  let text = '';
  let blocks: string[] = [];
  let blockStart = 0;
  let scanPos = 0;
  let fence: string | null = null;
  let generation = 0;

  function reset(): void {
    text = '';
    blocks = [];
    blockStart = 0;
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
  }

  return function split(next: string): BlockSplit {
    if (!extends_(next)) reset();
    text = next;
    for (let newline = text.indexOf('\n', scanPos); newline !== -1; newline = text.indexOf('\n', scanPos)) {
      scanLine(text.slice(scanPos, newline), newline);
      scanPos = newline + 1;
    }
    return { blocks, tail: text.slice(blockStart), generation };
  };
}
