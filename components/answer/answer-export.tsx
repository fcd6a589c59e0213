import { answerDocument, chatDocument } from '@/lib/export/document';
import type { ChatTurn } from '@/lib/domain/chat';
import type { Job } from '@/lib/domain/job';
import { useSettings } from '../settings-context';
import { ExportMenu } from './export-menu';

/** Export of one answer: its feature, what the user gave it, and the answer. */
export function AnswerExport({ job }: { job: Job }) {
  const { language } = useSettings();
  return <ExportMenu feature={job.request.feature} build={(date) => answerDocument(job, language, date)} />;
}

/** Export of the whole chat, turn by turn. */
export function ChatExport({ turns, disabled }: { turns: readonly ChatTurn[]; disabled?: boolean }) {
  const { language } = useSettings();
  return <ExportMenu feature="chat" build={(date) => chatDocument(turns, language, date)} disabled={disabled || !turns.length} />;
}
