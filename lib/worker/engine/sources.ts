import { isProviderId } from '../../catalogue/providers';
import { callUnified, normaliseServerUrl, ServerCallError } from '../grompt/client';
import { detectPrefix } from '../grompt/detect';
import type { Mode } from '../../domain/job';
import { withOllamaRule } from '../providers/ollama-origin-rule';
import { adapterFor } from '../providers/registry';
import type { StreamPart } from '../providers/types';
import type { Settings } from '../../settings/schema';
import { serverPrefixItem } from '../../storage/items';
import { bestEffort } from '../session/room';
import { demoStream } from './demo-stream';
import { withModelSuggestions } from './model-suggestions';
import { preflight } from './preflight';
import type { PreparedCall } from './prepare';
import { retryBeforeFirstToken, withWatchdog } from './resilience';
import type { Route } from './route';
import type { Target } from './target';

/** What a route yields: the provider stream parts, plus the mode once the server reports it. */
export type SourceEvent = StreamPart | { type: 'meta'; mode: Mode; model?: string };

export type { Target };

export async function resolvePrefix(serverUrl: string, setting: Settings['server']['prefix'], signal: AbortSignal): Promise<string> {
  if (setting !== 'auto') return setting;
  const key = normaliseServerUrl(serverUrl);
  const cached = (await serverPrefixItem.getValue())[key];
  if (cached) return cached;
  const { prefix } = await detectPrefix(key, signal);
  await bestEffort(() => serverPrefixItem.update((prefixes) => ({ ...prefixes, [key]: prefix })));
  return prefix;
}

async function* viaServer(
  route: Extract<Route, { kind: 'server' }>,
  prepared: PreparedCall,
  target: Target,
  settings: Settings,
  signal: AbortSignal,
): AsyncIterable<SourceEvent> {
  try {
    // chooseRoute never sends a custom provider here; the check keeps the type (and the rule) honest.
    if (!isProviderId(target.provider)) throw new Error('a custom provider cannot go through the Grompt server');
    const prefix = await resolvePrefix(route.serverUrl, settings.server.prefix, signal);
    const answer = await callUnified({
      serverUrl: route.serverUrl,
      prefix,
      provider: target.provider,
      prompt: prepared.serverPrompt,
      maxTokens: prepared.maxTokens,
      model: target.model,
      ...(route.apiKey ? { apiKey: route.apiKey } : {}),
      signal,
      timeoutMs: settings.timeoutSeconds * 1000,
    });
    yield { type: 'meta', mode: answer.mode, model: answer.model };
    if (answer.text) yield { type: 'text-delta', text: answer.text };
    yield { type: 'finish', reason: 'stop' };
  } catch (error) {
    if (!(error instanceof ServerCallError)) throw error;
    if (error.facts.kind === 'server-unsupported') {
      // A cached prefix may be stale (the server was upgraded or replaced): detect again next time.
      await serverPrefixItem.update(({ [normaliseServerUrl(route.serverUrl)]: _stale, ...rest }) => rest);
    }
    yield { type: 'error', error: error.facts };
  }
}

/** Opens the stream for a request along its route. */
export async function* openSource(
  route: Route,
  prepared: PreparedCall,
  target: Target,
  settings: Settings,
  signal: AbortSignal,
): AsyncIterable<SourceEvent> {
  if (route.kind === 'demo') {
    yield* demoStream(prepared.demo, signal);
    return;
  }
  const refused = await preflight(route, target);
  if (refused) {
    yield { type: 'error', error: refused };
    return;
  }
  if (route.kind === 'server') {
    yield* viaServer(route, prepared, target, settings, signal);
    return;
  }
  const adapter = target.custom ? adapterFor(target.custom) : isProviderId(target.provider) ? adapterFor(target.provider) : undefined;
  if (!adapter) throw new Error('no adapter for this provider');
  const connection = { baseUrl: target.baseUrl, ...(route.apiKey ? { apiKey: route.apiKey } : {}) };
  const call = (callSignal: AbortSignal) =>
    adapter.stream(connection, { model: target.model, messages: prepared.messages, maxTokens: prepared.maxTokens, signal: callSignal });
  // A provider that has said nothing for this long is not coming back.
  const limit = settings.timeoutSeconds * 1000;
  const watched = withWatchdog(
    (inner) => retryBeforeFirstToken(call, inner),
    signal,
    { firstPartMs: limit, idleMs: limit },
    target.provider,
  );
  const parts = withModelSuggestions(watched, target.provider, target.model);
  // Ollama's origin rule exists around its calls, and after them only if one succeeded or Ollama is chosen.
  yield* target.provider === 'ollama' ? withOllamaRule(target.baseUrl, parts) : parts;
}
