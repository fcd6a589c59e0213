import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onCommand } from '@/lib/worker/background/commands';
import { createContextMenus, onMenuClicked } from '@/lib/worker/background/context-menu';
import { listenForGenerations } from '@/lib/worker/background/generation-port';
import { scheduleKeyExpiry } from '@/lib/worker/background/key-expiry';
import { requestHandlers } from '@/lib/worker/background/request-handlers';
import { resolveLanguage } from '@/lib/i18n/translate';
import { log } from '@/lib/log/logger';
import { listenForRequests } from '@/lib/messaging/router';
import { ensureOllamaOriginRule } from '@/lib/worker/providers/ollama-origin-rule';
import { installWorkerFetchGuard } from '@/lib/worker/network/guarded-fetch';
import { forgetKeysOfRemovedProviders } from '@/lib/worker/secrets/custom-keys';
import { prepareSessionStorage } from '@/lib/worker/secrets/key-store';
import { customActionsItem, readSettings, settingsItem } from '@/lib/storage/items';
import { readCustomActions } from '@/lib/actions/stored';

/**
 * The service worker: the only code that holds keys and talks to providers. It wires
 * listeners synchronously (so events that woke it are not missed) and keeps no state
 * of its own between wakes: everything lives in storage.session.
 */
export default defineBackground({
  main() {
    installWorkerFetchGuard();
    listenForRequests(requestHandlers);
    listenForGenerations();
    browser.contextMenus.onClicked.addListener(onMenuClicked);
    browser.commands?.onCommand.addListener(onCommand);
    scheduleKeyExpiry();
    forgetKeysOfRemovedProviders();
    void prepareSessionStorage().then((available) => available || log.warn('storage.session unavailable: BYOK disabled'));

    const syncOnce = async () => {
      const settings = await readSettings();
      const language = resolveLanguage(settings.language, navigator.language);
      await createContextMenus(language, await readCustomActions(language));
      await ensureOllamaOriginRule(settings.baseUrls.ollama?.trim() || 'http://localhost:11434');
    };
    // One sync at a time: two overlapping menu rebuilds would create the same ids twice.
    let syncing = Promise.resolve();
    const syncWithSettings = () => {
      syncing = syncing.then(syncOnce).catch((error: unknown) => log.error('settings sync failed', { error }));
    };
    browser.runtime.onInstalled.addListener(syncWithSettings);
    browser.runtime.onStartup.addListener(syncWithSettings);
    settingsItem.watch(syncWithSettings);
    customActionsItem.watch(syncWithSettings);
  },
});
