import { memo, useDeferredValue, useMemo, useRef } from 'react';
import { createBlockSplitter } from '@/lib/markdown/blocks';
import { MarkdownBlock } from './markdown-block';

/** Finished blocks are grouped so that a long answer costs a few comparisons per update, not thousands. */
const GROUP = 32;
const DEFER_FROM = 20_000;

interface Piece {
  source: string;
  /** This block was cut out of a paragraph that goes on in the next one (and so on). */
  runsOn: boolean;
  /** The previous block runs on into this one. */
  runsIn: boolean;
}

/** One block; pieces of a long paragraph are laid out inline so that it still reads as one. */
function PieceView({ piece, streaming }: { piece: Piece; streaming: boolean }) {
  return (
    <div className="md-piece" data-runs-on={piece.runsOn || undefined} data-runs-in={piece.runsIn || undefined}>
      <MarkdownBlock source={piece.source} streaming={streaming} />
    </div>
  );
}

const PieceGroup = memo(
  function PieceGroup({ pieces }: { pieces: readonly Piece[]; generation: number; size: number }) {
    // biome-ignore lint/suspicious/noArrayIndexKey: finished blocks never move or change; the index is their identity.
    return pieces.map((piece, index) => <PieceView key={index} piece={piece} streaming={false} />);
  },
  // Blocks are append-only within a generation: same generation and size means same content.
  (previous, next) => previous.generation === next.generation && previous.size === next.size,
);

/** Renders Markdown that grows token by token, re-parsing only the block being written. */
export default function StreamingMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const splitter = useRef(createBlockSplitter());
  // Long answers render deferred, so a burst that adds many blocks can yield to input; short
  // ones render at once, so the first token is painted without waiting for an idle moment.
  const deferredText = useDeferredValue(text);
  const shown = text.length < DEFER_FROM ? text : deferredText;
  const { blocks, continues, tail, generation } = useMemo(() => splitter.current(shown), [shown]);
  const piece = (index: number, source: string): Piece => ({ source, runsOn: continues.has(index), runsIn: continues.has(index - 1) });
  const groups = [];
  for (let start = 0; start < blocks.length; start += GROUP) {
    const pieces = blocks.slice(start, start + GROUP).map((source, offset) => piece(start + offset, source));
    groups.push(<PieceGroup key={`${generation}-${start}`} pieces={pieces} generation={generation} size={pieces.length} />);
  }
  return (
    <div className="markdown">
      {groups}
      {tail.trim() ? <PieceView piece={piece(blocks.length, tail)} streaming={streaming} /> : null}
    </div>
  );
}
