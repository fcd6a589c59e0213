import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as a fake server saw it: what went over the wire, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The client closed the connection before the answer was complete (cancel, abort). */
  closedEarly: boolean;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface FakeServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Resolves when a request whose connection closed early has been seen. */
  waitForClose(timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

function headersOf(raw: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return headers;
}

/** A loopback HTTP server on a free port that records every request (HTTPS when given a certificate). */
export async function startFake(handler: Handler, host = '127.0.0.1', tls?: { key: string; cert: string }): Promise<FakeServer> {
  // An IPv6 address is written in brackets in a URL (http://[::1]:11434).
  const authority = host.includes(':') ? `[${host}]` : host;
  const requests: RecordedRequest[] = [];
  const closeWaiters: ((request: RecordedRequest) => void)[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const listener = async (raw: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const url = new URL(raw.url ?? '/', `http://${authority}`);
    const recorded: RecordedRequest = {
      method: raw.method ?? 'GET',
      path: url.pathname,
      url: raw.url ?? '/',
      headers: headersOf(raw),
      body: Buffer.concat(chunks).toString('utf8'),
      closedEarly: false,
    };
    requests.push(recorded);
    response.on('close', () => {
      if (response.writableFinished) return;
      recorded.closedEarly = true;
      for (const waiter of closeWaiters.splice(0)) waiter(recorded);
    });
    try {
      await handler(recorded, response, raw);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fake crashed: ${String(error)}`);
    }
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://${authority}:${port}`,
    port,
    requests,
    waitForClose: (timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const early = requests.find((request) => request.closedEarly);
        if (early) return resolve(early);
        const timer = setTimeout(() => reject(new Error('no connection closed early')), timeoutMs);
        closeWaiters.push((request) => {
          clearTimeout(timer);
          resolve(request);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function sendText(response: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}

/** What a real proxy in front of an API sends when the API is down. */
export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><script>alert(1)</script></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** How real providers echo a rejected key: a few characters, stars, the last four. */
export function maskedEcho(key: string): string {
  return `${key.slice(0, 6)}${'*'.repeat(12)}${key.slice(-4)}`;
}

/** The words of the answer a fake streams: deterministic, derived from the request. */
export function answerWords(count: number, seed = 'answer'): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? `${seed[0]?.toUpperCase()}${seed.slice(1)}` : `w${index}`));
}

/** Per-request behaviour, chosen by the model name the client asked for (e.g. "fault-429"). */
export type Scenario =
  | 'ok'
  | 'fault-400'
  | 'fault-403'
  | 'fault-404'
  | 'fault-429'
  | 'fault-quota'
  | 'fault-500'
  | 'fault-529'
  | 'fault-html'
  | 'fault-malformed'
  | 'fault-cut'
  | 'fault-hang'
  | 'fault-blocked'
  | 'slow';

export function scenarioOf(model: string | undefined): { scenario: Scenario; tokens: number; delayMs: number } {
  const long = /^long-(\d+)$/.exec(model ?? '');
  if (long) return { scenario: 'ok', tokens: Number(long[1]), delayMs: 0 };
  if (model === 'slow') return { scenario: 'slow', tokens: 200, delayMs: 50 };
  if (model?.startsWith('fault-')) return { scenario: model as Scenario, tokens: 8, delayMs: 0 };
  return { scenario: 'ok', tokens: 8, delayMs: 0 };
}
