import { browser } from 'wxt/browser';
import { log } from '../../log/logger';
import { parseEndpoint } from '../../network/endpoint-policy';

/** Fixed id: there is only ever one such rule, for the configured Ollama host. */
const RULE_ID = 1;

/**
 * Ollama answers 403 to any Origin it does not know, and a chrome-extension:// origin is
 * unknown by default. A session rule (memory only) drops the Origin header, but only on
 * requests this extension makes (initiatorDomains = our id) to the Ollama host: a web
 * page's own requests to Ollama keep their Origin, so pages get no free pass.
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
      resourceTypes: ['xmlhttprequest' as const, 'other' as const],
    },
  };
}

export async function ensureOllamaOriginRule(baseUrl: string | undefined): Promise<void> {
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
