import type { ProviderId } from '../../catalogue/providers';
import type { CustomProvider } from '../../settings/custom-providers';
import { anthropicAdapter } from './anthropic';
import { geminiAdapter } from './gemini';
import { ollamaAdapter } from './ollama';
import { openAICompatible } from './openai-compatible';
import type { ProviderAdapter } from './types';

/** Model ids that are not chat models (embeddings, speech, images, moderation). */
const NOT_CHAT = /embed|whisper|tts|dall-e|image|moderation|davinci|babbage|audio|realtime|transcribe|search|computer-use/i;

/** Every provider's adapter. The OpenAI-style ones are rows of one adapter. */
export const ADAPTERS: Record<ProviderId, ProviderAdapter> = {
  // OpenAI's API: max_completion_tokens, the only limit its reasoning models accept.
  openai: openAICompatible({ id: 'openai', apiPath: '', hiddenModels: NOT_CHAT, tokenLimitField: 'max_completion_tokens' }),
  chatgpt: openAICompatible({ id: 'chatgpt', apiPath: '', hiddenModels: NOT_CHAT, tokenLimitField: 'max_completion_tokens' }),
  // DeepSeek documents max_tokens (it counts the reasoning too).
  deepseek: openAICompatible({ id: 'deepseek', apiPath: '', tokenLimitField: 'max_tokens' }),
  ollama: ollamaAdapter,
  claude: anthropicAdapter,
  gemini: geminiAdapter,
};

/**
 * A provider the user added: one more row of the same OpenAI-compatible adapter (the base URL
 * holds any path prefix, such as OpenRouter's /api/v1), so every error kind, retry, cancel and
 * trimming rule of the built-in rows applies to it too.
 */
export function customAdapter(custom: CustomProvider): ProviderAdapter {
  return openAICompatible({ id: custom.id, apiPath: '', tokenLimitField: custom.tokenParameter });
}

export function adapterFor(provider: ProviderId | CustomProvider): ProviderAdapter {
  return typeof provider === 'string' ? ADAPTERS[provider] : customAdapter(provider);
}
