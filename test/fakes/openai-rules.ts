/**
 * What each OpenAI-style API refuses in a chat completion request, with the status and the
 * body it answers. Facts from /work/shared/spec/providers.md ("Today's models"), OpenAI's
 * Chat Completions reference (platform.openai.com/docs/api-reference/chat/create) and
 * DeepSeek's reasoning-model guide (api-docs.deepseek.com/guides/reasoning_model).
 */
export type OpenAIStyleApi = 'openai' | 'deepseek' | 'ollama';

export interface Rejection {
  status: number;
  body: unknown;
}

const openAIError = (message: string, type: string, param: string | null, code: string | null): Rejection['body'] => ({
  error: { message, type, param, code },
});

/** OpenAI's reasoning families: the o-series and GPT-5 onwards (not their "-chat" variants). */
export function isOpenAIReasoningModel(model: string): boolean {
  return /^(o\d+(-|$)|gpt-([5-9]|\d\d))/.test(model) && !/-chat(-latest)?$/.test(model);
}

/** Every top-level field OpenAI's Chat Completions API knows; anything else is refused. */
const OPENAI_FIELDS = new Set([
  'model',
  'messages',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]);

const SAMPLING = ['temperature', 'top_p'] as const;

function openAIRejection(body: Record<string, unknown>, model: string): Rejection | undefined {
  const unknown = Object.keys(body).find((field) => !OPENAI_FIELDS.has(field));
  if (unknown) {
    return { status: 400, body: openAIError(`Unrecognized request argument supplied: ${unknown}`, 'invalid_request_error', null, null) };
  }
  if (!isOpenAIReasoningModel(model)) return undefined;
  if (body.max_tokens !== undefined) {
    return {
      status: 400,
      body: openAIError(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'invalid_request_error',
        'max_tokens',
        'unsupported_parameter',
      ),
    };
  }
  for (const name of SAMPLING) {
    const value = body[name];
    if (value !== undefined && value !== 1) {
      return {
        status: 400,
        body: openAIError(
          `Unsupported value: '${name}' does not support ${String(value)} with this model. Only the default (1) value is supported.`,
          'invalid_request_error',
          name,
          'unsupported_value',
        ),
      };
    }
  }
  return undefined;
}

function deepSeekRejection(body: Record<string, unknown>): Rejection | undefined {
  const messages = Array.isArray(body.messages) ? (body.messages as Record<string, unknown>[]) : [];
  // The reasoning of an earlier turn must not be sent back.
  if (messages.some((message) => 'reasoning_content' in message)) {
    return { status: 400, body: openAIError('reasoning_content is not allowed in input messages', 'invalid_request_error', null, null) };
  }
  if (body.logprobs !== undefined || body.top_logprobs !== undefined) {
    return { status: 400, body: openAIError('logprobs is not supported in thinking mode', 'invalid_request_error', null, null) };
  }
  return undefined;
}

/** The 400 the API answers to this body, or undefined when it accepts it. */
export function rejectionFor(api: OpenAIStyleApi, body: Record<string, unknown>): Rejection | undefined {
  if (typeof body.model !== 'string' || !Array.isArray(body.messages)) {
    return { status: 400, body: openAIError("Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', null) };
  }
  if (api === 'openai') return openAIRejection(body, body.model);
  if (api === 'deepseek') return deepSeekRejection(body);
  // Ollama decodes what it knows and ignores the rest (Go's encoding/json).
  return undefined;
}

/** How each API says "no such model". DeepSeek answers 400 "Model Not Exist"; Ollama's /v1 a 404 of its own. */
export function modelNotFound(api: OpenAIStyleApi, model: string): Rejection {
  if (api === 'deepseek') {
    return { status: 400, body: openAIError('Model Not Exist', 'invalid_request_error', null, 'invalid_request_error') };
  }
  if (api === 'ollama') {
    return { status: 404, body: openAIError(`model "${model}" not found, try pulling it first`, 'not_found_error', null, null) };
  }
  return {
    status: 404,
    body: openAIError(
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      null,
      'model_not_found',
    ),
  };
}
