import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createBlockSplitter } from '@/lib/markdown/blocks';
import { type BlockLinks, createCrossReferences, NO_LINKS } from '@/lib/markdown/cross-references';
import { Footnotes } from './footnotes';
import { MarkdownBlock } from './markdown-block';

/** Finished blocks are grouped so that a long answer costs a few comparisons per update, not thousands. */
const GROUP = 32;
/**
 * At most this much new text is parsed per render: a burst (a fast provider, a page that was
 * busy, a long answer shown again) is shown over a few frames, so that no single task parses
 * it all at once. A few blocks of SOFT_LIMIT: a few ms each.
 */
const STEP = 6_000;

interface Piece {
  source: string;
  /** Definitions and footnote numbers from other blocks; a new object only when they changed. */
  links: BlockLinks;
  /** This block was cut out of a paragraph that goes on in the next one (and so on). */
  runsOn: boolean;
  /** The previous block runs on into this one. */
  runsIn: boolean;
}

/** One block; pieces of a long paragraph are laid out inline so that it still reads as one. */
function PieceView({ piece, streaming, idPrefix }: { piece: Piece; streaming: boolean; idPrefix: string }) {
  return (
    <div className="md-piece" data-runs-on={piece.runsOn || undefined} data-runs-in={piece.runsIn || undefined}>
      <MarkdownBlock source={piece.source} streaming={streaming} links={piece.links} idPrefix={idPrefix} />
    </div>
  );
}

const PieceGroup = memo(
  function PieceGroup({ pieces, idPrefix }: { pieces: readonly Piece[]; generation: number; size: number; idPrefix: string }) {
    // biome-ignore lint/suspicious/noArrayIndexKey: finished blocks never move or change; the index is their identity.
    return pieces.map((piece, index) => <PieceView key={index} piece={piece} streaming={false} idPrefix={idPrefix} />);
  },
  // Blocks are append-only within a generation: same generation and size means same content; a
  // block's links change only when a definition it uses arrives.
  (previous, next) =>
    previous.generation === next.generation &&
    previous.size === next.size &&
    next.pieces.every((piece, index) => piece.links === previous.pieces[index]?.links),
);

/** Renders Markdown that grows token by token, re-parsing only the block being written. */
export default function StreamingMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const splitter = useRef(createBlockSplitter());
  const crossReferences = useRef(createCrossReferences());
  const idPrefix = `md${useId().replace(/[^\w-]/g, '')}`;
  // How much of the text is on screen: a burst is shown STEP by STEP, one step a frame.
  const shownLength = useRef(0);
  const [, showNextStep] = useState(0);
  const from = Math.min(shownLength.current, text.length);
  const shown = text.length - from <= STEP ? text : text.slice(0, from + STEP);
  const behind = shown.length < text.length;
  useEffect(() => {
    shownLength.current = shown.length;
    if (!behind) return;
    // The next frame; or a timer, since a hidden page gets no frames and its text must still arrive.
    const next = () => showNextStep((step) => step + 1);
    const frame = requestAnimationFrame(next);
    const timer = setTimeout(next, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, behind]);
  const live = streaming || behind;
  const split = useMemo(() => splitter.current(shown), [shown]);
  const references = useMemo(() => crossReferences.current(split, !live), [split, live]);
  const { blocks, continues, tail, generation } = split;
  const piece = (index: number, source: string, links: BlockLinks): Piece => ({
    source,
    links,
    runsOn: continues.has(index),
    runsIn: continues.has(index - 1),
  });
  const groups = [];
  for (let start = 0; start < blocks.length; start += GROUP) {
    const pieces = blocks
      .slice(start, start + GROUP)
      .map((source, offset) => piece(start + offset, source, references.blocks[start + offset] ?? NO_LINKS));
    groups.push(
      <PieceGroup key={`${generation}-${start}`} pieces={pieces} generation={generation} size={pieces.length} idPrefix={idPrefix} />,
    );
  }
  return (
    <div className="markdown" data-shown={behind ? 'partly' : 'all'}>
      {groups}
      {tail.trim() ? <PieceView piece={piece(blocks.length, tail, references.tail)} streaming={live} idPrefix={idPrefix} /> : null}
      <Footnotes footnotes={references.footnotes} idPrefix={idPrefix} />
    </div>
  );
}
