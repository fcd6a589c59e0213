/**
 * What an export holds, built from what the UI already has: the title, the date, and per
 * entry either what the user wrote or what the model answered with how it was made. Never
 * a key (the UI never has one) and never the prompt a feature builds around the input.
 */
import { isProviderId, PROVIDERS } from '../catalogue/providers';
import { CUSTOM_ACTION } from '../actions/run-input';
import { FEATURES } from '../features/registry';
import type { FieldSpec } from '../features/types';
import { type Language, translate } from '../i18n/translate';
import type { ChatTurn } from '../domain/chat';
import type { Job, JobKind, Mode } from '../domain/job';

/** Names the UI knows and a job does not carry: the user's own providers and actions. */
export interface ExportLabels {
  provider?(id: string): string | undefined;
  action?(id: string): string | undefined;
}

export type ExportEntry =
  | { kind: 'user'; heading: string; text: string; details: string[] }
  | { kind: 'answer'; heading: string; text: string; meta: string };

export interface ExportDocument {
  title: string;
  /** "Exported 2026-12-02 14:03", in the document's language. */
  dated: string;
  entries: ExportEntry[];
}

/** 2026-12-02, in local time: the day the user sees on their calendar. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dateTime(date: Date): string {
  return `${isoDay(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "OpenAI · gpt-4o-mini · BYOK", as under each answer in the UI. */
export function answerMeta(
  language: Language,
  made: { provider?: string; model?: string; mode?: Mode },
  labels: ExportLabels = {},
): string {
  const own = made.provider ? labels.provider?.(made.provider) : undefined;
  const provider = own ?? (isProviderId(made.provider) ? PROVIDERS[made.provider].label : (made.provider ?? '—'));
  const mode = made.mode ? translate(language, `mode.${made.mode}`) : '—';
  return translate(language, 'answer.meta', { provider, model: made.model ?? '—', mode });
}

/** A form value as the form showed it: option labels rather than their ids. */
function shown(field: FieldSpec, value: unknown, language: Language): string {
  const label = (option: unknown) => {
    const known = 'options' in field ? field.options.find((item) => item.value === option) : undefined;
    return known ? translate(language, known.label) : String(option);
  };
  if (field.kind === 'checkboxes') return Array.isArray(value) ? value.map(label).join(', ') : '';
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return field.kind === 'select' ? label(value) : String(value).trim();
}

/** What the user gave one of their own actions: its name as the title, the text as the input. */
function actionInput(job: Job, language: Language, labels: ExportLabels): { title: string; typed: string; details: string[] } {
  const { actionId, selection } = job.request.input;
  const name = typeof actionId === 'string' ? labels.action?.(actionId) : undefined;
  return { title: name ?? translate(language, 'actions.title'), typed: typeof selection === 'string' ? selection.trim() : '', details: [] };
}

function featureInput(job: Job, language: Language): { title: string; typed: string; details: string[] } {
  if (job.request.feature === CUSTOM_ACTION) return { title: '', typed: '', details: [] };
  const feature = FEATURES[job.request.feature];
  const { input } = job.request;
  const details = feature.fields
    .filter((field) => field.name !== feature.mainField)
    .flatMap((field) => {
      const value = shown(field, input[field.name], language);
      return value ? [`${translate(language, field.label)}: ${value}`] : [];
    });
  const main = input[feature.mainField];
  return { title: translate(language, feature.title), typed: typeof main === 'string' ? main.trim() : '', details };
}

/** One feature's (or action's) answer: the user's input and options, then the answer. */
export function answerDocument(job: Job, language: Language, date: Date, labels: ExportLabels = {}): ExportDocument {
  const { title, typed, details } =
    job.request.feature === CUSTOM_ACTION ? actionInput(job, language, labels) : featureInput(job, language);
  const entries: ExportEntry[] = [];
  if (typed || details.length) entries.push({ kind: 'user', heading: translate(language, 'export.input'), text: typed, details });
  entries.push({
    kind: 'answer',
    heading: translate(language, 'export.answer'),
    text: job.text,
    meta: answerMeta(language, { provider: job.request.provider, model: job.model ?? job.request.model, mode: job.mode }, labels),
  });
  return { title, dated: translate(language, 'export.dated', { date: dateTime(date) }), entries };
}

/** The whole chat, turn by turn. */
export function chatDocument(turns: readonly ChatTurn[], language: Language, date: Date, labels: ExportLabels = {}): ExportDocument {
  const entries = turns.map(
    (turn): ExportEntry =>
      turn.role === 'user'
        ? { kind: 'user', heading: translate(language, 'chat.you'), text: turn.content, details: [] }
        : { kind: 'answer', heading: translate(language, 'chat.assistant'), text: turn.content, meta: answerMeta(language, turn, labels) },
  );
  return {
    title: translate(language, 'feature.chat.title'),
    dated: translate(language, 'export.dated', { date: dateTime(date) }),
    entries,
  };
}

const FILE_SLUGS: Record<JobKind, string> = {
  'prompt-crafter': 'prompt',
  chat: 'chat',
  'code-generator': 'code',
  summarizer: 'summary',
  'image-prompt': 'image-prompt',
  [CUSTOM_ACTION]: 'action',
};

/** grompt-summary-2026-12-02.md */
export function exportFileName(feature: JobKind, date: Date): string {
  return `grompt-${FILE_SLUGS[feature]}-${isoDay(date)}.md`;
}
