import OpenAI from 'openai';
import type { FinishReason } from '../../domain/job';
import { failureFacts, midStream } from './api-errors';
import { createGuardedFetch } from '../network/guarded-fetch';
import { createThinkSplitter } from './think-splitter';
import { tokenLimit } from './token-limit';
import type { Connection, ModelCall, ProviderAdapter, StreamPart } from './types';

/** One adapter for every OpenAI-style API (OpenAI, ChatGPT, DeepSeek, Ollama's /v1), driven by a row. */
export interface OpenAICompatibleRow {
  id: string;
  /** Appended to the configured base URL (Ollama's OpenAI endpoint lives under /v1). */
  apiPath: string;
  /** Model ids that are not chat models, hidden from the picker. */
  hiddenModels?: RegExp;
  /**
   * The name of the token limit this API expects. OpenAI deprecated `max_tokens`, and its
   * reasoning models (o-series, GPT-5) reject it with a 400; DeepSeek, Ollama and most
   * gateways still read `max_tokens` only. Default: `max_tokens`, what compatible APIs share.
   */
  tokenLimitField?: TokenLimitField;
}

export type TokenLimitField = 'max_tokens' | 'max_completion_tokens';

export function openAIClient(row: OpenAICompatibleRow, connection: Connection): OpenAI {
  const baseURL = `${connection.baseUrl.replace(/\/+$/, '')}${row.apiPath}`;
  return new OpenAI({
    baseURL,
    // Keyless providers (Ollama): the SDK insists on a value, so we give one and then
    // explicitly drop the Authorization header: no fake credential goes over the wire.
    apiKey: connection.apiKey ?? 'none',
    ...(connection.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    // The worker has no `window`; the SDK still asks for this outside Node.
    dangerouslyAllowBrowser: true,
    fetch: createGuardedFetch([new URL(baseURL).origin]),
    // Retries are the engine's job (only before the first token), and SDK logs stay off.
    maxRetries: 0,
    logLevel: 'off',
  });
}

function finishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'stop') return 'stop';
  if (reason === 'length') return 'length';
  if (reason === 'content_filter') return 'content-filter';
  return 'other';
}

/** The reasoning fields compatible APIs stream beside `content`: DeepSeek's, and Ollama's and gateways'. */
function reasoningOf(delta: unknown): string | undefined {
  const fields = (delta ?? {}) as { reasoning_content?: unknown; reasoning?: unknown };
  const value = fields.reasoning_content ?? fields.reasoning;
  return typeof value === 'string' && value ? value : undefined;
}

async function* stream(row: OpenAICompatibleRow, connection: Connection, call: ModelCall): AsyncIterable<StreamPart> {
  let reason: string | null | undefined;
  let usage: { inputTokens?: number; outputTokens?: number } | undefined;
  let arrived = false;
  // Any model may write its reasoning inside <think> tags in the content (Ollama's, many gateways').
  const splitter = createThinkSplitter();
  try {
    const client = openAIClient(row, connection);
    const chunks = await client.chat.completions.create(
      {
        model: call.model,
        messages: call.messages.map((message) => ({ role: message.role, content: message.content })),
        [row.tokenLimitField ?? 'max_tokens']: tokenLimit(call.model, call.maxTokens),
        stream: true,
        stream_options: { include_usage: true },
      },
      { signal: call.signal },
    );
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      const reasoning = reasoningOf(choice?.delta);
      if (reasoning) yield { type: 'reasoning-delta', text: reasoning };
      for (const part of choice?.delta?.content ? splitter.push(choice.delta.content) : []) yield part;
      arrived ||= Boolean(reasoning || choice?.delta?.content);
      if (choice?.finish_reason) reason = choice.finish_reason;
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    }
  } catch (error) {
    yield* splitter.end();
    yield { type: 'error', error: midStream(failureFacts(row.id, asFailure(error)), arrived) };
    return;
  }
  yield* splitter.end();
  if (reason === undefined || reason === null) {
    // The body ended without a finish_reason: the connection was cut mid-answer.
    yield { type: 'error', error: { kind: 'incomplete', provider: row.id } };
    return;
  }
  yield { type: 'finish', reason: finishReason(reason), ...(usage ? { usage } : {}) };
}

export function asFailure(error: unknown) {
  const failure = (error ?? {}) as {
    status?: number;
    headers?: Headers;
    error?: unknown;
    message?: string;
    name?: string;
    cause?: unknown;
  };
  return { ...failure, body: failure.error, message: failure.message, name: failure.name, cause: failure.cause };
}

async function listModels(row: OpenAICompatibleRow, connection: Connection, signal: AbortSignal): Promise<string[]> {
  const client = openAIClient(row, connection);
  const ids: string[] = [];
  for await (const model of client.models.list({ signal })) {
    if (!row.hiddenModels?.test(model.id)) ids.push(model.id);
  }
  return ids.sort();
}

export function openAICompatible(row: OpenAICompatibleRow): ProviderAdapter {
  return {
    stream: (connection, call) => stream(row, connection, call),
    listModels: (connection, signal) => listModels(row, connection, signal),
  };
}
