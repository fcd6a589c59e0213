import { browser } from 'wxt/browser';
import type { GromptError } from '../errors/kinds';
import { type Reply, type RequestOf, type RequestType, type ResponseOf, replySchema, requests } from './protocol';

function clientError(message: string): GromptError {
  return { kind: 'internal', message, retryable: true };
}

/**
 * Sends a typed request to the background and validates the answer. Never throws:
 * failures come back as a plain error object the UI can show.
 */
export async function request<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  const checked = requests[type].request.safeParse(payload);
  if (!checked.success) return { ok: false, error: { ...clientError(checked.error.message), kind: 'invalid-input', retryable: false } };
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, payload: checked.data });
  } catch (error) {
    return { ok: false, error: clientError(error instanceof Error ? error.message : String(error)) };
  }
  const reply = replySchema.safeParse(raw);
  if (!reply.success) return { ok: false, error: clientError('The background sent an unreadable reply.') };
  if (!reply.data.ok) return reply.data;
  const value = requests[type].response.safeParse(reply.data.value);
  if (!value.success) return { ok: false, error: clientError('The background sent an unexpected reply.') };
  return { ok: true, value: value.data as ResponseOf<T> };
}
