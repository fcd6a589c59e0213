/**
 * Cheap line scans of one Markdown block: the link reference definitions and footnote
 * definitions it holds, and the labels it may refer to. The answer is parsed block by block
 * (see blocks.ts), so a definition in a later block is invisible to the parser of the block
 * that uses it; these scans let the renderer hand each block the definitions it needs.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `[label]: destination "title"`, up to three spaces in (four would be code). */
const LINK_DEFINITION = /^ {0,3}\[((?:[^[\]\\]|\\.){1,999})\]:/;
/** `[^label]: text`: a GFM footnote definition. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]{1,999})\]:[ \t]?(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** A line that can only continue a link definition (a title on its own line). */
const TITLE_LINE = /^\s*["'(]/;

/** CommonMark's label matching: case-insensitive, runs of whitespace count as one space. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

export interface BlockDefinitions {
  /** Link reference definitions: normalized label and the definition's Markdown source. */
  links: [label: string, source: string][];
  /** Footnote definitions: normalized label and the footnote's text (Markdown). */
  footnotes: [label: string, text: string][];
  /** Indexes of the block's lines that belong to a definition (they render as nothing in place). */
  lines: number[];
}

/** The non-code lines of a block; `open` is the fence still open at its end, if any. */
function proseLines(block: string): { lines: (string | null)[]; open: string | null } {
  let fence: string | null = null;
  const lines = block.split('\n').map((line) => {
    if (fence) {
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && trimmed.replace(/[`~]/g, '') === '') fence = null;
      return null;
    }
    const opening = FENCE.exec(line)?.[1];
    if (opening) {
      fence = opening;
      return null;
    }
    return line;
  });
  return { lines, open: fence };
}

/**
 * Definitions that start a line of the block. A link definition cannot interrupt a
 * paragraph, so it counts only at the start of the block or after another definition, a
 * heading or a code fence; a footnote definition may start any line (as in GFM).
 */
export function scanDefinitions(block: string): BlockDefinitions {
  const found: BlockDefinitions = { links: [], footnotes: [], lines: [] };
  const { lines } = proseLines(block);
  let canDefine = true;
  let footnote: { label: string; text: string[] } | null = null;
  const endFootnote = () => {
    if (footnote) found.footnotes.push([footnote.label, footnote.text.join('\n').trim()]);
    footnote = null;
  };
  for (const [index, line] of lines.entries()) {
    if (line === null) {
      endFootnote();
      canDefine = true;
      continue;
    }
    const note = FOOTNOTE_DEFINITION.exec(line);
    if (note?.[1] !== undefined) {
      endFootnote();
      footnote = { label: normalizeLabel(note[1]), text: [note[2] ?? ''] };
      found.lines.push(index);
      canDefine = false;
      continue;
    }
    const link = canDefine && !footnote ? LINK_DEFINITION.exec(line) : null;
    if (link?.[1] !== undefined && !link[1].startsWith('^')) {
      const next = lines[index + 1];
      // A destination or a title may sit on the next line.
      const continued = typeof next === 'string' && (line.slice(link[0].length).trim() === '' || TITLE_LINE.test(next));
      found.links.push([normalizeLabel(link[1]), continued ? `${line}\n${next}` : line]);
      found.lines.push(index);
      if (continued) {
        lines[index + 1] = null;
        found.lines.push(index + 1);
      }
      continue;
    }
    if (footnote) {
      footnote.text.push(line.replace(/^ {1,4}/, ''));
      found.lines.push(index);
    } else canDefine = ATX_HEADING.test(line);
  }
  endFootnote();
  return found;
}

export interface BlockReferences {
  /** Every bracketed text that could be a link label: over-collecting costs nothing, only defined ones are used. */
  labels: string[];
  /** Footnote calls, in the order of their first appearance. */
  footnotes: string[];
  /** The code fence left open at the end of the block (a block still being written). */
  openFence: string | null;
}

const BRACKETED = /\[([^[\]]{1,999})\]/g;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;

/** `[^note]:` at the start of a line defines the footnote rather than calling it. */
function isDefinitionLabel(prose: string, start: number, length: number): boolean {
  if (prose[start + length] !== ':') return false;
  return /^ {0,3}$/.test(prose.slice(prose.lastIndexOf('\n', start) + 1, start));
}

/** The labels a block may use: `[text][label]`, `[label][]`, `[label]` and `[^note]`. */
export function scanReferences(block: string): BlockReferences {
  const labels = new Set<string>();
  const footnotes = new Set<string>();
  const { lines, open } = proseLines(block);
  const prose = lines
    .filter((line) => line !== null)
    .join('\n')
    .replace(CODE_SPAN, '');
  for (const match of prose.matchAll(BRACKETED)) {
    const label = match[1] ?? '';
    if (!label.startsWith('^')) labels.add(normalizeLabel(label));
    else if (!isDefinitionLabel(prose, match.index ?? 0, match[0].length)) footnotes.add(normalizeLabel(label.slice(1)));
  }
  return { labels: [...labels], footnotes: [...footnotes], openFence: open };
}
