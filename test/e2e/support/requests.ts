import type { FakeServer } from '../../fakes/http';

/**
 * The body of the last chat request a fake received. Pages also ask a fake for its model list
 * (a GET with no body) when a provider with a key is shown, at a moment of their own: "the last
 * request" is not always the chat.
 */
export function lastChatBody(requests: FakeServer['requests']): string | undefined {
  return requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1)?.body;
}
