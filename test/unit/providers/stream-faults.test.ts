import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { FakeServer } from '../../fakes/http';
import { collect, lastPart, MESSAGES, textOf } from '../helpers';
import { CONTRACT_ROWS } from './contract-rows';

/** What goes wrong in the middle of a stream, per provider: the text so far is kept, the end is named. */
const MID_STREAM: { id: string; model: string; text: string; kind: string }[] = [
  { id: 'openai', model: 'fault-cut', text: 'Partial w1 w2', kind: 'incomplete' },
  { id: 'openai', model: 'fault-malformed', text: 'Partial', kind: 'bad-response' },
  { id: 'deepseek', model: 'fault-cut', text: 'Partial w1 w2', kind: 'incomplete' },
  { id: 'claude', model: 'fault-cut', text: 'Partial w1', kind: 'incomplete' },
  // Anthropic's `event: error` mid-stream (overloaded while streaming).
  { id: 'claude', model: 'fault-blocked', text: 'Partial w1', kind: 'overloaded' },
  { id: 'gemini', model: 'fault-cut', text: 'Partial w1 w2', kind: 'incomplete' },
  // Gemini's safety filter: a 200 with finishReason SAFETY and no text.
  { id: 'gemini', model: 'fault-blocked', text: '', kind: 'blocked' },
];

describe.each(CONTRACT_ROWS.filter((row) => MID_STREAM.some((entry) => entry.id === row.id)))('$id mid-stream faults', (row) => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await row.start(row.key);
  });
  afterAll(() => fake.close());

  it.each(MID_STREAM.filter((entry) => entry.id === row.id))('$model keeps "$text" and ends as $kind', async ({ model, text, kind }) => {
    const parts = await collect(
      ADAPTERS[row.id].stream(
        { baseUrl: row.baseUrl(fake), ...(row.key ? { apiKey: row.key } : {}) },
        { model, messages: MESSAGES, maxTokens: 64, signal: new AbortController().signal },
      ),
    );
    expect(textOf(parts)).toBe(text);
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind } });
  });
});
