/**
 * Link reference definitions and footnotes across the blocks of a streaming answer.
 *
 * Each finished block is scanned once (definitions.ts) when it first appears; a definition
 * that arrives later is handed to the blocks that already use it, and only those get new
 * `BlockLinks` (and so are parsed again), once. Definitions count when their block is
 * finished, or when the answer is: a definition still being typed never re-renders anything.
 */
import type { BlockSplit } from './blocks';
import { type BlockDefinitions, type BlockReferences, scanDefinitions, scanReferences } from './definitions';
import type { FootnoteCall } from './footnote-calls';

/** What one block needs from the rest of the answer. A new object only when that changed. */
export interface BlockLinks {
  /** Definitions from other blocks that this block uses, as Markdown to parse after it. */
  appendix: string;
  /** Its footnote calls, by normalized label. */
  calls: ReadonlyMap<string, FootnoteCall>;
}

export interface Footnote {
  number: number;
  text: string;
  links: BlockLinks;
}

export interface CrossReferences {
  /** One per finished block. */
  blocks: readonly BlockLinks[];
  tail: BlockLinks;
  /** Numbered in the order of their first call, as GFM does (a footnote defined late takes the next number). */
  footnotes: readonly Footnote[];
}

export const NO_LINKS: BlockLinks = { appendix: '', calls: new Map() };

interface Scanned extends BlockReferences {
  definitions: BlockDefinitions;
  /** Labels this block defines itself: the parser sees those without help. */
  ownLinks: ReadonlySet<string>;
  ownFootnotes: ReadonlySet<string>;
}

function scan(block: string, withDefinitions: boolean): Scanned {
  const definitions = withDefinitions ? scanDefinitions(block) : { links: [], footnotes: [], lines: [] };
  return {
    ...scanReferences(block),
    definitions,
    ownLinks: new Set(definitions.links.map(([label]) => label)),
    ownFootnotes: new Set(definitions.footnotes.map(([label]) => label)),
  };
}

function sameLinks(a: BlockLinks | undefined, b: BlockLinks): boolean {
  if (!a || a.appendix !== b.appendix || a.calls.size !== b.calls.size) return false;
  for (const [label, call] of b.calls) {
    const other = a.calls.get(label);
    if (other?.number !== call.number || other.first !== call.first) return false;
  }
  return true;
}

/** The state of one answer (one text generation of the splitter). */
class Index {
  scannedCount = 0;
  /** The tail, once the answer ended with it: it was then scanned as a finished block. */
  finalTail: string | null = null;
  links = new Map<string, string>();
  notes = new Map<string, string>();
  scanned: Scanned[] = [];
  blockLinks: BlockLinks[] = [];
  /** Which blocks use a label (`l:` link, `f:` footnote): the ones to update when it gets defined. */
  users = new Map<string, number[]>();
  /** The block of each footnote's first call. */
  firstCall = new Map<string, number>();
  /** Footnote labels in the order of their first call. */
  callOrder: string[] = [];
  /** A footnote was first called or first defined since the numbers were last worked out. */
  renumber = false;
  numbers = new Map<string, number>();
  footnotes: Footnote[] = [];

  linksOf(refs: Scanned, index: number, numbers: ReadonlyMap<string, number>): BlockLinks {
    const appendix: string[] = [];
    const calls = new Map<string, FootnoteCall>();
    for (const label of refs.labels) {
      const source = this.links.get(label);
      if (source !== undefined && !refs.ownLinks.has(label)) appendix.push(source);
    }
    for (const label of refs.footnotes) {
      const number = numbers.get(label);
      if (number === undefined) continue;
      calls.set(label, { number, first: this.firstCall.get(label) === index });
      // Only so that the parser sees a call: the footnote itself is shown at the end of the answer.
      if (!refs.ownFootnotes.has(label)) appendix.push(`[^${label}]: .`);
    }
    if (!appendix.length && !calls.size) return NO_LINKS;
    // Definitions after a fence still open would be read as code.
    const close = refs.openFence && appendix.length ? `${refs.openFence}\n\n` : '';
    return { appendix: appendix.length ? close + appendix.join('\n') : '', calls };
  }

  use(key: string, index: number): void {
    const list = this.users.get(key);
    if (list) list.push(index);
    else this.users.set(key, [index]);
  }

  /** Records a finished block: what it defines first, and what it uses. */
  add(block: string, index: number, changed: Set<string>): void {
    const refs = scan(block, true);
    for (const [label, source] of refs.definitions.links)
      if (!this.links.has(label)) {
        this.links.set(label, source);
        changed.add(`l:${label}`);
      }
    for (const [label, text] of refs.definitions.footnotes)
      if (!this.notes.has(label)) {
        this.notes.set(label, text);
        this.renumber = true;
      }
    this.scanned[index] = refs;
    for (const label of refs.labels) this.use(`l:${label}`, index);
    for (const label of refs.footnotes) {
      this.use(`f:${label}`, index);
      if (this.firstCall.has(label)) continue;
      this.firstCall.set(label, index);
      this.callOrder.push(label);
      this.renumber = true;
    }
    changed.add(`b:${index}`);
  }

  /**
   * Numbers the footnotes both called and defined, in the order of their first call, as GFM
   * does: a definition arriving late can move the numbers of later footnotes, and the blocks
   * that call those are updated. Footnotes are few, and this runs only when one appears.
   */
  numberFootnotes(changed: Set<string>): void {
    if (!this.renumber) return;
    this.renumber = false;
    let number = 0;
    for (const label of this.callOrder) {
      if (!this.notes.has(label)) continue;
      number++;
      if (this.numbers.get(label) === number) continue;
      this.numbers.set(label, number);
      changed.add(`f:${label}`);
    }
  }

  refresh(changed: Set<string>): void {
    const stale = new Set<number>();
    for (const key of changed) {
      if (key.startsWith('b:')) stale.add(Number(key.slice(2)));
      else for (const index of this.users.get(key) ?? []) stale.add(index);
    }
    for (const index of stale) {
      const refs = this.scanned[index];
      if (!refs) continue;
      const next = this.linksOf(refs, index, this.numbers);
      // Keeping the object keeps the block from being parsed again.
      if (!sameLinks(this.blockLinks[index], next)) this.blockLinks[index] = next;
    }
    if ([...changed].some((key) => !key.startsWith('b:'))) this.footnotes = this.footnoteList();
  }

  footnoteList(): Footnote[] {
    const previous = new Map(this.footnotes.map((note) => [note.number, note]));
    const list = [...this.numbers].map(([label, number]) => {
      const text = this.notes.get(label) ?? '';
      const links = this.linksOf(scan(text, true), -1, this.numbers);
      const before = previous.get(number);
      return before && before.text === text && sameLinks(before.links, links) ? before : { number, text, links };
    });
    return list.sort((a, b) => a.number - b.number);
  }

  /** The block being written: scanned on every update (it is short), its footnote numbers provisional. */
  tailLinks(tail: string): BlockLinks {
    if (!tail.trim()) return NO_LINKS;
    const refs = scan(tail, false);
    const numbers = new Map(this.numbers);
    for (const label of refs.footnotes) if (!numbers.has(label) && this.notes.has(label)) numbers.set(label, numbers.size + 1);
    const result = this.linksOf(refs, -2, numbers);
    if (result === NO_LINKS) return result;
    // The tail holds the first call of a footnote that no finished block calls.
    const calls = new Map([...result.calls].map(([label, call]) => [label, { ...call, first: !this.firstCall.has(label) }]));
    return { ...result, calls };
  }
}

/** One per rendered answer: call it with every split of the text, and whether the answer is finished. */
export function createCrossReferences() {
  let generation = -1;
  let index = new Index();
  let tail = NO_LINKS;

  return function update(split: BlockSplit, final: boolean): CrossReferences {
    const { finalTail } = index;
    if (
      split.generation !== generation ||
      (finalTail !== null && (split.tail !== finalTail || split.blocks.length !== index.scannedCount - 1))
    ) {
      index = new Index();
      generation = split.generation;
    }
    const changed = new Set<string>();
    for (; index.scannedCount < split.blocks.length; index.scannedCount++)
      index.add(split.blocks[index.scannedCount] ?? '', index.scannedCount, changed);
    if (final && index.finalTail === null && split.tail.trim()) {
      index.add(split.tail, index.scannedCount++, changed);
      index.finalTail = split.tail;
    }
    index.numberFootnotes(changed);
    if (changed.size) index.refresh(changed);
    if (index.finalTail !== null) tail = index.blockLinks[index.scannedCount - 1] ?? NO_LINKS;
    else {
      const next = index.tailLinks(split.tail);
      if (!sameLinks(tail, next)) tail = next;
    }
    return { blocks: index.blockLinks.slice(0, split.blocks.length), tail, footnotes: index.footnotes };
  };
}
