import type { ExportDocument } from './document';

/**
 * The export as a Markdown file: a title, the date, then each entry under a heading. The
 * model's answer is kept exactly as it wrote it; what the user typed is kept as typed.
 */
export function toMarkdown(document: ExportDocument): string {
  const parts = [`# ${document.title}`, document.dated];
  for (const entry of document.entries) {
    parts.push(`## ${entry.heading}`);
    if (entry.kind === 'answer') parts.push(`*${entry.meta}*`);
    if (entry.text.trim()) parts.push(entry.text.trim());
    if (entry.kind === 'user' && entry.details.length) parts.push(entry.details.map((detail) => `- ${detail}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
