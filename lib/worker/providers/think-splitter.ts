import type { StreamPart } from './types';

type Piece = Extract<StreamPart, { type: 'text-delta' | 'reasoning-delta' }>;

const OPEN = /<\s*think\s*>/i;
const ANY_TAG = /<\s*(\/?)\s*think\s*>/i;
/** The longest tag we hold back while waiting for its end, spaces included ("< / think >"). */
const MAX_TAG = 24;

/** Could `tail` (from a '<' to the end of what came so far) still become a think tag? */
function mayBecomeTag(tail: string): boolean {
  if (tail.length > MAX_TAG) return false;
  const squeezed = tail.replace(/\s+/g, '').toLowerCase();
  return '<think>'.startsWith(squeezed) || '</think>'.startsWith(squeezed);
}

/** Splits off a trailing fragment that may be the start of a tag, to wait for the next delta. */
function holdBackTail(text: string): [ready: string, held: string] {
  const at = text.lastIndexOf('<');
  if (at === -1 || !mayBecomeTag(text.slice(at))) return [text, ''];
  return [text.slice(0, at), text.slice(at)];
}

/**
 * Local reasoning models (deepseek-r1, qwen3 on Ollama, many gateways) put their reasoning
 * in the answer itself: `<think>…</think>` before the first word. Left in, a Markdown
 * renderer that drops raw HTML swallows it up to the next blank line — the answer's first
 * paragraph with it. This splitter, fed the content deltas in order, yields the reasoning
 * and the answer apart. Only a leading block counts (after optional whitespace): a `<think>`
 * later in an answer is the answer's own text (a tutorial about tags, say). Tags may be
 * split across deltas, carry odd spaces or case, and nest; an unclosed block is all reasoning.
 */
export function createThinkSplitter() {
  let state: 'start' | 'reasoning' | 'after-reasoning' | 'answer' = 'start';
  let buffer = '';
  let depth = 0;

  const reasoningStep = (out: Piece[]): boolean => {
    const match = ANY_TAG.exec(buffer);
    if (!match) {
      const [ready, held] = holdBackTail(buffer);
      if (ready) out.push({ type: 'reasoning-delta', text: ready });
      buffer = held;
      return false;
    }
    const before = buffer.slice(0, match.index);
    const closing = match[1] === '/';
    depth += closing ? -1 : 1;
    const ended = depth === 0;
    // A nested tag is part of the reasoning's own text; only the block's end is dropped.
    const kept = ended ? before : before + match[0];
    if (kept) out.push({ type: 'reasoning-delta', text: kept });
    buffer = buffer.slice(match.index + match[0].length);
    if (ended) state = 'after-reasoning';
    return true;
  };

  const step = (out: Piece[]): boolean => {
    if (state === 'answer') {
      if (buffer) out.push({ type: 'text-delta', text: buffer });
      buffer = '';
      return false;
    }
    if (state === 'reasoning') return reasoningStep(out);
    const trimmed = buffer.trimStart();
    if (!trimmed) return false;
    if (state === 'after-reasoning') {
      // The answer starts at its first word, however the model spaced it after the tag.
      buffer = trimmed;
      state = 'answer';
      return true;
    }
    const open = OPEN.exec(trimmed);
    if (open?.index === 0) {
      buffer = trimmed.slice(open[0].length);
      state = 'reasoning';
      depth = 1;
      return true;
    }
    if (mayBecomeTag(trimmed)) return false;
    state = 'answer';
    return true;
  };

  const run = (out: Piece[]) => {
    // Each step consumes what it can decide on, and says false when it must wait for more.
    while (step(out));
  };

  return {
    /** Feed one content delta; returns what can be told apart so far. */
    push(delta: string): Piece[] {
      const out: Piece[] = [];
      buffer += delta;
      run(out);
      return out;
    },
    /** The stream ended: what was held back waiting for a tag is what it looked like. */
    end(): Piece[] {
      const out: Piece[] = [];
      if (buffer && state === 'reasoning') out.push({ type: 'reasoning-delta', text: buffer });
      else if (buffer && state !== 'after-reasoning') out.push({ type: 'text-delta', text: buffer });
      buffer = '';
      return out;
    },
  };
}
