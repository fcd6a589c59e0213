import { describe, expect, it } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { exportOf } from '@/lib/export/export-source';

const DATE = new Date(2026, 11, 2, 9, 5);
const job: Job = {
  id: 'job-1',
  request: {
    surface: 'popup',
    feature: 'custom-action',
    provider: 'custom:router',
    model: 'meta/llama-3-70b',
    input: { actionId: 'reply', selection: 'Can we move the meeting to Friday?', pageUrl: 'https://mail.example/inbox' },
  },
  status: 'done',
  mode: 'byok',
  model: 'meta/llama-3-70b',
  text: 'Friday works for me.',
  startedAt: DATE.getTime(),
};
const labels = {
  provider: (id: string) => (id === 'custom:router' ? 'My Router' : undefined),
  action: (id: string) => (id === 'reply' ? 'Reply politely' : undefined),
};

describe('exporting what the user’s own actions and providers made', () => {
  it('titles the answer with the action’s name and names the custom provider, never its id', () => {
    const { markdown, fileName } = exportOf({ kind: 'answer', job }, 'en', DATE, labels);
    expect(fileName).toBe('grompt-action-2026-12-02.md');
    expect(markdown).toContain('# Reply politely');
    expect(markdown).toContain('Can we move the meeting to Friday?');
    expect(markdown).toContain('My Router · meta/llama-3-70b · BYOK');
    expect(markdown).not.toContain('custom:router');
  });

  it('falls back to "Your actions" for an action that is gone', () => {
    const { markdown } = exportOf({ kind: 'answer', job }, 'en', DATE, {});
    expect(markdown).toContain('# Your actions');
  });

  it('names a custom provider in a chat export', () => {
    const turns = [
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hello', provider: 'custom:router', model: 'm', mode: 'byok' as const },
    ];
    expect(exportOf({ kind: 'chat', turns }, 'en', DATE, labels).markdown).toContain('My Router · m · BYOK');
  });
});
