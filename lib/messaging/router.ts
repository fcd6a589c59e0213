import { browser } from 'wxt/browser';
import { type GromptError, gromptErrorSchema } from '../errors/kinds';
import { log } from '../log/logger';
import { envelopeSchema, type Reply, type RequestOf, type RequestType, type ResponseOf, requests } from './protocol';
import { isTrustedSender } from './sender';

export type RequestHandlers = {
  [T in RequestType]: (payload: RequestOf<T>) => Promise<ResponseOf<T>>;
};

/** Thrown by handlers for an error the user should see as is. */
export class UserFacingError extends Error {
  constructor(readonly error: GromptError) {
    super(error.message);
  }
}

function refuse(kind: GromptError['kind'], message: string): Reply<never> {
  return { ok: false, error: { kind, message, retryable: false } };
}

export async function dispatch(raw: unknown, handlers: RequestHandlers): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return refuse('invalid-input', 'Unknown request.');
  const type = envelope.data.type;
  const payload = requests[type].request.safeParse(envelope.data.payload);
  if (!payload.success) return refuse('invalid-input', `Invalid ${type} request.`);
  try {
    // The handler map is keyed by the same type, so the payload matches its handler.
    const handler = handlers[type] as (payload: unknown) => Promise<unknown>;
    const value = await handler(payload.data);
    return { ok: true, value: requests[type].response.parse(value) };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: gromptErrorSchema.parse(error.error) };
    log.error('request failed', { type, error });
    return refuse('internal', 'Something went wrong inside the extension. Please try again.');
  }
}

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : 'none';
  } catch {
    return 'unparseable';
  }
}

/** Answers one-shot requests from our own pages only; everything else is dropped. */
export function listenForRequests(handlers: RequestHandlers): void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isTrustedSender(sender, browser.runtime.id, origin)) {
      log.warn('message from an untrusted sender refused', { origin: originOf(sender.url) });
      sendResponse(refuse('permission', 'Only Grompt’s own pages may send requests.'));
      return false;
    }
    dispatch(message, handlers).then(sendResponse);
    return true;
  });
}
