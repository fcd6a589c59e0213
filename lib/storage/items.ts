import { defineItem } from './item';
import { SETTINGS_KEY } from './early-items';
import { type Conversation, conversationSchema } from '../domain/chat';
import type { GenerateRequest, JobKind, Slot } from '../domain/job';
import { parseSettings, type Settings } from '../settings/schema';

/**
 * Everything the extension keeps, declared once. `local:` is on disk and holds only
 * preferences; `session:` is memory only and holds answers and the chat.
 * Keys are the one exception to "declared here": they live in lib/worker/secrets/items.ts so
 * that lint can keep every UI file away from them.
 */
export const settingsItem = defineItem<Settings>('local', SETTINGS_KEY, parseSettings({}));

export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/**
 * Jobs (written only by the service worker, lib/worker/session): which job each slot holds,
 * the run waiting behind a slot's running job, and per job its record (no text, no input),
 * its input (written once; long texts as references, see texts.ts) and its answer in chunks,
 * each written once as it arrives.
 */
export const jobIndexItem = defineItem<Partial<Record<Slot, string>>>('session', 'jobs', {});
export const queuedRunsItem = defineItem<Partial<Record<Slot, GenerateRequest>>>('session', 'jobs.queued', {});

export const JOB_PREFIX = 'job.';
export const jobRecordKey = (id: string) => `${JOB_PREFIX}${id}`;
export const jobInputKey = (id: string) => `${JOB_PREFIX}${id}.input`;
export const jobChunkKey = (id: string, index: number) => `${JOB_PREFIX}${id}.${index}`;
/** A reasoning model's thinking, stored like the answer: in chunks of its own, each written once. */
export const jobReasoningKey = (id: string, index: number) => `${JOB_PREFIX}${id}.r${index}`;

/** A job's record as stored; lib/worker/session/records.ts validates it (storedJobSchema). */
export const jobRecordItem = (id: string) => defineItem<unknown>('session', jobRecordKey(id), null);
export const jobInputItem = (id: string) => defineItem<Record<string, unknown>>('session', jobInputKey(id), {});

/** Room kept free for keys: released only when a key could not be saved otherwise. */
export const SESSION_RESERVE_KEY = 'session-reserve';
export const SESSION_RESERVE_CHARS = 16_000;

export const conversationItem = defineItem<Conversation>('session', 'chat', { turns: [] });

export async function readConversation(): Promise<Conversation> {
  const parsed = conversationSchema.safeParse(await conversationItem.getValue());
  return parsed.success ? parsed.data : { turns: [] };
}

/** Model lists fetched from providers, kept for the browser session. */
export const modelCacheItem = defineItem<Record<string, { models: string[]; at: number }>>('session', 'model-cache', {});

/** Which API prefix a Grompt server answered on, per server URL. */
export const serverPrefixItem = defineItem<Record<string, string>>('session', 'server-prefix', {});

/**
 * The user's own actions, in their order (lib/actions/schema.ts checks them). On disk: no secrets,
 * and a key-shaped template is refused before it gets here. Null until first saved (the examples show).
 */
export const customActionsItem = defineItem<unknown>('local', 'custom-actions', null);

/** Which feature the side panel should show: set by the context menu and shortcuts. */
export const panelViewItem = defineItem<{ feature: JobKind; at: number } | null>('session', 'panel-view', null);

export { draftItems, type FormDrafts } from './early-items';

/** Security round 2: an Ollama call succeeded in this browser session (its origin rule may stay). */
export const ollamaUsedItem = defineItem<boolean>('session', 'ollama-used', false);

/** What the background last derived from settings (menus' language, Ollama rule), to skip repeats. */
export const settingsSyncedItem = defineItem<string | null>('session', 'settings-synced', null);
