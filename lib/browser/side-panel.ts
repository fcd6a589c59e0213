import { browser } from 'wxt/browser';
import { log } from '../log/logger';

/**
 * Opens the side panel (Chromium) or sidebar (Firefox). Must be called synchronously inside
 * the click or command handler: both browsers require the user gesture to still be live.
 */
export function openSidePanel(windowId: number | undefined): void {
  let opening: Promise<unknown> | undefined;
  try {
    if (import.meta.env.FIREFOX) {
      opening = (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    } else if (windowId !== undefined) {
      opening = browser.sidePanel.open({ windowId });
    }
  } catch (error) {
    log.warn('could not open the side panel', { error });
  }
  opening?.catch((error: unknown) => log.warn('could not open the side panel', { error }));
}
