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

/**
 * When the defaults and suggestions below were last checked against each provider's published
 * model list and deprecation page. Sources: developers.openai.com/api/docs/deprecations,
 * platform.claude.com/docs/en/about-claude/models/overview (and the Sonnet 5 / Opus 5 model
 * pages), ai.google.dev/gemini-api/docs/models and /deprecations, api-docs.deepseek.com
 * (news260424, guides/thinking_mode), ollama.com/library. Review again when a provider
 * announces a shutdown: a retired default gives every new user a "model not found".
 */
export const MODELS_REVIEWED_ON = '2026-12-02';

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.openai.com/v1',
    // GPT-5.6 (GA 2026-07-09): Luna fast and cheap, Terra balanced, Sol the flagship. gpt-5 and
    // o3 shut down 2026-12-11, o4-mini did on 2026-10-23, gpt-4o(-mini) go on 2027-01-14.
    defaultModel: 'gpt-5.6-luna',
    suggestedModels: ['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol'],
    inputBudgetChars: 360_000,
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  chatgpt: {
    id: 'chatgpt',
    label: 'ChatGPT',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.openai.com/v1',
    // chatgpt-4o-latest shut down 2026-02-17 and the gpt-5.x-chat-latest models in 2026-08;
    // OpenAI points ChatGPT-style chat at GPT-5.6 Terra.
    defaultModel: 'gpt-5.6-terra',
    suggestedModels: ['gpt-5.6-terra', 'gpt-5.6-luna', 'gpt-5.6-sol'],
    inputBudgetChars: 360_000,
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  claude: {
    id: 'claude',
    label: 'Anthropic Claude',
    protocol: 'anthropic',
    needsKey: true,
    defaultBaseUrl: 'https://api.anthropic.com',
    // Claude Sonnet 5 (2026-06-30) and Opus 5 (2026-07-24) are documented as available ("legacy"
    // beside the 5.5 generation, whose API ids we could not confirm); Haiku 4.5 is still current.
    defaultModel: 'claude-sonnet-5',
    suggestedModels: ['claude-sonnet-5', 'claude-haiku-4-5', 'claude-opus-5'],
    inputBudgetChars: 560_000,
    keyUrl: 'https://console.anthropic.com/settings/keys',
  },
  gemini: {
    id: 'gemini',
    label: 'Google Gemini',
    protocol: 'gemini',
    needsKey: true,
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    // gemini-2.5-flash and -pro shut down 2026-12-01, gemini-2.0-flash on 2026-06-01.
    defaultModel: 'gemini-3.5-flash',
    suggestedModels: ['gemini-3.5-flash', 'gemini-3.5-flash-lite', 'gemini-3.1-flash-lite', 'gemini-3.1-pro-preview'],
    inputBudgetChars: 1_000_000,
    keyUrl: 'https://aistudio.google.com/app/apikey',
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    protocol: 'openai-compatible',
    needsKey: true,
    defaultBaseUrl: 'https://api.deepseek.com',
    // deepseek-chat and deepseek-reasoner were retired 2026-07-24 for the V4 models, which think
    // (reasoning_content) unless told not to.
    defaultModel: 'deepseek-v4-flash',
    suggestedModels: ['deepseek-v4-flash', 'deepseek-v4-pro'],
    inputBudgetChars: 200_000,
    keyUrl: 'https://platform.deepseek.com/api_keys',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    protocol: 'openai-compatible',
    needsKey: false,
    defaultBaseUrl: 'http://localhost:11434',
    // Whatever is pulled replaces these (GET /api/tags); qwen3 and deepseek-r1 think in <think> tags.
    defaultModel: 'llama3.2',
    suggestedModels: ['llama3.2', 'qwen3', 'gemma3', 'deepseek-r1', 'mistral'],
    // Local models default to small context windows (Ollama's default num_ctx is small).
    inputBudgetChars: 24_000,
  },
};

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}
