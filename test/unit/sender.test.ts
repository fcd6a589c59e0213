import type { Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isTrustedSender } from '@/lib/messaging/sender';

type Sender = Browser.runtime.MessageSender & { origin?: string };

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

/**
 * Chromium treats chrome-extension: as a standard scheme, so URL.origin is "chrome-extension://<id>".
 * Node's URL follows the spec strictly and says "null". This stand-in for the platform's URL
 * gives Chromium's answer, so the check is tested as it runs in the browser.
 */
class ChromiumURL extends URL {
  override get origin(): string {
    return this.protocol === 'chrome-extension:' ? `${this.protocol}//${this.host}` : super.origin;
  }
}

describe('isTrustedSender (Chromium URL semantics)', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', ChromiumURL);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs with the Chromium stand-in', () => {
    expect(new URL(`${ORIGIN}/popup.html`).origin).toBe(ORIGIN);
  });

  it.each<[string, Sender]>([
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html` }],
    ['the side panel', { id: ID, url: `${ORIGIN}/sidepanel.html#chat` }],
    ['the options page, with a matching reported origin', { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN }],
  ])('accepts %s', (_label, sender) => {
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(true);
  });

  it.each<[string, Sender | undefined]>([
    ['no sender', undefined],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/page.html' }],
    ['another extension claiming our URL', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}/popup.html` }],
    ['a content script (our id, a web page’s URL)', { id: ID, url: 'https://example.com/article', frameId: 0 }],
    ['a content script in a file: page', { id: ID, url: 'file:///home/user/page.html', frameId: 0 }],
    ['a content script in an about:blank frame', { id: ID, url: 'about:blank', frameId: 2 }],
    ['a page whose URL merely contains our origin', { id: ID, url: `https://evil.test/${ORIGIN}/popup.html` }],
    ['a sender with no URL', { id: ID }],
    ['a sender with an unparseable URL', { id: ID, url: 'not a url' }],
    ['a sender with no id', { url: `${ORIGIN}/popup.html` }],
    ['a sender whose reported origin disagrees', { id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://example.com' }],
    ['a sender whose reported origin is opaque', { id: ID, url: `${ORIGIN}/popup.html`, origin: 'null' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(false);
  });
});

describe('isTrustedSender where extension URLs have an opaque origin (spec-strict URL, as in Node)', () => {
  // The callers compute the extension origin as new URL(runtime.getURL('/')).origin, which is "null" here.
  const OPAQUE = new URL(`${ORIGIN}/`).origin;

  it('runs with a spec-strict URL', () => {
    expect(OPAQUE).toBe('null');
  });

  it.each<[string, Sender]>([
    ['our own page', { id: ID, url: `${ORIGIN}/popup.html` }],
    ['a content script in a file: page', { id: ID, url: 'file:///home/user/page.html' }],
    ['a content script in a data: page', { id: ID, url: 'data:text/html,<p>hi</p>' }],
    ['a content script in an about:blank frame', { id: ID, url: 'about:blank', origin: 'null' }],
  ])('fails closed: refuses %s, since "null" matches no origin', (_label, sender) => {
    expect(isTrustedSender(sender, ID, OPAQUE)).toBe(false);
  });
});
