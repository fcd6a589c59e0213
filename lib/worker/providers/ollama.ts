import type { ErrorFacts } from '../../errors/describe';
import { createGuardedFetch } from '../network/guarded-fetch';
import { openAICompatible } from './openai-compatible';
import type { Connection, ProviderAdapter, StreamPart } from './types';

/**
 * Ollama through its OpenAI-compatible /v1 endpoint: the same adapter, wire format and
 * error mapping as OpenAI, so one code path is tested for four providers. Only the model
 * list (native /api/tags, which lists what is pulled) and the 403 are Ollama's own.
 */
// Ollama's OpenAI layer reads max_tokens (as num_predict).
const base = openAICompatible({ id: 'ollama', apiPath: '/v1', tokenLimitField: 'max_tokens' });

/** Ollama rejects unknown Origins with an empty 403: tell the user the exact setting. */
export function ollamaOriginFacts(facts: ErrorFacts, extensionOrigin: string): ErrorFacts {
  if (facts.kind !== 'permission') return facts;
  return { ...facts, kind: 'ollama-origin', setting: `OLLAMA_ORIGINS=${extensionOrigin}` };
}

async function* stream(connection: Connection, call: Parameters<ProviderAdapter['stream']>[1]): AsyncIterable<StreamPart> {
  const origin = globalThis.location?.origin ?? 'chrome-extension://<extension-id>';
  for await (const part of base.stream(connection, call)) {
    if (part.type !== 'error') yield part;
    else yield { type: 'error', error: { ...ollamaOriginFacts(part.error, origin), url: connection.baseUrl } };
  }
}

async function listModels(connection: Connection, signal: AbortSignal): Promise<string[]> {
  const root = connection.baseUrl.replace(/\/+$/, '');
  const response = await createGuardedFetch([new URL(root).origin])(`${root}/api/tags`, { signal });
  if (!response.ok) throw Object.assign(new Error(`Ollama answered ${response.status}`), { status: response.status });
  const body = (await response.json()) as { models?: { name: string }[] };
  return (body.models ?? []).map((model) => model.name);
}

export const ollamaAdapter: ProviderAdapter = { stream, listModels };
