/**
 * A remark plugin for answers parsed block by block: footnote calls take the answer-wide
 * number of their footnote, and footnote definitions are dropped from the block, because the
 * answer shows all its footnotes in one section at its end (as GitHub does) rather than one
 * per block, which would number every block from 1 and repeat ids.
 */
import { normalizeLabel } from './definitions';

export interface FootnoteCall {
  /** The footnote's number in the whole answer. */
  number: number;
  /** This block holds the first call: the footnote's back link points here. */
  first: boolean;
}

export interface FootnoteCallOptions {
  /** By normalized label; a call not in the map is shown as its source text. */
  calls: ReadonlyMap<string, FootnoteCall>;
}

/** The few mdast fields this plugin reads or writes (the full types are the parser's business). */
interface MdNode {
  type: string;
  identifier?: string;
  label?: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

function rewrite(parent: MdNode, calls: FootnoteCallOptions['calls'], seen: Set<string>): void {
  if (!parent.children) return;
  parent.children = parent.children
    .filter((child) => child.type !== 'footnoteDefinition')
    .map((child) => {
      if (child.type !== 'footnoteReference') {
        rewrite(child, calls, seen);
        return child;
      }
      const label = normalizeLabel(child.identifier ?? child.label ?? '');
      const call = calls.get(label);
      if (!call) return { type: 'text', value: `[^${child.label ?? label}]` };
      const first = call.first && !seen.has(label);
      seen.add(label);
      // An element of our own, rendered by the `sup` component: react-markdown's URL filter never sees a fragment link.
      return {
        type: 'gromptFootnoteCall',
        data: {
          hName: 'sup',
          hProperties: { dataFootnote: call.number, dataFootnoteFirst: first },
          hChildren: [{ type: 'text', value: String(call.number) }],
        },
      };
    });
}

export function remarkFootnoteCalls(options: FootnoteCallOptions) {
  return (tree: MdNode) => rewrite(tree, options.calls, new Set());
}
