import { type FakeServer, maskedEcho, sendJson, sendText, sleep, startFake } from './http';

export interface GromptFakeOptions {
  /** '/api/v1' (builds since late 2025), '/api' (v1.0.9), or 'none': every route 404s (the broken builds). */
  prefix: '/api/v1' | '/api' | 'none';
  /** Providers the server has its own key for. */
  serverKeys?: string[];
  /** BYOK keys the upstream provider accepts. */
  validKeys?: string[];
  /** Pre-BYOK servers ignore key headers and omit `mode`. */
  preByok?: boolean;
  /** Answer POST /unified with a 307 to this origin (a hostile or misconfigured server). */
  redirectTo?: string;
  /**
   * Send the answer (status line and headers included) only this long after the request: the
   * server answers when its whole reply is ready, and a slow upstream can take tens of seconds.
   */
  headersDelayMs?: number;
}

const PROVIDERS = ['openai', 'claude', 'gemini', 'deepseek', 'chatgpt', 'ollama'];
const DEFAULT_MODELS: Record<string, string> = {
  openai: 'gpt-4o-mini',
  claude: 'claude-3-5-sonnet-20241022',
  gemini: 'gemini-2.0-flash-exp',
  deepseek: 'deepseek-chat',
  chatgpt: 'gpt-4o-mini',
  ollama: 'llama3.2',
};

/** The Grompt server's unified endpoint, faithful to its handler code: plain-text errors, mode resolution. */
export async function startGromptFake(options: GromptFakeOptions): Promise<FakeServer> {
  return startFake(async (request, response) => {
    const prefix = options.prefix;
    if (prefix !== 'none' && request.method === 'GET' && request.path === `${prefix}/health`) {
      return sendJson(response, 200, {
        status: 'ok',
        timestamp: new Date().toISOString(),
        version: options.preByok ? '1.0.9' : '1.1.0',
        apis: {},
        features: { unified_api: true },
      });
    }
    if (prefix === 'none' || request.path !== `${prefix}/unified`) return sendText(response, 404, '404 page not found\n');
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed\n');
    if (options.redirectTo) {
      response.writeHead(307, { location: `${options.redirectTo}${request.path}` });
      return void response.end();
    }
    let body: { provider?: string; prompt?: string; model?: string; max_tokens?: number };
    try {
      body = JSON.parse(request.body);
    } catch {
      return sendText(response, 400, 'Invalid JSON\n');
    }
    const provider = body.provider;
    if (options.headersDelayMs) await sleep(options.headersDelayMs);
    if (response.destroyed) return;
    if (!provider) return sendText(response, 400, 'Provider not specified\n');
    if (!PROVIDERS.includes(provider)) return sendText(response, 400, `Unsupported provider: ${provider}\n`);
    if (body.model === 'fault-hang') return;
    if (body.model === 'fault-500') return sendText(response, 500, `Error in ${provider} API: upstream returned 503 Service Unavailable\n`);
    const model = body.model || DEFAULT_MODELS[provider];
    const headerKey = request.headers['x-api-key'] ?? request.headers[`x-${provider}-key`];
    const answer = (mode: string) =>
      sendJson(response, 200, {
        response: `Answer from ${provider} (${mode}) to a ${body.prompt?.length ?? 0}-character prompt.`,
        provider,
        model,
        ...(options.preByok ? {} : { mode }),
      });
    if (options.preByok) {
      return options.serverKeys?.includes(provider)
        ? answer('server')
        : sendText(response, 500, `Error in ${provider} API: API key not configured\n`);
    }
    if (headerKey) {
      if (options.validKeys?.includes(headerKey)) return answer('byok');
      return sendText(
        response,
        500,
        `Error in ${provider} API: status 401: {"error":{"message":"Incorrect API key provided: ${maskedEcho(headerKey)}","type":"invalid_request_error","code":"invalid_api_key"}}\n`,
      );
    }
    if (options.serverKeys?.includes(provider)) return answer('server');
    if (provider === 'ollama')
      return sendText(response, 500, 'Error in ollama API: dial tcp 127.0.0.1:11434: connect: connection refused\n');
    return sendJson(response, 200, {
      response: `🎭 Demo mode: configure an API key to get real answers. Your prompt was: ${(body.prompt ?? '').slice(0, 80)}`,
      provider,
      model,
      mode: 'demo',
    });
  });
}
