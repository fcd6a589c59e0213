import { z } from '../zod';
import { customProviderIdSchema } from '../catalogue/provider-ref';
import { looksLikeKey } from '../keys/key-shape';
import { checkUserUrl, type UrlProblem } from './origins';

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
export type CustomProviderProblem = 'name-required' | 'url-invalid' | 'url-insecure' | 'url-query' | 'url-credentials' | 'key-shaped';

const URL_PROBLEMS = {
  invalid: 'url-invalid',
  insecure: 'url-insecure',
  query: 'url-query',
  credentials: 'url-credentials',
  'key-shaped': 'key-shaped',
} as const satisfies Record<UrlProblem, CustomProviderProblem>;

/** The same rules as every URL field (lib/settings/origins.ts): HTTPS or loopback HTTP, no query, no credentials, no key. */
export function baseUrlProblem(raw: string): CustomProviderProblem | undefined {
  const check = checkUserUrl(raw);
  return check.ok ? undefined : URL_PROBLEMS[check.problem];
}

const plainText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((value) => !looksLikeKey(value), 'key-shaped'),
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
