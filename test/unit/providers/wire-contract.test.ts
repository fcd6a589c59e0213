import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '@/lib/catalogue/providers';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { FakeServer } from '../../fakes/http';
import { collect, lastPart, MESSAGES, textOf } from '../helpers';
import { CONTRACT_ROWS } from './contract-rows';

/**
 * The provider wire contract: for every provider, what goes over the wire for a streamed
 * answer (path, headers, where the key is, the whole body), and how a wrong key, a missing
 * model and each fault read — through the real SDK against a strict loopback fake.
 */
describe('every provider of the catalogue has a wire contract row', () => {
  it('has exactly one row per provider id', () => {
    expect(CONTRACT_ROWS.map((row) => row.id).sort()).toEqual([...PROVIDER_IDS].sort());
  });
});

describe.each(CONTRACT_ROWS)('$id wire contract', (row) => {
  let fake: FakeServer;
  const connection = (apiKey = row.key) => ({ baseUrl: row.baseUrl(fake), ...(apiKey ? { apiKey } : {}) });
  const call = (model: string, apiKey = row.key, signal = new AbortController().signal) =>
    collect(ADAPTERS[row.id].stream(connection(apiKey), { model, messages: MESSAGES, maxTokens: 64, signal }));
  const lastPost = () => fake.requests.filter((request) => request.method === 'POST').at(-1);

  beforeAll(async () => {
    fake = await row.start(row.key);
  });
  afterAll(() => fake.close());

  it('streams an answer: the text in order, then one finish', async () => {
    const parts = await call(row.model);
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(lastPart(parts)).toMatchObject({ type: 'finish', reason: 'stop' });
  });

  it('puts on the wire the path, the key where the API reads it, and exactly the body fields it expects', async () => {
    await call(row.model);
    const request = lastPost();
    expect(request?.path).toBe(row.path);
    expect(row.keyOnWire(request ?? ({ headers: {} } as never))).toBe(row.key);
    if (!row.key) expect(request?.headers.authorization).toBeUndefined();
    for (const [name, value] of Object.entries(row.headers ?? {})) expect(request?.headers[name]).toMatch(value);
    if (row.key) {
      expect(request?.url).not.toContain(row.key);
      expect(request?.body).not.toContain(row.key);
    }
    expect(JSON.parse(request?.body ?? '{}')).toEqual(row.body(row.model));
  });

  it.runIf(row.auth)('reports a wrong key as the kind the user can act on', async () => {
    const wrong = `${row.key?.slice(0, 8)}wrongwrongwrongwrongwrong0000`;
    expect(lastPart(await call(row.model, wrong))).toMatchObject({ type: 'error', error: { ...row.auth, provider: row.id } });
  });

  it('reports a model the provider does not have as model-not-found, in the provider’s own words', async () => {
    const last = lastPart(await call('fault-404'));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'model-not-found', status: row.notFound.status } });
  });

  it.each(row.faults)('maps %s to %s (%i)', async (model, kind, status) => {
    const last = lastPart(await call(model));
    expect(last).toMatchObject({ type: 'error', error: { kind, status } });
    if (last?.type === 'error' && model === 'fault-429' && row.id !== 'gemini') expect(last.error.retryAfterSeconds).toBe(30);
    if (last?.type === 'error' && model === 'fault-html') expect(last.error.detail ?? '').not.toMatch(/<|script|alert/);
  });

  it('closes the connection when cancelled', async () => {
    const controller = new AbortController();
    const closed = fake.waitForClose();
    let count = 0;
    for await (const _part of ADAPTERS[row.id].stream(connection(), {
      model: 'slow',
      messages: MESSAGES,
      maxTokens: 8,
      signal: controller.signal,
    })) {
      if (++count === 3) controller.abort();
    }
    expect((await closed).closedEarly).toBe(true);
  });

  it('lists the chat models the provider has', async () => {
    expect(await ADAPTERS[row.id].listModels(connection(), new AbortController().signal)).toEqual(row.listed);
  });
});
