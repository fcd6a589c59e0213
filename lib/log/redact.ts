/**
 * Removes anything that looks like an API key from text before it is shown or logged.
 * Provider error bodies echo parts of the key ("Incorrect API key provided: sk-abc***wxyz"),
 * so both whole keys and masked echoes are removed, and so are fragments of keys we know.
 */
const KEY_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{6,}/g,
  /\bsk-(?:proj-)?[A-Za-z0-9_*.-]{6,}/g,
  // Glued to a letter ("\nsk-…" inside JSON, "%3Dsk-…"): only with a digit or a mask star, so "risk-averse" stays prose.
  /sk-(?:proj-)?(?=[A-Za-z_.-]*[0-9*])[A-Za-z0-9_*.-]{6,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  // Masked echoes: a few visible characters, stars, a few visible characters (not Markdown's "***emphasis***").
  /[A-Za-z0-9_-]{2,}\*{3,}[A-Za-z0-9_-]{2,}/g,
  /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

export const REDACTED = '[redacted]';

/** Fragments shorter than this are too common to redact without mangling ordinary text. */
export const MIN_FRAGMENT = 4;

/** The parts of a known secret that providers echo: all of it, its first 8 and its last 4 characters. */
export function fragmentsOf(secret: string): string[] {
  if (!secret) return [];
  if (secret.length < 12) return [secret];
  return [secret, secret.slice(0, 8), secret.slice(-MIN_FRAGMENT)];
}

export function redact(text: string, knownSecrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    for (const fragment of fragmentsOf(secret)) result = result.split(fragment).join(REDACTED);
  }
  return redactPatterns(result);
}

/** Removes every key pattern, masked echo and bearer token (no knowledge of particular keys needed). */
export function redactPatterns(text: string): string {
  let result = text;
  for (const pattern of KEY_PATTERNS) {
    result = result.replace(pattern, (_match, bearer?: string) =>
      typeof bearer === 'string' && /^bearer$/i.test(bearer) ? `${bearer} ${REDACTED}` : REDACTED,
    );
  }
  return result;
}
