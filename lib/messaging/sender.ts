import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/**
 * Only our own pages (popup, side panel, options) may talk to the background: same
 * extension id and a URL on the extension's own origin. Content scripts carry the web
 * page's URL and are refused, as is anything from another extension.
 */
export function isTrustedSender(sender: Sender | undefined, runtimeId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== runtimeId) return false;
  const url = sender.url ?? '';
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  // An opaque origin ("null": file:, data:, about:blank, or any URL where the runtime does not
  // know the extension scheme) is no one's origin, even if the extension's own is reported as "null".
  if (origin === 'null' || origin !== extensionOrigin) return false;
  // Chromium also reports the frame's origin; when present it must agree.
  const reported = (sender as Sender & { origin?: string }).origin;
  return reported === undefined || reported === extensionOrigin;
}
