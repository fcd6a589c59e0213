import { defineItem } from './item';
import { SETTINGS_KEY } from './early-items';
import { z } from '../zod';
import { type Conversation, conversationSchema } from '../domain/chat';
import { type Job, type JobKind, jobSchema, type Surface } from '../domain/job';
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

export const jobItems: Record<Surface, ReturnType<typeof defineJobItem>> = {
  popup: defineJobItem('popup'),
  sidepanel: defineJobItem('sidepanel'),
};

function defineJobItem(surface: Surface) {
  return defineItem<Job | null>('session', `job.${surface}`, null);
}

export async function readJob(surface: Surface): Promise<Job | null> {
  const parsed = z.nullable(jobSchema).safeParse(await jobItems[surface].getValue());
  return parsed.success ? parsed.data : null;
}

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
