/**
 * Micro-bench of the page's Markdown work while an answer streams, without a browser:
 * `npx tsx bench/markdown-blocks.ts`. For every update it does what StreamingMarkdown does —
 * split, cross-reference, and parse (react-markdown to static markup) each block whose
 * source or links are new, plus the tail — and prints the CPU time for 25k and 50k tokens, with
 * and without the cross-block definitions. Not part of `npm run bench` (no page, no React
 * reconciliation): it isolates the parsing cost that the bench's "50k ÷ 25k" ratio depends on.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { createBlockSplitter } from '../lib/markdown/blocks';
import { type BlockLinks, createCrossReferences, NO_LINKS } from '../lib/markdown/cross-references';
import { remarkFootnoteCalls } from '../lib/markdown/footnote-calls';

/** Tokens per update: the worker batches deltas by frame; smaller batches are the harder case. */
const BATCH = 100;
const RUNS = 5;

type Kind = 'words' | 'rich' | 'late';

/**
 * The bench's own answer ("Answer w1 w2 …", one long paragraph); one rich in Markdown with
 * definitions along the way; and one whose definitions all come at its very end, so that
 * every citing block is parsed a second time when they arrive.
 */
function answer(kind: Kind, tokens: number): string[] {
  if (kind === 'words') return Array.from({ length: tokens }, (_, index) => (index === 0 ? 'Answer' : ` w${index}`));
  if (kind === 'late') {
    const body = Array.from(
      { length: Math.ceil(tokens / 14) },
      (_, index) => `Point ${index} cites [the docs][d${index % 20}] and a note[^n${index % 10}] here.\n\n`,
    );
    const definitions = Array.from(
      { length: 20 },
      (_, index) => `[d${index}]: https://example.com/${index}\n[^n${index % 10}]: Note ${index}.\n`,
    );
    return [
      ...body
        .join('')
        .split(/(?<= )/)
        .slice(0, tokens),
      '\n\n',
      ...definitions,
    ];
  }
  const out: string[] = [];
  for (let index = 0; out.length < tokens; index++) {
    const paragraph = `Point ${index} cites [the docs][d${index % 50}] and a note[^n${index % 20}] in a sentence of several words.\n\n`;
    const extra = index % 10 === 9 ? `[d${index}]: https://example.com/${index}\n\n[^n${index % 20}]: Note ${index}.\n\n` : '';
    const code = index % 25 === 0 ? '```ts\nconst value = [1, 2, 3];\n```\n\n' : '';
    out.push(...`${paragraph}${extra}${code}`.split(/(?<= )/));
  }
  return out.slice(0, tokens);
}

function parse(source: string, links: BlockLinks): number {
  const text = links.appendix ? `${source}\n\n${links.appendix}` : source;
  const plugins = [remarkGfm, [remarkFootnoteCalls, { calls: links.calls }]] as Parameters<typeof Markdown>[0]['remarkPlugins'];
  return renderToStaticMarkup(createElement(Markdown, { remarkPlugins: plugins, skipHtml: true }, text)).length;
}

function run(pieces: string[], crossBlock: boolean): { ms: number; parses: number; reparses: number } {
  const split = createBlockSplitter();
  const references = createCrossReferences();
  const seen: BlockLinks[] = [];
  let text = '';
  let parses = 0;
  let reparses = 0;
  // CPU time rather than wall time: on a shared machine the neighbours' load then counts less.
  const started = process.cpuUsage();
  for (let start = 0; start < pieces.length; start += BATCH) {
    text += pieces.slice(start, start + BATCH).join('');
    const final = start + BATCH >= pieces.length;
    const result = split(text);
    const refs = crossBlock ? references(result, final) : undefined;
    for (const [index, block] of result.blocks.entries()) {
      const links = refs?.blocks[index] ?? NO_LINKS;
      if (seen[index] === links) continue;
      if (seen[index]) reparses++;
      seen[index] = links;
      parses++;
      parse(block, links);
    }
    parse(result.tail, refs?.tail ?? NO_LINKS);
    parses++;
  }
  const used = process.cpuUsage(started);
  return { ms: (used.user + used.system) / 1000, parses, reparses };
}

/** The fastest of a few runs: on a shared 2-core machine the others measure the neighbours. */
function fastest(measure: () => ReturnType<typeof run>): ReturnType<typeof run> {
  const runs = Array.from({ length: RUNS }, measure);
  return runs.reduce((best, next) => (next.ms < best.ms ? next : best));
}

for (const kind of ['words', 'rich', 'late'] as const) {
  for (const crossBlock of [false, true]) {
    run(answer(kind, 5_000), crossBlock); // warm-up
    const small = fastest(() => run(answer(kind, 25_000), crossBlock));
    const large = fastest(() => run(answer(kind, 50_000), crossBlock));
    const label = `${kind.padEnd(5)} ${crossBlock ? 'with cross-block definitions' : 'blocks alone               '}`;
    process.stdout.write(
      `${label}  25k: ${small.ms.toFixed(0)} ms (${small.parses} parses, ${small.reparses} again)  ` +
        `50k: ${large.ms.toFixed(0)} ms (${large.parses} parses, ${large.reparses} again)  50k ÷ 25k: ${(large.ms / small.ms).toFixed(2)}×\n`,
    );
  }
}
