/** A selection quoted for the chat composer, Markdown style, with room to write after it. */
export function quoteSelection(text: string): string {
  if (!text) return '';
  return `${text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;
}
