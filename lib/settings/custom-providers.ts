import { z } from '../zod';
import { customProviderIdSchema } from '../catalogue/provider-ref';
import { containsKeyShapedText } from '../keys/key-shaped-text';
import { isSecureTransport, parseEndpoint } from '../network/endpoint-policy';

/**
 * The parameter that caps the answer's length. OpenAI's newer models want
 * `max_completion_tokens` and refuse `max_tokens`; most other OpenAI-compatible servers
 * (LM Studio, llama.cpp, vLLM, gateways) still expect `max_tokens`.
 */
export const TOKEN_PARAMETERS = ['max_tokens', 'max_completion_tokens'] as const;
export type TokenParameter = (typeof TOKEN_PARAMETERS)[number];

/** Custom providers the user may keep at once: plenty for real use, bounded for storage. */
export const MAX_CUSTOM_PROVIDERS = 20;

/** Why a custom provider's field is refused; each code names an i18n message. */
export type CustomProviderProblem = 'name-required' | 'url-invalid' | 'url-insecure' | 'url-query' | 'key-shaped';

export function baseUrlProblem(raw: string): CustomProviderProblem | undefined {
  const url = parseEndpoint(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return 'url-invalid';
  if (!isSecureTransport(url)) return 'url-insecure';
  // A query or fragment is where keys hide in URLs (…?key=…): a base URL has none.
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) return 'url-query';
  if (containsKeyShapedText(raw)) return 'key-shaped';
  return undefined;
}

const plainText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((value) => !containsKeyShapedText(value), 'key-shaped'),
  );

/**
 * One OpenAI-compatible endpoint the user added: LM Studio, llama.cpp, vLLM, OpenRouter, Groq…
 * On disk (storage.local): never its key, which lives in the session key store under `id`.
 */
export const customProviderSchema = z.object({
  id: customProviderIdSchema,
  name: plainText(60).check(z.minLength(1, 'name-required')),
  baseUrl: z.string().check(
    z.trim(),
    z.maxLength(500),
    z.refine((value) => baseUrlProblem(value) === undefined, 'url-invalid'),
  ),
  needsKey: z.boolean(),
  defaultModel: z.optional(plainText(200)),
  tokenParameter: z._default(z.enum(TOKEN_PARAMETERS), 'max_tokens'),
});
export type CustomProvider = z.infer<typeof customProviderSchema>;

/** The custom providers that pass validation; a bad entry (hand-edited, older shape) is dropped alone. */
export function parseCustomProviders(raw: unknown): CustomProvider[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const valid: CustomProvider[] = [];
  for (const entry of raw) {
    const parsed = customProviderSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    valid.push(parsed.data);
  }
  return valid.slice(0, MAX_CUSTOM_PROVIDERS);
}
