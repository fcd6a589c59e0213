import type { ErrorFacts } from '../../errors/describe';
import type { PromptMessage } from '../../features/types';
import type { FinishReason, Usage } from '../../domain/job';

/**
 * The one streaming interface every provider implements (after the Vercel AI SDK's
 * doStream): a call yields text deltas, then one finish or one error. Reasoning models
 * may yield reasoning deltas too (DeepSeek's reasoning_content, <think> blocks, Claude's
 * thinking): shown apart from the answer, never part of it.
 */
export type StreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'finish'; reason: FinishReason; usage?: Usage }
  | { type: 'error'; error: ErrorFacts };

export interface ModelCall {
  model: string;
  messages: readonly PromptMessage[];
  maxTokens: number;
  signal: AbortSignal;
}

export interface Connection {
  baseUrl: string;
  /** Absent for providers that take no key (Ollama). */
  apiKey?: string;
}

export interface ProviderAdapter {
  stream(connection: Connection, call: ModelCall): AsyncIterable<StreamPart>;
  listModels(connection: Connection, signal: AbortSignal): Promise<string[]>;
}
