import { browser } from 'wxt/browser';
import { PROVIDERS } from '../../catalogue/providers';
import { FEATURE_IDS } from '../../features/ids';
import { log } from '../../log/logger';
import { parseEndpoint } from '../../network/endpoint-policy';
import type { Settings } from '../../settings/schema';
import { ollamaUsedItem, readSettings } from '../../storage/items';

/** Fixed id: there is only ever one such rule, for the configured Ollama host. */
const RULE_ID = 1;

/** Requests that belong to no tab: the service worker's (chrome.tabs.TAB_ID_NONE). */
export const TAB_ID_NONE = -1;

/**
 * Ollama answers 403 to any Origin it does not know, and a chrome-extension:// origin is
 * unknown by default. A session rule (memory only) drops the Origin header, but only on
 * requests this extension makes (initiatorDomains = our id) from no tab (the worker), to the
 * Ollama host: a web page's own requests to Ollama keep their Origin, so pages get no free pass.
 */
export function ollamaOriginRule(baseUrl: string, extensionHost: string) {
  const url = parseEndpoint(baseUrl);
  if (!url) return undefined;
  return {
    id: RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders' as const,
      requestHeaders: [{ header: 'origin', operation: 'remove' as const }],
    },
    condition: {
      urlFilter: `|${url.origin}/`,
      initiatorDomains: [extensionHost],
      tabIds: [TAB_ID_NONE],
      resourceTypes: ['xmlhttprequest' as const, 'other' as const],
    },
  };
}

/** Sets the rule for this base URL, or removes it (undefined). */
async function setOllamaOriginRule(baseUrl: string | undefined): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  if (!dnr?.updateSessionRules) return;
  // Our own origin's host: the extension id in Chromium, the internal UUID in Firefox.
  const ownHost = new URL(browser.runtime.getURL('/')).host;
  const rule = baseUrl ? ollamaOriginRule(baseUrl, ownHost) : undefined;
  try {
    await dnr.updateSessionRules({ removeRuleIds: [RULE_ID], addRules: rule ? [rule] : [] });
  } catch (error) {
    log.warn('could not set the Ollama origin rule', { error });
  }
}

/**
 * The base URLs of the Ollama calls in flight in this wake of the worker: the rule covers them
 * whatever the settings say (a model list asked for before the choice was saved, say). A call
 * cut short by the worker stopping leaves the rule as it was until the next refresh.
 */
const callsInFlight: string[] = [];
let refreshing: Promise<void> = Promise.resolve();

/**
 * Puts the rule where the state says now: an Ollama call in flight, else the settings (read
 * fresh) and whether Ollama answered this session. Refreshes run one at a time, each reading
 * the state when it runs, so the last one always reflects the newest state: a call that ends
 * after the settings changed cannot undo what the settings asked for.
 */
export function refreshOllamaRule(): Promise<void> {
  const run = refreshing.then(async () => setOllamaOriginRule(callsInFlight.at(-1) ?? (await wantedOllamaRule(await readSettings()))));
  refreshing = run.catch((error: unknown) => log.warn('could not refresh the Ollama origin rule', { error }));
  return refreshing;
}

/**
 * Before an Ollama call: the rule covers its base URL. The returned function ends it: a call
 * that succeeded keeps the rule for the session; otherwise the rule stays only if Ollama is chosen.
 */
export async function beginOllamaCall(baseUrl: string): Promise<(succeeded: boolean) => Promise<void>> {
  callsInFlight.push(baseUrl);
  await refreshOllamaRule();
  let ended = false;
  return async (succeeded) => {
    if (ended) return;
    ended = true;
    if (succeeded) await ollamaUsedItem.setValue(true);
    callsInFlight.splice(callsInFlight.indexOf(baseUrl), 1);
    await refreshOllamaRule();
  };
}

export function ollamaBaseUrl(settings: Settings): string {
  return settings.baseUrls.ollama?.trim() || PROVIDERS.ollama.defaultBaseUrl;
}

/** Whether the user chose Ollama: as the default provider, or for some feature (the chat is one). */
export function ollamaChosen(settings: Settings): boolean {
  return settings.provider === 'ollama' || FEATURE_IDS.some((feature) => settings.featureDefaults[feature]?.provider === 'ollama');
}

/**
 * The base URL the rule should cover now, or undefined for no rule: it exists only while
 * Ollama is chosen, or after an Ollama call succeeded in this browser session.
 */
export async function wantedOllamaRule(settings: Settings): Promise<string | undefined> {
  return ollamaChosen(settings) || (await ollamaUsedItem.getValue()) ? ollamaBaseUrl(settings) : undefined;
}

/** An Ollama stream with the rule set before it and settled after it (see beginOllamaCall). */
export async function* withOllamaRule<T extends { type: string }>(baseUrl: string, parts: AsyncIterable<T>): AsyncIterable<T> {
  const end = await beginOllamaCall(baseUrl);
  let succeeded = false;
  try {
    for await (const part of parts) {
      if (part.type === 'finish') succeeded = true;
      yield part;
    }
  } finally {
    await end(succeeded);
  }
}
