import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onCommand } from '@/lib/worker/background/commands';
import { onMenuClicked } from '@/lib/worker/background/context-menu';
import { listenForGenerations } from '@/lib/worker/background/generation-port';
import { scheduleKeyExpiry } from '@/lib/worker/background/key-expiry';
import { requestHandlers } from '@/lib/worker/background/request-handlers';
import { syncWithSettings } from '@/lib/worker/background/settings-sync';
import { log } from '@/lib/log/logger';
import { listenForRequests } from '@/lib/messaging/router';
import { installWorkerFetchGuard } from '@/lib/worker/network/guarded-fetch';
import { forgetKeysOfRemovedProviders } from '@/lib/worker/secrets/custom-keys';
import { prepareSessionStorage } from '@/lib/worker/secrets/key-store';
import { ensureReserve } from '@/lib/worker/session/room';
import { sweepSession } from '@/lib/worker/session/sweep';
import { customActionsItem, settingsItem } from '@/lib/storage/items';

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
    void prepareSessionStorage().then(async (available) => {
      if (!available) return log.warn('storage.session unavailable: BYOK disabled');
      // Room for keys, and nothing left over from jobs an earlier wake replaced.
      await ensureReserve();
      await sweepSession();
    });

    browser.runtime.onInstalled.addListener(() => void syncWithSettings({ force: true }));
    browser.runtime.onStartup.addListener(() => void syncWithSettings({ force: true }));
    settingsItem.watch(() => void syncWithSettings());
    // The user's own actions are menu items too.
    customActionsItem.watch(() => void syncWithSettings());
  },
});
