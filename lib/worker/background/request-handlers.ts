import { resolveProvider } from '../../settings/resolve-provider';
import { attachPage, clearConversation, detachPage, setDraft } from '../chat/conversation';
import { describeError } from '../../errors/describe';
import { ServerCallError } from '../grompt/client';
import { detectPrefix } from '../grompt/detect';
import { resolveLanguage } from '../../i18n/translate';
import { type RequestHandlers, UserFacingError } from '../../messaging/router';
import { forgetAllKeys, forgetKey, isSessionStorageAvailable, keyStatuses, saveKey } from '../secrets/key-store';
import { readConversation, readSettings } from '../../storage/items';
import { listModels } from './models';
import { continueInPanel } from './continue-in-panel';

async function userError(facts: Parameters<typeof describeError>[0]): Promise<UserFacingError> {
  const settings = await readSettings();
  return new UserFacingError(describeError(facts, resolveLanguage(settings.language, globalThis.navigator?.language ?? 'en')));
}

/** The background's answers to one-shot requests. None of them ever returns a key. */
export const requestHandlers: RequestHandlers = {
  'key.set': async ({ provider, key }) => {
    if (!isSessionStorageAvailable()) throw await userError({ kind: 'storage-unavailable' });
    // A custom id counts only if that provider exists in the settings now.
    const info = resolveProvider(provider, await readSettings());
    if (!info) throw await userError({ kind: 'invalid-input', detail: 'This provider no longer exists.' });
    if (!info.needsKey) throw await userError({ kind: 'invalid-input', detail: `${info.label} takes no key.` });
    return saveKey(provider, key);
  },
  'key.forget': async ({ provider }) => {
    await forgetKey(provider);
    return {};
  },
  'key.forget-all': async () => {
    await forgetAllKeys();
    return {};
  },
  'key.status': async () => ({ available: isSessionStorageAvailable(), keys: await keyStatuses() }),
  'models.list': async ({ provider }) => listModels(provider),
  'server.test': async ({ url }) => {
    try {
      return await detectPrefix(url, AbortSignal.timeout(10_000));
    } catch (error) {
      if (error instanceof ServerCallError) throw await userError(error.facts);
      throw await userError({ kind: 'network', provider: 'grompt' });
    }
  },
  'job.continue-in-panel': async () => {
    await continueInPanel();
    return {};
  },
  'chat.get': async () => readConversation(),
  'chat.clear': async () => clearConversation(),
  'chat.attach-page': async (page) => attachPage(page),
  'chat.detach-page': async () => detachPage(),
  'chat.set-draft': async ({ draft }) => {
    await setDraft(draft);
    return {};
  },
};
