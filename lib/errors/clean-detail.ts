import { redactKnownSecrets } from '../log/logger';

/** Provider text for the user: no markup, no key, not a wall of text. */
export function cleanDetail(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return undefined;
  const redacted = redactKnownSecrets(plain);
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}
