import { browser } from 'wxt/browser';
import { generateRequestSchema, type Job, jobSchema, type Slot } from '../../domain/job';
import { jobChunkKey, jobIndexItem, jobInputItem, jobInputKey, jobReasoningKey, jobRecordItem, jobRecordKey } from '../../storage/items';
import { resolveTexts } from '../../storage/texts';
import { z } from '../../zod';

/** A job as stored: everything but its input and text, and how many text chunks it has. */
export const storedJobSchema = z.extend(z.omit(jobSchema, { text: true, request: true, reasoning: true }), {
  request: z.omit(generateRequestSchema, { input: true }),
  chunks: z.int().check(z.nonnegative()),
  reasoningChunks: z.optional(z.int().check(z.nonnegative())),
});
export type StoredJob = z.infer<typeof storedJobSchema>;

function session() {
  const area = browser.storage.session;
  if (!area) throw new Error('storage.session is unavailable');
  return area;
}

export function toRecord(job: Job, chunks: number, reasoningChunks = 0): StoredJob {
  const { text: _text, reasoning: _reasoning, request, ...rest } = job;
  const { input: _input, ...requestWithoutInput } = request;
  return { ...rest, request: requestWithoutInput, chunks, ...(reasoningChunks ? { reasoningChunks } : {}) };
}

export async function readRecord(id: string): Promise<StoredJob | null> {
  const parsed = storedJobSchema.safeParse(await jobRecordItem(id).getValue());
  return parsed.success ? parsed.data : null;
}

/** The record's answer text (or its reasoning): its chunks in order (one read). */
export async function readText(id: string, chunks: number, key = jobChunkKey): Promise<string> {
  if (chunks === 0) return '';
  const keys = Array.from({ length: chunks }, (_, index) => key(id, index));
  const stored = await session().get(keys);
  return keys.map((key) => (typeof stored[key] === 'string' ? stored[key] : '')).join('');
}

/** A stored job as the pages see it: record, input (long texts resolved) and text. */
export async function readJob(id: string): Promise<Job | null> {
  const record = await readRecord(id);
  if (!record) return null;
  const { chunks, reasoningChunks = 0, ...rest } = record;
  const [input, text, reasoning] = await Promise.all([
    jobInputItem(id).getValue().then(resolveTexts),
    readText(id, chunks),
    readText(id, reasoningChunks, jobReasoningKey),
  ]);
  return { ...rest, request: { ...record.request, input }, text, ...(reasoningChunks ? { reasoning } : {}) };
}

/** Every slot's job record (not their input or text). */
export async function readSlotRecords(): Promise<{ slot: Slot; record: StoredJob }[]> {
  const index = await jobIndexItem.getValue();
  const entries = Object.entries(index) as [Slot, string][];
  const records = await Promise.all(entries.map(([, id]) => readRecord(id)));
  return entries.flatMap(([slot], position) => {
    const record = records[position];
    return record ? [{ slot, record }] : [];
  });
}

/** Removes a job's record, input and text. Its long texts go with the next sweep (texts.ts). */
export async function removeJobData(id: string): Promise<void> {
  const record = await readRecord(id);
  const keys = [
    jobRecordKey(id),
    jobInputKey(id),
    ...Array.from({ length: record?.chunks ?? 0 }, (_, index) => jobChunkKey(id, index)),
    ...Array.from({ length: record?.reasoningChunks ?? 0 }, (_, index) => jobReasoningKey(id, index)),
  ];
  await session().remove(keys);
}
