import { z } from '../zod';
import { PROVIDER_IDS } from '../catalogue/providers';
import { FEATURE_IDS } from '../features/ids';

const providerId = z.enum(PROVIDER_IDS);
const featureId = z.enum(FEATURE_IDS);

export const featureDefaultsSchema = z.object({
  provider: providerId.optional(),
  model: z.string().max(200).optional(),
});

/**
 * Everything the extension keeps on disk (storage.local). Nothing secret belongs here:
 * keys live in lib/secrets, in session memory only.
 */
export const settingsSchema = z.object({
  provider: providerId.default('openai'),
  /** Chosen model per provider; absent means the catalogue default. */
  models: z.partialRecord(providerId, z.string().max(200)).default({}),
  /** Base URL overrides per provider (proxies, gateways, LM Studio, remote Ollama). */
  baseUrls: z.partialRecord(providerId, z.string().max(500)).default({}),
  featureDefaults: z.partialRecord(featureId, featureDefaultsSchema).default({}),
  server: z
    .object({
      url: z.string().max(500).default(''),
      prefix: z.enum(['auto', '/api/v1', '/api']).default('auto'),
      /** With a key and a server both available: call the provider directly, or via the server. */
      routing: z.enum(['direct', 'server']).default('direct'),
    })
    .default({ url: '', prefix: 'auto', routing: 'direct' }),
  keyIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** How long to wait for a provider's first token, a pause mid-answer, or the server's whole answer. */
  timeoutSeconds: z.number().int().min(5).max(600).default(90),
  language: z.enum(['auto', 'en', 'pt-BR']).default('auto'),
  lastFeature: featureId.default('summarizer'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Stored settings that fail validation (an older or hand-edited shape) fall back field by field. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const base = settingsSchema.parse({});
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      const candidate = settingsSchema.safeParse({ ...base, [key]: value });
      if (candidate.success) Object.assign(base, candidate.data);
    }
  }
  return base;
}
