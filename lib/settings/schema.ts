import { z } from '../zod';
import { PROVIDER_IDS } from '../catalogue/providers';
import { FEATURE_IDS } from '../features/ids';
import { notKeyShapedText } from './key-shaped';
import { scrubSettings } from './scrub';

const providerId = z.enum(PROVIDER_IDS);
const featureId = z.enum(FEATURE_IDS);

/** Model names and URLs: never key-shaped (see key-shaped.ts and scrub.ts). */
const modelName = notKeyShapedText(200);
const url = notKeyShapedText(500);

export const featureDefaultsSchema = z.object({
  provider: z.optional(providerId),
  model: z.optional(modelName),
});

const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/**
 * Everything the extension keeps on disk (storage.local). Nothing secret belongs here:
 * keys live in lib/worker/secrets, in session memory only.
 */
export const settingsSchema = z.object({
  provider: z._default(providerId, 'openai'),
  /** Chosen model per provider; absent means the catalogue default. */
  models: z._default(z.partialRecord(providerId, modelName), {}),
  /** Base URL overrides per provider (proxies, gateways, LM Studio, remote Ollama). */
  baseUrls: z._default(z.partialRecord(providerId, url), {}),
  featureDefaults: z._default(z.partialRecord(featureId, featureDefaultsSchema), {}),
  server: z._default(
    z.object({
      url: z._default(url, ''),
      prefix: z._default(z.enum(['auto', '/api/v1', '/api']), 'auto'),
      /** With a key and a server both available: call the provider directly, or via the server. */
      routing: z._default(z.enum(['direct', 'server']), 'direct'),
    }),
    { url: '', prefix: 'auto', routing: 'direct' },
  ),
  keyIdleMinutes: z._default(whole(1, 24 * 60), 60),
  /** How long to wait for a provider's first token, a pause mid-answer, or the server's whole answer. */
  timeoutSeconds: z._default(whole(5, 600), 90),
  language: z._default(z.enum(['auto', 'en', 'pt-BR']), 'auto'),
  lastFeature: z._default(featureId, 'summarizer'),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * Stored settings that fail validation (an older or hand-edited shape) fall back field by
 * field. Key-shaped values and unusable URLs are dropped first, entry by entry, so that every
 * write (each one goes through here) leaves them out of storage.local.
 */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(scrubSettings(raw ?? {}));
  if (parsed.success) return parsed.data;
  const base = settingsSchema.parse({});
  const scrubbed = scrubSettings(raw);
  if (scrubbed && typeof scrubbed === 'object') {
    for (const [key, value] of Object.entries(scrubbed)) {
      const candidate = settingsSchema.safeParse({ ...base, [key]: value });
      if (candidate.success) Object.assign(base, candidate.data);
    }
  }
  return base;
}
