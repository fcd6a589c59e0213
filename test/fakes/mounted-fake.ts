import { type FakeServer, sendJson, startFake } from './http';

/** Headers a client sends that the fake behind must see; hop-by-hop ones stay out. */
const FORWARDED = ['authorization', 'content-type', 'accept', 'origin', 'x-api-key', 'user-agent'];

/**
 * An OpenAI-compatible endpoint mounted at another path prefix (OpenRouter serves
 * `/api/v1/chat/completions`, LM Studio `/v1/…`, a gateway anything), optionally over HTTPS: every
 * request under `prefix` goes to the OpenAI fake at `/v1/…`, and its answer (streamed SSE, error
 * bodies, status codes) comes back untouched. Requests elsewhere get OpenAI's 404 body, so a
 * client that drops the prefix fails loudly. Records what went over the wire, like every fake.
 */
export function mountOpenAIFake(
  backend: FakeServer,
  options: { prefix: string; tls?: { key: string; cert: string }; host?: string },
): Promise<FakeServer> {
  const prefix = options.prefix.replace(/\/+$/, '');
  return startFake(
    async (request, response) => {
      if (!request.path.startsWith(`${prefix}/`)) {
        return sendJson(response, 404, {
          error: { message: `Invalid URL (${request.method} ${request.path})`, type: 'invalid_request_error' },
        });
      }
      const target = `${backend.url}/v1${request.url.slice(prefix.length)}`;
      const headers = Object.fromEntries(FORWARDED.flatMap((name) => (request.headers[name] ? [[name, request.headers[name]]] : [])));
      const upstream = new AbortController();
      // The client went away (Stop): the fake behind sees its connection close too.
      response.once('close', () => upstream.abort());
      const answer = await fetch(target, {
        method: request.method,
        headers,
        ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body }),
        signal: upstream.signal,
      }).catch(() => undefined);
      if (!answer) return void response.destroy();
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      try {
        for await (const chunk of answer.body ?? []) response.write(chunk);
        response.end();
      } catch {
        response.destroy();
      }
    },
    options.host,
    options.tls,
  );
}
