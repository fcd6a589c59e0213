import { type Language, resolveLanguage } from '../../i18n/translate';
import { log } from '../../log/logger';
import { readSettings, settingsSyncedItem } from '../../storage/items';
import { refreshOllamaRule, wantedOllamaRule } from '../providers/ollama-origin-rule';
import { readCustomActions } from '../../actions/stored';
import { showsIn } from '../../actions/schema';
import { createContextMenus } from './context-menu';

interface Derived {
  language: Language;
  ollamaRule: string | null;
  /** The user's actions in the menu, in order (id and name): a change rebuilds the menus. */
  menuActions?: string;
}

let queue: Promise<void> = Promise.resolve();

async function syncOnce(force: boolean): Promise<void> {
  const settings = await readSettings();
  const language = resolveLanguage(settings.language, globalThis.navigator?.language ?? 'en');
  const actions = await readCustomActions(language);
  const next: Derived = {
    language,
    ollamaRule: (await wantedOllamaRule(settings)) ?? null,
    menuActions: JSON.stringify(actions.filter((action) => showsIn(action, 'menu')).map((action) => [action.id, action.name])),
  };
  const stored = await settingsSyncedItem.getValue();
  const last = force || !stored ? undefined : (JSON.parse(stored) as Derived);
  if (last?.language !== next.language || last?.menuActions !== next.menuActions) await createContextMenus(next.language, actions);
  if (last === undefined || last.ollamaRule !== next.ollamaRule) await refreshOllamaRule();
  await settingsSyncedItem.setValue(JSON.stringify(next));
}

/**
 * Applies what the background derives from the settings: the context menus (in the user's
 * language, with the user's own actions) and the Ollama origin rule. One run at a time, in order (two rebuilds of the
 * menus at once collide on their ids), and only for what changed since the last run; `force`
 * (install, browser start) redoes everything.
 */
export function syncWithSettings(options: { force?: boolean } = {}): Promise<void> {
  const run = queue.then(() => syncOnce(options.force ?? false));
  queue = run.catch((error: unknown) => log.warn('settings sync failed', { error }));
  return queue;
}
