/**
 * The one entry point of lib/export for the pages, which load it only when the export menu
 * is opened (it is not needed to show an answer, and the popup's first load stays small).
 */
import type { ChatTurn } from '../domain/chat';
import type { Job } from '../domain/job';
import type { Language } from '../i18n/translate';
import { answerDocument, chatDocument, type ExportLabels, exportFileName } from './document';
import { toMarkdown } from './markdown-document';
import { toPlainText } from './plain-document';

export type ExportSource = { kind: 'answer'; job: Job } | { kind: 'chat'; turns: readonly ChatTurn[] };

export interface ExportFormats {
  fileName: string;
  markdown: string;
  plainText: string;
}

export function exportOf(source: ExportSource, language: Language, date: Date, labels: ExportLabels = {}): ExportFormats {
  const document =
    source.kind === 'answer' ? answerDocument(source.job, language, date, labels) : chatDocument(source.turns, language, date, labels);
  const feature = source.kind === 'answer' ? source.job.request.feature : 'chat';
  return { fileName: exportFileName(feature, date), markdown: toMarkdown(document), plainText: toPlainText(document) };
}
