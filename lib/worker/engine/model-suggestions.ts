import { isProviderId, PROVIDERS } from '../../catalogue/providers';
import type { ProviderRef } from '../../catalogue/provider-ref';
import { log } from '../../log/logger';
import { listModels } from '../background/models';
import type { StreamPart } from '../providers/types';

const MAX_SUGGESTIONS = 5;

const tokens = (model: string) =>
  new Set(
    model
      .toLowerCase()
      .split(/[-._:/]+/)
      .filter(Boolean),
  );

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/**
 * Up to five models the provider has, for a model it did not know: the catalogue's current
 * picks first (when the provider lists them), then the names closest to the one asked for
 * (same family, shared parts: "gpt-4o-mini" → "gpt-4o"), in the provider's own order.
 */
export function rankSuggestions(wanted: string, available: readonly string[], preferred: readonly string[] = []): string[] {
  const wantedTokens = tokens(wanted);
  const score = (model: string) => {
    const parts = [...tokens(model)];
    const shared = parts.filter((token) => wantedTokens.has(token)).length;
    // A dated snapshot or a variant ("-audio-preview") is further from the name than the family's own.
    const extra = parts.length - shared;
    const preference = preferred.includes(model) ? 1_000 - preferred.indexOf(model) : 0;
    return preference + 3 * commonPrefix(model.toLowerCase(), wanted.toLowerCase()) + 2 * shared - 2 * extra;
  };
  return [...new Set(available)]
    .filter((model) => model !== wanted)
    .map((model, index) => ({ model, index, score: score(model) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.model);
}

/** Adds to a "model not found" the models to switch to, from the provider's own list (fetched once a session). */
export async function* withModelSuggestions(
  stream: AsyncIterable<StreamPart>,
  provider: ProviderRef,
  model: string,
): AsyncIterable<StreamPart> {
  for await (const part of stream) {
    if (part.type !== 'error' || part.error.kind !== 'model-not-found') {
      yield part;
      continue;
    }
    let suggestions: string[] = [];
    try {
      suggestions = rankSuggestions(
        model,
        (await listModels(provider)).models,
        isProviderId(provider) ? PROVIDERS[provider].suggestedModels : [],
      );
    } catch (error) {
      log.info('no model suggestions', { provider, error });
    }
    yield { ...part, error: { ...part.error, model, ...(suggestions.length ? { suggestions } : {}) } };
  }
}
