/**
 * What each provider is, as data: safe for every part of the extension to read
 * (no SDK, no key). The adapters that call providers live in lib/worker/providers and are
 * reachable from the background only.
 */
export const PROVIDER_IDS = ['openai', 'chatgpt', 'claude', 'gemini', 'deepseek', 'ollama'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type WireProtocol = 'openai-compatible' | 'anthropic' | 'gemini';

export interface ProviderInfo {
  id: ProviderId;
  label: string;
  protocol: WireProtocol;
  /** Ollama runs on the user's machine and takes no key. */
  needsKey: boolean;
  defaultBaseUrl: string;
  defaultModel: string;
  /** Shown until (or if) the provider's own model list can be fetched. */
  suggestedModels: readonly string[];
  /** Input budget in characters (about 4 per token), leaving room for the prompt and the answer. */
  inputBudgetChars: number;
  /** Where users get a key; shown next to the key field. */
  keyUrl?: string;
}

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    suggestedModels: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1', 'o4-mini'],
    inputBudgetChars: 360_000,
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  chatgpt: {
    id: 'chatgpt',
    label: 'ChatGPT',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.openai.com/v1',
    defaultModel: 'chatgpt-4o-latest',
    suggestedModels: ['chatgpt-4o-latest', 'gpt-4o-mini'],
    inputBudgetChars: 360_000,
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  claude: {
    id: 'claude',
    label: 'Anthropic Claude',
    protocol: 'anthropic',
    needsKey: true,
    defaultBaseUrl: 'https://api.anthropic.com',
    defaultModel: 'claude-sonnet-4-5',
    suggestedModels: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'],
    inputBudgetChars: 560_000,
    keyUrl: 'https://console.anthropic.com/settings/keys',
  },
  gemini: {
    id: 'gemini',
    label: 'Google Gemini',
    protocol: 'gemini',
    needsKey: true,
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    defaultModel: 'gemini-2.5-flash',
    suggestedModels: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash'],
    inputBudgetChars: 1_000_000,
    keyUrl: 'https://aistudio.google.com/app/apikey',
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.deepseek.com',
    defaultModel: 'deepseek-chat',
    suggestedModels: ['deepseek-chat', 'deepseek-reasoner'],
    inputBudgetChars: 200_000,
    keyUrl: 'https://platform.deepseek.com/api_keys',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    protocol: 'openai-compatible',
    needsKey: false,
    defaultBaseUrl: 'http://localhost:11434',
    defaultModel: 'llama3.2',
    suggestedModels: ['llama3.2', 'qwen2.5', 'mistral', 'gemma3'],
    // Local models default to small context windows (Ollama's default num_ctx is small).
    inputBudgetChars: 24_000,
  },
};

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}
