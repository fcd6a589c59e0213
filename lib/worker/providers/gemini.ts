import { GoogleGenerativeAI, type Content } from '@google/generative-ai';
import type { ErrorFacts } from '../../errors/describe';
import type { FinishReason, Usage } from '../../domain/job';
import { cleanDetail, failureFacts, midStream } from './api-errors';
import { createGuardedFetch } from '../network/guarded-fetch';
import { tokenLimit } from './token-limit';
import type { Connection, ModelCall, ProviderAdapter, StreamPart } from './types';

const BLOCKED_FINISH = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']);

function finishReason(reason: string | undefined): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  return 'other';
}

/** Gemini answers an invalid key with 400, not 401: read the text to tell. */
export function geminiFailure(error: unknown): ErrorFacts {
  const failure = (error ?? {}) as { status?: number; message?: string; name?: string; cause?: unknown };
  // The SDK's messages start with "[GoogleGenerativeAI Error]: Error fetching from <url>: [400 Bad Request]".
  const text = (failure.message ?? '').replace(/^\[GoogleGenerativeAI Error\]:\s*/, '').replace(/^Error fetching from \S+:\s*/, '');
  const facts = failureFacts('gemini', { ...failure, message: text });
  if (failure.status === 400 && /api key|API_KEY_INVALID/i.test(failure.message ?? '')) return { ...facts, kind: 'auth' };
  if (failure.status === 429 && /quota/i.test(failure.message ?? '') && /billing|plan/i.test(failure.message ?? '')) {
    return { ...facts, kind: 'quota' };
  }
  if (/abort/i.test(failure.name ?? '') || /aborted/i.test(failure.message ?? '')) return { kind: 'aborted', provider: 'gemini' };
  return facts;
}

/** Thought summaries (parts marked `thought`, sent when asked for) are reasoning, not answer. */
function partsOf(parts: readonly { text?: string }[] | undefined): StreamPart[] {
  return (parts ?? []).flatMap((part): StreamPart[] => {
    if (!part.text) return [];
    const thought = (part as { thought?: unknown }).thought === true;
    return [{ type: thought ? 'reasoning-delta' : 'text-delta', text: part.text }];
  });
}

function model(connection: Connection, call: ModelCall) {
  const system = call.messages.filter((message) => message.role === 'system').map((message) => message.content);
  return new GoogleGenerativeAI(connection.apiKey ?? '').getGenerativeModel(
    {
      model: call.model,
      ...(system.length ? { systemInstruction: system.join('\n\n') } : {}),
      // Gemini 2.5 and 3 think by default, and the thinking counts against maxOutputTokens.
      generationConfig: { maxOutputTokens: tokenLimit(call.model, call.maxTokens) },
    },
    // This SDK takes no fetch option; the worker-wide guard (installWorkerFetchGuard) applies.
    { baseUrl: connection.baseUrl.replace(/\/+$/, '') },
  );
}

async function* stream(connection: Connection, call: ModelCall): AsyncIterable<StreamPart> {
  const contents: Content[] = call.messages.flatMap((message) =>
    message.role === 'system' ? [] : [{ role: message.role === 'assistant' ? 'model' : 'user', parts: [{ text: message.content }] }],
  );
  let reason: string | undefined;
  let usage: Usage | undefined;
  let textArrived = false;
  try {
    const result = await model(connection, call).generateContentStream({ contents }, { signal: call.signal });
    // The SDK also aggregates the stream into a promise we do not use; keep its failure quiet.
    result.response.catch(() => undefined);
    for await (const chunk of result.stream) {
      if (chunk.promptFeedback?.blockReason) {
        yield { type: 'error', error: { kind: 'blocked', provider: 'gemini', detail: chunk.promptFeedback.blockReason } };
        return;
      }
      const candidate = chunk.candidates?.[0];
      for (const part of partsOf(candidate?.content?.parts)) {
        textArrived = true;
        yield part;
      }
      if (candidate?.finishReason) reason = candidate.finishReason;
      if (chunk.usageMetadata) {
        usage = { inputTokens: chunk.usageMetadata.promptTokenCount, outputTokens: chunk.usageMetadata.candidatesTokenCount };
      }
    }
  } catch (error) {
    yield { type: 'error', error: midStream(geminiFailure(error), textArrived) };
    return;
  }
  if (reason && BLOCKED_FINISH.has(reason)) {
    yield { type: 'error', error: { kind: 'blocked', provider: 'gemini', detail: reason } };
  } else if (!reason) {
    yield { type: 'error', error: { kind: 'incomplete', provider: 'gemini' } };
  } else {
    yield { type: 'finish', reason: finishReason(reason), ...(usage ? { usage } : {}) };
  }
}

async function listModels(connection: Connection, signal: AbortSignal): Promise<string[]> {
  const base = connection.baseUrl.replace(/\/+$/, '');
  const guarded = createGuardedFetch([new URL(base).origin]);
  const response = await guarded(`${base}/v1beta/models?pageSize=200`, {
    headers: { 'x-goog-api-key': connection.apiKey ?? '' },
    signal,
  });
  if (!response.ok) throw Object.assign(new Error(cleanDetail(await response.text()) ?? 'list failed'), { status: response.status });
  const body = (await response.json()) as { models?: { name: string; supportedGenerationMethods?: string[] }[] };
  return (body.models ?? [])
    .filter((entry) => entry.supportedGenerationMethods?.includes('generateContent'))
    .map((entry) => entry.name.replace(/^models\//, ''));
}

export const geminiAdapter: ProviderAdapter = { stream, listModels };
