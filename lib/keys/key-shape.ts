import type { ProviderId } from '../catalogue/providers';

/**
 * The provider a key's shape points to, when it is unambiguous. A hint only: a key is
 * never refused for its shape, but a key that looks like another company's earns a
 * warning before it is sent to the wrong one. OpenAI and DeepSeek keys look alike.
 */
export type KeyFamily = 'anthropic' | 'google' | 'openai-like';

export function keyFamily(key: string): KeyFamily | undefined {
  const trimmed = key.trim();
  if (trimmed.startsWith('sk-ant-')) return 'anthropic';
  if (/^AIza[0-9A-Za-z_-]{20,}$/.test(trimmed)) return 'google';
  if (trimmed.startsWith('sk-')) return 'openai-like';
  return undefined;
}

const EXPECTED_FAMILY: Record<ProviderId, KeyFamily | undefined> = {
  openai: 'openai-like',
  chatgpt: 'openai-like',
  deepseek: 'openai-like',
  claude: 'anthropic',
  gemini: 'google',
  ollama: undefined,
};

/** The family the key seems to belong to, when it is not the chosen provider's. */
export function mismatchedKeyFamily(provider: ProviderId, key: string): KeyFamily | undefined {
  const family = keyFamily(key);
  const expected = EXPECTED_FAMILY[provider];
  if (!family || !expected || family === expected) return undefined;
  return family;
}

/** Key-shaped values are refused outside the key field: see looks-like-key.ts. */
export { looksLikeKey } from './looks-like-key';
