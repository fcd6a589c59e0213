import { memo, useMemo, useRef } from 'react';
import { createBlockSplitter } from '@/lib/markdown/blocks';
import { MarkdownBlock } from './markdown-block';

/** Finished blocks are grouped so that a long answer costs a few comparisons per update, not thousands. */
const GROUP = 32;

const BlockGroup = memo(
  function BlockGroup({ blocks }: { blocks: readonly string[]; generation: number; size: number }) {
    // biome-ignore lint/suspicious/noArrayIndexKey: finished blocks never move or change; the index is their identity.
    return blocks.map((source, index) => <MarkdownBlock key={index} source={source} streaming={false} />);
  },
  // Blocks are append-only within a generation: same generation and size means same content.
  (previous, next) => previous.generation === next.generation && previous.size === next.size,
);

/** Renders Markdown that grows token by token, re-parsing only the block being written. */
export default function StreamingMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const splitter = useRef(createBlockSplitter());
  const { blocks, tail, generation } = useMemo(() => splitter.current(text), [text]);
  const groups = [];
  for (let start = 0; start < blocks.length; start += GROUP) {
    const slice = blocks.slice(start, start + GROUP);
    groups.push(<BlockGroup key={`${generation}-${start}`} blocks={slice} generation={generation} size={slice.length} />);
  }
  return (
    <div className="markdown">
      {groups}
      {tail.trim() ? <MarkdownBlock source={tail} streaming={streaming} /> : null}
    </div>
  );
}
