/** A page whose one paragraph is 2,000,000 characters of prose: the "2 MB selection" of the bench. */
export const BIG_CHARS = 2_000_000;

export function bigPageHtml(): string {
  const sentences = [
    'Tidal turbines in the northern harbours produced more power than expected.',
    'Engineers measured the output every minute and found it predictable.',
    'Fishermen asked for a study of salmon near the turbines.',
    'The cost per megawatt hour fell by a third since the first installation.',
    'Maintenance remains expensive because divers can work only at slack tide.',
  ];
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < BIG_CHARS; index++) {
    const sentence = `${sentences[index % sentences.length]} (${index})`;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const text = parts.join(' ').slice(0, BIG_CHARS);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big</title></head><body><p id="big">${text}</p></body></html>`;
}
