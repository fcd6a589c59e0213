import type { ServerResponse } from 'node:http';
import { sleep } from './http';

/** One streamed chat completion, as the fake sends it. */
export interface ChatStream {
  model: string;
  /** The answer's content, chunk by chunk. */
  pieces: string[];
  delayMs: number;
  /** Reasoning chunks sent before the answer, in this delta field (DeepSeek's or Ollama's). */
  reasoning?: string[];
  reasoningField?: 'reasoning_content' | 'reasoning';
  /** Silence before the first visible token (OpenAI's reasoning models think without a word). */
  thinkingMs?: number;
  /** Held before the answer's first chunk, for a test to look at the reasoning in between. */
  beforeAnswer?: Promise<void>;
  /** Drop the connection before this answer chunk. */
  cutAfter?: number;
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

/** Streams a chat completion as SSE `data:` lines: role, reasoning, content, finish, usage, [DONE]. */
export async function streamChat(response: ServerResponse, stream: ChatStream): Promise<void> {
  const { model, pieces, delayMs } = stream;
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const write = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  write(chunk(model, { role: 'assistant', content: '' }));
  const reasoning = stream.reasoning ?? [];
  for (const piece of reasoning) {
    if (response.destroyed) return;
    // DeepSeek sends content: null beside each piece of reasoning_content.
    write(chunk(model, { content: null, [stream.reasoningField ?? 'reasoning_content']: piece }));
    if (delayMs) await sleep(delayMs);
  }
  if (stream.thinkingMs) await sleep(stream.thinkingMs);
  await stream.beforeAnswer;
  for (const [index, piece] of pieces.entries()) {
    if (response.destroyed) return;
    if (stream.cutAfter !== undefined && index === stream.cutAfter) return void response.socket?.destroy();
    write(chunk(model, { content: piece }));
    if (delayMs) await sleep(delayMs);
  }
  write(chunk(model, {}, 'stop'));
  const reasoningTokens = reasoning.length;
  write({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1,
    model,
    choices: [],
    usage: {
      prompt_tokens: 21,
      completion_tokens: pieces.length + reasoningTokens,
      total_tokens: 21 + pieces.length + reasoningTokens,
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
    },
  });
  response.end('data: [DONE]\n\n');
}
