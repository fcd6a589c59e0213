/**
 * Whether a value the user typed into an ordinary field (a name, a URL, a model, an action's
 * template) holds something shaped like an API key. Those fields are written to disk; a key
 * pasted into the wrong box must be refused before it gets there.
 *
 * The security work names the same rule `looksLikeKey` (lib/keys/key-shape.ts); this module is
 * the one place the custom providers and actions call, so the two can be unified in one line.
 */
const KEY_SHAPES: readonly RegExp[] = [
  // Anthropic, OpenAI (sk-, sk-proj-), OpenRouter (sk-or-v1-), DeepSeek and most gateways.
  /sk-[A-Za-z0-9_-]{16,}/,
  // Google (AIza + 35), Groq, xAI, Hugging Face, Perplexity, Replicate, GitHub tokens.
  /AIza[0-9A-Za-z_-]{30,}/,
  /\b(?:gsk|hf|ghp|gho|github_pat|r8)_[A-Za-z0-9_]{16,}/,
  /\b(?:xai|pplx)-[A-Za-z0-9]{16,}/,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{12,}/i,
];

/** A long unbroken run of letters and digits (both), as random tokens are and words are not. */
const OPAQUE_TOKEN = /[A-Za-z0-9_]{32,}/g;

function isOpaque(token: string): boolean {
  return /[0-9]/.test(token) && /[A-Za-z]/.test(token);
}

export function containsKeyShapedText(value: string): boolean {
  if (KEY_SHAPES.some((shape) => shape.test(value))) return true;
  return (value.match(OPAQUE_TOKEN) ?? []).some(isOpaque);
}
