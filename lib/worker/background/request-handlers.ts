import { resolveProvider } from '../../settings/resolve-provider';
import { attachPage, clearConversation, detachPage, setDraft } from '../chat/conversation';
import { describeError } from '../../errors/describe';
import { ServerCallError } from '../grompt/client';
import { detectPrefix } from '../grompt/detect';
import { resolveLanguage } from '../../i18n/translate';
import { type RequestHandlers, UserFacingError } from '../../messaging/router';
import { forgetAllKeys, forgetKey, isSessionStorageAvailable, keyStatuses, saveKey } from '../secrets/key-store';
import { readConversation, readSettings } from '../../storage/items';
import { CUSTOM_ACTION } from '../../actions/run-input';
import { FEATURES } from '../../features/registry';
import { translate } from '../../i18n/translate';
import { clearFinished } from '../session/evict';
import { saveDraft } from '../session/drafts';
import { ensureReserve, SessionFullError } from '../session/room';
import { listModels } from './models';
import { continueInPanel } from './continue-in-panel';
import { refreshBadge } from '../engine/job-views';

async function language() {
  const settings = await readSettings();
  return resolveLanguage(settings.language, globalThis.navigator?.language ?? 'en');
}

async function userError(facts: Parameters<typeof describeError>[0]): Promise<UserFacingError> {
  return new UserFacingError(describeError(facts, await language()));
}

/** A full session memory is told as such, with what to do about it, whatever the request. */
function withSessionFullMessage(handlers: RequestHandlers): RequestHandlers {
  const wrapped: Record<string, (payload: never) => Promise<unknown>> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, (payload: never) => Promise<unknown>][]) {
    wrapped[type] = async (payload) => {
      try {
        return await handler(payload);
      } catch (error) {
        if (error instanceof SessionFullError) throw await userError({ kind: 'session-full' });
        throw error;
      }
    };
  }
  return wrapped as unknown as RequestHandlers;
}

/** The background's answers to one-shot requests. None of them ever returns a key. */
export const requestHandlers: RequestHandlers = withSessionFullMessage({
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
  'job.continue-in-panel': async ({ feature }) => {
    if (await continueInPanel(feature)) return {};
    const lang = await language();
    throw new UserFacingError({
      kind: 'invalid-input',
      message: translate(lang, 'jobs.panelBusy', {
        feature: translate(lang, feature === CUSTOM_ACTION ? 'actions.title' : FEATURES[feature].title),
      }),
      retryable: true,
    });
  },
  'jobs.clear-finished': async () => {
    const cleared = await clearFinished();
    await ensureReserve();
    await refreshBadge();
    return { cleared };
  },
  'drafts.save': async ({ surface, feature, values }) => {
    await saveDraft(surface, feature, values);
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
});
