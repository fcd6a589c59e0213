/**
 * Whether a text holds something that looks like an API key: a provider's key shape, or a
 * long random-looking token. Used to refuse keys pasted into the wrong field (a model name,
 * a base URL, a server URL, an action template) before they reach storage.local or a URL.
 *
 * Model names are long too, but they are made of words, numbers and short codes joined by
 * separators ("Llama-3.2-3B-Instruct-GGUF", "qwen3:30b-a3b-instruct-2507-q4_K_M"); a key is
 * random, so its pieces are long runs that mix letters and digits in no word-like way.
 */

/** Every shape a provider gives its keys (OpenAI, Anthropic, Google, DeepSeek, and common gateways). */
const PROVIDER_KEY =
  /(?:^|[^A-Za-z0-9])(?:sk-(?:ant-|proj-|svcacct-|admin-)?|AIza|gsk_|xai-|hf_|pplx-|nvapi-|r8_|ghp_|github_pat_)[A-Za-z0-9_-]{16,}/;

/** A bearer token, or a JWT, pasted whole. */
const BEARER = /\bBearer\s+\S{16,}|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;

export const MIN_TOKEN_LENGTH = 32;

/** Runs of the characters keys are made of (hex, base64, base64url). `.` and `:` end a run. */
const TOKEN_RUN = new RegExp(`[A-Za-z0-9+/=_-]{${MIN_TOKEN_LENGTH},}`, 'g');
const SEPARATORS = /[+/=_-]+/;

/** Pieces a model name or a URL path is made of: numbers, words, CamelCase words, "llama3", "Qwen25". */
const WORD_LIKE = [
  /^\d+$/,
  /^[a-z]+$/,
  /^[A-Z]+$/,
  /^(?:[A-Z][a-z]+)+$/,
  /^[a-z]+(?:[A-Z][a-z]+)+$/,
  /^(?:[A-Z]?[a-z]+|[A-Z]+)\d{1,4}[A-Za-z]{0,2}$/,
];

/** Short codes ("70b", "Q4", "8x7B", "a22b") are part of names; random stretches are longer. */
const SHORT_CODE = 6;

/** How much of a run must be random pieces before it counts as a key. */
const MIN_RANDOM_CHARS = 16;

/** Bits per character of the text's own character distribution (Shannon). */
export function entropyBitsPerChar(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

function isRandomPiece(piece: string): boolean {
  return piece.length > SHORT_CODE && !WORD_LIKE.some((pattern) => pattern.test(piece));
}

/** A run of 32+ key characters whose pieces are mostly random, not words and numbers. */
export function isRandomToken(run: string): boolean {
  if (run.length < MIN_TOKEN_LENGTH) return false;
  const randomChars = run
    .split(SEPARATORS)
    .filter(isRandomPiece)
    .reduce((total, piece) => total + piece.length, 0);
  return randomChars >= MIN_RANDOM_CHARS && entropyBitsPerChar(run) >= 3;
}

/**
 * Public ids that an endpoint's URL carries and that look random: Cloudflare AI Gateway's
 * account id (32 hex characters: https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/…).
 * An account id is not a secret, and refusing it made the gateway impossible to add. Only that
 * place in that host's URLs is let through; the same 32 characters elsewhere still count.
 */
const PUBLIC_URL_IDS = /(\/\/gateway\.ai\.cloudflare\.com\/v1\/)[0-9a-f]{32}(?=\/)/gi;

export function looksLikeKey(text: string): boolean {
  if (PROVIDER_KEY.test(text) || BEARER.test(text)) return true;
  const withoutPublicIds = text.replace(PUBLIC_URL_IDS, '$1account');
  return (withoutPublicIds.match(TOKEN_RUN) ?? []).some(isRandomToken);
}
