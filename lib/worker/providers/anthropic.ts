import Anthropic from '@anthropic-ai/sdk';
import type { FinishReason, Usage } from '../../domain/job';
import { failureFacts, midStream } from './api-errors';
import { createGuardedFetch } from '../network/guarded-fetch';
import { asFailure } from './openai-compatible';
import { tokenLimit } from './token-limit';
import type { Connection, ModelCall, ProviderAdapter, StreamPart } from './types';

function client(connection: Connection): Anthropic {
  const baseURL = connection.baseUrl.replace(/\/+$/, '');
  return new Anthropic({
    baseURL,
    apiKey: connection.apiKey ?? null,
    // Sends `anthropic-dangerous-direct-browser-access: true`, without which Anthropic
    // answers 401 to requests that carry an Origin (ours do).
    dangerouslyAllowBrowser: true,
    fetch: createGuardedFetch([new URL(baseURL).origin]),
    maxRetries: 0,
    logLevel: 'off',
  });
}

function finishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'stop';
  if (reason === 'max_tokens') return 'length';
  if (reason === 'refusal') return 'content-filter';
  return 'other';
}

async function* stream(connection: Connection, call: ModelCall): AsyncIterable<StreamPart> {
  // Anthropic takes the system prompt apart from the turns.
  const system = call.messages.filter((message) => message.role === 'system').map((message) => message.content);
  const turns = call.messages.flatMap((message) => (message.role === 'system' ? [] : [{ role: message.role, content: message.content }]));
  let reason: string | null | undefined;
  let stopped = false;
  let textArrived = false;
  const usage: Usage = {};
  try {
    const events = await client(connection).messages.create(
      {
        model: call.model,
        // Claude's thinking (adaptive, on by default for Claude 5) counts against max_tokens.
        max_tokens: tokenLimit(call.model, call.maxTokens),
        ...(system.length ? { system: system.join('\n\n') } : {}),
        messages: turns,
        stream: true,
      },
      { signal: call.signal },
    );
    for await (const event of events) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        textArrived = true;
        yield { type: 'text-delta', text: event.delta.text };
      } else if (event.type === 'content_block_delta' && event.delta.type === 'thinking_delta') {
        // Shown as reasoning when the API returns it (newer models omit it unless asked).
        textArrived = true;
        if (event.delta.thinking) yield { type: 'reasoning-delta', text: event.delta.thinking };
      } else if (event.type === 'message_start') {
        usage.inputTokens = event.message.usage.input_tokens;
      } else if (event.type === 'message_delta') {
        reason = event.delta.stop_reason;
        usage.outputTokens = event.usage.output_tokens;
      } else if (event.type === 'message_stop') {
        stopped = true;
      }
    }
  } catch (error) {
    yield { type: 'error', error: midStream(failureFacts('claude', asFailure(error)), textArrived) };
    return;
  }
  if (!stopped) {
    yield { type: 'error', error: { kind: 'incomplete', provider: 'claude' } };
    return;
  }
  yield { type: 'finish', reason: finishReason(reason), usage };
}

async function listModels(connection: Connection, signal: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for await (const model of client(connection).models.list({}, { signal })) ids.push(model.id);
  return ids;
}

export const anthropicAdapter: ProviderAdapter = { stream, listModels };
