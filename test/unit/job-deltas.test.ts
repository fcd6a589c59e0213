import { describe, expect, it } from 'vitest';
import { withReasoningDelta, withTextDelta } from '@/components/hooks/job-deltas';
import type { Job } from '@/lib/domain/job';
import { exportOf } from '@/lib/export/export-source';

const job: Job = {
  id: 'j',
  request: { surface: 'popup', feature: 'summarizer', input: {}, provider: 'deepseek' },
  status: 'running',
  text: '',
  startedAt: 1_000,
};

describe('a page’s mirror of a reasoning job', () => {
  it('grows the reasoning on its own, timed from its first delta; the first word of the answer ends it', () => {
    const thinking = withReasoningDelta(withReasoningDelta(job, 'Weigh ', 2_000), 'it.', 3_000);
    expect(thinking).toMatchObject({ reasoning: 'Weigh it.', reasoningStartedAt: 2_000, text: '' });
    expect(thinking.reasoningEndedAt).toBeUndefined();
    const answering = withTextDelta(withTextDelta(thinking, 'Ans', 9_000), 'wer', 9_500);
    expect(answering).toMatchObject({ text: 'Answer', reasoning: 'Weigh it.', reasoningEndedAt: 9_000 });
  });

  it('leaves an answer without reasoning without reasoning fields', () => {
    expect(withTextDelta(job, 'Hi', 5_000)).toEqual({ ...job, text: 'Hi' });
  });
});

describe('what leaves with the answer', () => {
  it('exports (Markdown and plain text) the answer without the reasoning', () => {
    const done: Job = {
      ...job,
      request: { ...job.request, input: { text: 'Tides.' } },
      status: 'done',
      text: 'Tides follow the Moon.',
      reasoning: 'SECRET-THOUGHT: keep it short.',
    };
    const { markdown, plainText } = exportOf({ kind: 'answer', job: done }, 'en', new Date(2026, 11, 2));
    for (const text of [markdown, plainText]) {
      expect(text).toContain('Tides follow the Moon.');
      expect(text).not.toContain('SECRET-THOUGHT');
    }
  });
});
