import { describe, expect, it } from 'vitest';
import { startOpenAIFake } from '../fakes/openai-fake';
import type { StreamTiming } from '../fakes/stream-timing';
import { testKey } from './helpers';

/** The bench's clock starts at the fake's first byte: the fake must not add time of its own before the first text. */
describe('the bench hook of the fakes (timed, paced answers)', () => {
  it('sends the opening event and the first text in one write, then paces the rest', async () => {
    const key = testKey('sk-proj-');
    const timings: StreamTiming[] = [];
    const fake = await startOpenAIFake({ keys: [key], eventsPerSecond: 1000, onStreamTiming: (timing) => void timings.push(timing) });
    try {
      const response = await fetch(`${fake.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'long-20', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
      });
      const text = await response.text();
      const events = text.split('\n\n').filter(Boolean);
      expect(events[0]).toContain('"role":"assistant"');
      expect(events[1]).toContain('"content":"');
      const [timing] = timings;
      expect(timing?.firstTokenAt).toBe(timing?.firstByteAt);
      // Every event but the first two went in a write of its own.
      expect(timing?.writes).toBe(events.length - 1);
    } finally {
      await fake.close();
    }
  });
});
