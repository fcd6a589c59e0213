import type { ProviderId } from '@/lib/catalogue/providers';
import type { ErrorKind } from '@/lib/errors/kinds';
import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import type { FakeServer, RecordedRequest } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';

/** What a provider call must put on the wire, and how its refusals must read. One row per provider. */
export interface ContractRow {
  id: ProviderId;
  /** A key in the provider's shape; none for providers that take none. */
  key?: string;
  start(key: string | undefined): Promise<FakeServer>;
  baseUrl(fake: FakeServer): string;
  /** A current model of the provider (see lib/catalogue/providers.ts). */
  model: string;
  path: string;
  /** The key as the API reads it from the request; undefined means the request must carry none. */
  keyOnWire(request: RecordedRequest): string | undefined;
  /** Headers besides the key that the API requires. */
  headers?: Record<string, string | RegExp>;
  /** The whole JSON body for MESSAGES with an answer budget of 64 tokens. */
  body(model: string): unknown;
  /** A wrong key: what the user is told. */
  auth?: { kind: ErrorKind; status: number };
  /** The provider's own way of saying "no such model" (DeepSeek says it with a 400). */
  notFound: { status: number };
  /** Faults the fake can produce, and the kind each must become. */
  faults: [model: string, kind: ErrorKind, status: number][];
  /** What listModels returns from the fake's list (chat models only). */
  listed: string[];
}

const bearer = (request: RecordedRequest) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
const STREAMED = { stream: true, stream_options: { include_usage: true } };
const SENT_MESSAGES = [
  { role: 'system', content: 'You are a test.' },
  { role: 'user', content: 'Say the words.' },
];
/** The answer budget of the calls below (64) plus the thinking room of reasoning models. */
const REASONING_LIMIT = 64 + 16_000;
const COMMON_FAULTS: ContractRow['faults'] = [
  ['fault-429', 'rate-limit', 429],
  ['fault-500', 'server', 500],
  ['fault-403', 'permission', 403],
  ['fault-html', 'server', 502],
];

function openAIRow(id: 'openai' | 'chatgpt', model: string): ContractRow {
  const key = testKey('sk-proj-');
  return {
    id,
    key,
    start: (accepted) => startOpenAIFake({ keys: accepted ? [accepted] : [] }),
    baseUrl: (fake) => `${fake.url}/v1`,
    model,
    path: '/v1/chat/completions',
    keyOnWire: bearer,
    body: (sent) => ({ model: sent, messages: SENT_MESSAGES, max_completion_tokens: REASONING_LIMIT, ...STREAMED }),
    auth: { kind: 'auth', status: 401 },
    notFound: { status: 404 },
    faults: [...COMMON_FAULTS, ['fault-quota', 'quota', 429], ['fault-400', 'bad-request', 400]],
    listed: ['gpt-4o-mini', 'gpt-5.6-luna', 'gpt-5.6-sol', 'gpt-5.6-terra'],
  };
}

export const CONTRACT_ROWS: ContractRow[] = [
  openAIRow('openai', 'gpt-5.6-luna'),
  openAIRow('chatgpt', 'gpt-5.6-terra'),
  {
    id: 'deepseek',
    key: testKey('sk-'),
    start: (key) => startOpenAIFake({ api: 'deepseek', keys: key ? [key] : [] }),
    // DeepSeek's base URL has no /v1: its SDK path is /chat/completions at the root.
    baseUrl: (fake) => fake.url,
    model: 'deepseek-v4-flash',
    path: '/chat/completions',
    keyOnWire: bearer,
    body: (sent) => ({ model: sent, messages: SENT_MESSAGES, max_tokens: REASONING_LIMIT, ...STREAMED }),
    auth: { kind: 'auth', status: 401 },
    notFound: { status: 400 },
    faults: [...COMMON_FAULTS, ['fault-quota', 'quota', 429]],
    listed: ['deepseek-v4-flash', 'deepseek-v4-pro'],
  },
  {
    id: 'ollama',
    start: () => startOpenAIFake({ api: 'ollama', ollamaTags: ['llama3.2:latest', 'qwen3:8b'] }),
    baseUrl: (fake) => fake.url,
    model: 'llama3.2',
    path: '/v1/chat/completions',
    keyOnWire: bearer,
    body: (sent) => ({ model: sent, messages: SENT_MESSAGES, max_tokens: 64, ...STREAMED }),
    notFound: { status: 404 },
    faults: [
      ['fault-429', 'rate-limit', 429],
      ['fault-500', 'server', 500],
    ],
    listed: ['llama3.2:latest', 'qwen3:8b'],
  },
  {
    id: 'claude',
    key: testKey('sk-ant-api03-'),
    start: (key) => startAnthropicFake({ keys: key ? [key] : [] }),
    // No /v1 in Anthropic's base URL: the SDK adds it.
    baseUrl: (fake) => fake.url,
    model: 'claude-sonnet-5',
    path: '/v1/messages',
    // SDK 1.x sends the key as a Bearer token; the API also reads x-api-key. Assert what is sent.
    keyOnWire: bearer,
    headers: { 'anthropic-version': /^\d{4}-\d{2}-\d{2}$/, 'anthropic-dangerous-direct-browser-access': 'true' },
    body: (sent) => ({
      model: sent,
      max_tokens: REASONING_LIMIT,
      system: 'You are a test.',
      messages: [{ role: 'user', content: 'Say the words.' }],
      stream: true,
    }),
    auth: { kind: 'auth', status: 401 },
    notFound: { status: 404 },
    faults: [...COMMON_FAULTS, ['fault-529', 'overloaded', 529]],
    listed: ['claude-sonnet-4-5'],
  },
  {
    id: 'gemini',
    key: `AIza${testKey('').slice(0, 35)}`,
    start: (key) => startGeminiFake({ keys: key ? [key] : [] }),
    baseUrl: (fake) => fake.url,
    model: 'gemini-3.5-flash',
    path: '/v1beta/models/gemini-3.5-flash:streamGenerateContent',
    keyOnWire: (request) => request.headers['x-goog-api-key'],
    body: () => ({
      generationConfig: { maxOutputTokens: REASONING_LIMIT },
      safetySettings: [],
      systemInstruction: { role: 'system', parts: [{ text: 'You are a test.' }] },
      contents: [{ role: 'user', parts: [{ text: 'Say the words.' }] }],
    }),
    // Gemini answers a wrong key with 400 INVALID_ARGUMENT, not 401.
    auth: { kind: 'auth', status: 400 },
    notFound: { status: 404 },
    faults: COMMON_FAULTS,
    listed: ['gemini-2.5-flash'],
  },
];
