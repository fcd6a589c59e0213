import { describe, expect, it } from 'vitest';
import { answerDocument, chatDocument, exportFileName } from '@/lib/export/document';
import { exportOf } from '@/lib/export/export-source';
import { toMarkdown } from '@/lib/export/markdown-document';
import { toPlainText } from '@/lib/export/plain-document';
import { FEATURES } from '@/lib/features/registry';
import type { ChatTurn } from '@/lib/domain/chat';
import type { Job } from '@/lib/domain/job';

const DATE = new Date(2026, 11, 2, 9, 5);

/** A document's parts, as the export separates them. */
const lines = (...parts: string[]) => `${parts.join('\n\n')}\n`;
const ANSWER = '## Context\n\nTidal power is **predictable**. See [the report][r].\n\n[r]: https://example.com/report';

function summaryJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    request: {
      surface: 'popup',
      feature: 'summarizer',
      provider: 'openai',
      model: 'gpt-test',
      input: { text: 'Tidal turbines in three harbours.', tone: 'technical', words: 150 },
    },
    status: 'done',
    mode: 'byok',
    model: 'gpt-test-2026',
    text: ANSWER,
    startedAt: DATE.getTime(),
    ...overrides,
  };
}

/** The prompt a feature wraps around the input: an export must never contain any of it. */
function scaffolding(job: Job): string[] {
  if (job.request.feature === 'custom-action') return [];
  const feature = FEATURES[job.request.feature];
  const input = feature.schema.parse(job.request.input);
  return feature.buildMessages(input, { language: 'en' }).flatMap((message) => (message.role === 'system' ? [message.content] : []));
}

describe('answer export', () => {
  it('has the feature as title, the date, the input and options, and the answer with provider, model and mode', () => {
    const markdown = toMarkdown(answerDocument(summaryJob(), 'en', DATE));
    expect(markdown).toBe(
      lines(
        '# Summarizer',
        'Exported 2026-12-02 09:05',
        '## Your input',
        'Tidal turbines in three harbours.',
        '- Tone: Technical\n- Length (words): 150',
        '## Answer',
        '*OpenAI · gpt-test-2026 · BYOK*',
        ANSWER,
      ),
    );
  });

  it('as plain text: the same parts, the answer rendered to text', () => {
    const text = toPlainText(answerDocument(summaryJob(), 'en', DATE));
    expect(text).toBe(
      lines(
        'Summarizer\nExported 2026-12-02 09:05',
        'Your input\nTidal turbines in three harbours.\nTone: Technical\nLength (words): 150',
        'Answer\nOpenAI · gpt-test-2026 · BYOK\n\nContext\n\nTidal power is predictable. See the report (https://example.com/report).',
      ),
    );
    expect(text).not.toMatch(/\*\*|##/);
  });

  it('never holds the hidden prompt, in either form', () => {
    const job = summaryJob();
    const [system = ''] = scaffolding(job);
    expect(system.length).toBeGreaterThan(50);
    for (const exported of [toMarkdown(answerDocument(job, 'en', DATE)), toPlainText(answerDocument(job, 'en', DATE))]) {
      expect(exported).not.toContain(system.slice(0, 40));
      expect(exported).not.toContain('<material>');
    }
  });

  it('follows the language, and names each mode as the badge does', () => {
    const markdown = toMarkdown(answerDocument(summaryJob({ mode: 'demo' }), 'pt-BR', DATE));
    expect(markdown).toContain('# Resumidor');
    expect(markdown).toContain('Exportado em 2026-12-02 09:05');
    expect(markdown).toContain('*OpenAI · gpt-test-2026 · Demo*');
    for (const [mode, name] of [
      ['local', 'Local'],
      ['server', 'Server'],
      ['byok', 'BYOK'],
    ] as const)
      expect(toMarkdown(answerDocument(summaryJob({ mode }), 'en', DATE))).toContain(`· ${name}*`);
  });

  it('leaves out an empty input (a regenerated chat answer) and falls back to the requested model', () => {
    const job = summaryJob({ model: undefined });
    const chat: Job = { ...job, request: { ...job.request, feature: 'chat', input: { message: '', action: 'regenerate' } } };
    const markdown = toMarkdown(answerDocument(chat, 'en', DATE));
    expect(markdown.startsWith('# Chat\n\nExported 2026-12-02 09:05\n\n## Answer\n\n*OpenAI · gpt-test · BYOK*')).toBe(true);
  });
});

describe('chat export', () => {
  const turns: ChatTurn[] = [
    { role: 'user', content: 'How predictable is *tidal* energy?' },
    { role: 'assistant', content: 'Very: tides follow the **moon**.', provider: 'claude', model: 'claude-test', mode: 'byok' },
    { role: 'user', content: 'And wind?' },
    { role: 'assistant', content: 'Less so.', provider: 'openai', model: 'gpt-demo', mode: 'demo' },
  ];

  it('has every turn in order, each answer with how it was made', () => {
    expect(toMarkdown(chatDocument(turns, 'en', DATE))).toBe(
      lines(
        '# Chat',
        'Exported 2026-12-02 09:05',
        '## You',
        'How predictable is *tidal* energy?',
        '## Grompt',
        '*Anthropic Claude · claude-test · BYOK*',
        'Very: tides follow the **moon**.',
        '## You',
        'And wind?',
        '## Grompt',
        '*OpenAI · gpt-demo · Demo*',
        'Less so.',
      ),
    );
  });

  it('as plain text keeps what the user typed exactly and renders the answers', () => {
    const text = toPlainText(chatDocument(turns, 'en', DATE));
    expect(text).toContain('You\nHow predictable is *tidal* energy?');
    expect(text).toContain('Grompt\nAnthropic Claude · claude-test · BYOK\n\nVery: tides follow the moon.');
  });
});

describe('exportFileName', () => {
  it('names the file after the feature and the local date', () => {
    expect(exportFileName('summarizer', DATE)).toBe('grompt-summary-2026-12-02.md');
    expect(exportFileName('chat', new Date(2027, 0, 9, 23, 59))).toBe('grompt-chat-2027-01-09.md');
    expect(exportFileName('code-generator', DATE)).toBe('grompt-code-2026-12-02.md');
  });
});

describe('exportOf', () => {
  it('gives the file name and both forms of one document', () => {
    const formats = exportOf({ kind: 'answer', job: summaryJob() }, 'en', DATE);
    expect(formats.fileName).toBe('grompt-summary-2026-12-02.md');
    expect(formats.markdown).toBe(toMarkdown(answerDocument(summaryJob(), 'en', DATE)));
    expect(formats.plainText).toBe(toPlainText(answerDocument(summaryJob(), 'en', DATE)));
    expect(exportOf({ kind: 'chat', turns: [] }, 'en', DATE).fileName).toBe('grompt-chat-2026-12-02.md');
  });
});
