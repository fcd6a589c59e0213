import type { ExportDocument } from './document';
import { markdownToText } from './plain-text';

/**
 * The export as plain text: the same parts as the Markdown file, with answers rendered to
 * text (plain-text.ts). What the user typed was never Markdown and is kept exactly.
 */
export function toPlainText(document: ExportDocument): string {
  const parts = [`${document.title}\n${document.dated}`];
  for (const entry of document.entries) {
    const lines = [entry.heading];
    if (entry.kind === 'answer') lines.push(entry.meta, '', markdownToText(entry.text));
    else {
      if (entry.text.trim()) lines.push(entry.text.trim());
      lines.push(...entry.details);
    }
    parts.push(lines.join('\n').trimEnd());
  }
  return `${parts.join('\n\n')}\n`;
}
