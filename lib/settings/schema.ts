import { z } from '../zod';
import { PROVIDER_IDS } from '../catalogue/providers';
import { isCustomProviderId, providerRefSchema } from '../catalogue/provider-ref';
import { jobKindSchema } from '../domain/job';
import { FEATURE_IDS } from '../features/ids';
import { type CustomProvider, parseCustomProviders } from './custom-providers';
import { notKeyShapedText } from './key-shaped';
import { scrubSettings } from './scrub';

const providerId = z.enum(PROVIDER_IDS);
const featureId = z.enum(FEATURE_IDS);

/** Model names and URLs: never key-shaped (see key-shaped.ts and scrub.ts). */
const modelName = notKeyShapedText(200);
const url = notKeyShapedText(500);

export const featureDefaultsSchema = z.object({
  provider: z.optional(providerRefSchema),
  model: z.optional(modelName),
});

const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/**
 * Everything the extension keeps on disk (storage.local). Nothing secret belongs here:
 * keys live in lib/worker/secrets, in session memory only.
 */
export const settingsSchema = z.object({
  provider: z._default(providerRefSchema, 'openai'),
  /** Chosen model per provider (built-in or custom); absent means the provider's default. */
  models: z._default(z.partialRecord(providerRefSchema, modelName), {}),
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
  /** The popup's last tab: a feature, or the user's own actions. */
  lastFeature: z._default(jobKindSchema, 'summarizer'),
  /** OpenAI-compatible endpoints the user added (lib/settings/custom-providers.ts), checked entry by entry. */
  customProviders: z._default(z.array(z.unknown()), []),
});

export type Settings = Omit<z.infer<typeof settingsSchema>, 'customProviders'> & { customProviders: CustomProvider[] };

/**
 * Stored settings that fail validation (an older or hand-edited shape) fall back field by
 * field. Key-shaped values and unusable URLs are dropped first, entry by entry, so that every
 * write (each one goes through here) leaves them out of storage.local.
 */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(scrubSettings(raw ?? {}));
  if (parsed.success) return withKnownProviders(parsed.data);
  const base = settingsSchema.parse({});
  const scrubbed = scrubSettings(raw);
  if (scrubbed && typeof scrubbed === 'object') {
    for (const [key, value] of Object.entries(scrubbed)) {
      const candidate = settingsSchema.safeParse({ ...base, [key]: value });
      if (candidate.success) Object.assign(base, candidate.data);
    }
  }
  return withKnownProviders(base);
}

/**
 * Valid custom providers only, and no choice that points to one that is gone (deleted, or
 * dropped as invalid): such a choice falls back to the default provider.
 */
function withKnownProviders(settings: z.infer<typeof settingsSchema>): Settings {
  const customProviders = parseCustomProviders(settings.customProviders);
  const known = new Set<string>(customProviders.map((provider) => provider.id));
  const dangling = (id: string | undefined) => isCustomProviderId(id) && !known.has(id);
  const featureDefaults = Object.fromEntries(
    Object.entries(settings.featureDefaults).filter(([, defaults]) => !dangling(defaults?.provider)),
  ) as Settings['featureDefaults'];
  const models = Object.fromEntries(Object.entries(settings.models).filter(([id]) => !dangling(id))) as Settings['models'];
  return { ...settings, provider: dangling(settings.provider) ? 'openai' : settings.provider, models, featureDefaults, customProviders };
}
