import type { Page } from 'puppeteer-core';
import { type Firefox, GECKO_ID } from './driver';
import { waitFor } from './wait';

/** Firefox's id for our sidebar in SidebarController (`<gecko id with _ for @ and .>-sidebar-action`). */
const SIDEBAR_ID = `${GECKO_ID.replace(/[@.]/g, '_')}-sidebar-action`;

/** Whether the browser window shows our sidebar, as read from Firefox's own SidebarController. */
export function sidebarOpen(firefox: Firefox): Promise<boolean> {
  return firefox.chrome(`SidebarController.isOpen && SidebarController.currentID === ${JSON.stringify(SIDEBAR_ID)}`);
}

/** Closes the sidebar (Firefox opens an extension's sidebar once, at install). */
export async function closeSidebar(firefox: Firefox): Promise<void> {
  await firefox.chrome('SidebarController.hide()');
  await waitFor(async () => !(await sidebarOpen(firefox)), 'the sidebar to close');
}

/** The text of our sidebar's page, read through extension.getViews (BiDi cannot reach the sidebar). */
export function sidebarText(firefox: Firefox, css = 'body'): Promise<string> {
  return firefox.ext((api, selector) => {
    const getViews = api.extension.getViews as (filter: { type: string }) => Window[];
    return getViews({ type: 'sidebar' })[0]?.document.querySelector(selector)?.textContent ?? '';
  }, css);
}

/**
 * Right-clicks the element (its selection stays) and chooses `label` in Firefox's own context
 * menu: the real `menus` code path, user gesture included, up to our onClicked listener. Our
 * items sit in the extension's submenu, which is opened first, as a pointer would.
 */
export async function chooseFromContextMenu(firefox: Firefox, page: Page, selector: string, label: string): Promise<void> {
  const box = await (await page.$(selector))?.boundingBox();
  if (!box) throw new Error(`no ${selector} on screen`);
  await page.mouse.click(box.x + 20, box.y + 5, { button: 'right' });
  const item = `[...document.getElementById('contentAreaContextMenu').querySelectorAll('menuitem')].find((element) => element.label === ${JSON.stringify(label)})`;
  await waitFor(
    () => firefox.chrome(`document.getElementById('contentAreaContextMenu').state === 'open' && Boolean(${item})`),
    `"${label}" in the context menu`,
  );
  await firefox.chrome(`(async () => {
    const item = ${item};
    const popup = item.parentNode;
    if (popup.state !== 'open') {
      const shown = new Promise((resolve) => popup.addEventListener('popupshown', resolve, { once: true }));
      popup.parentNode.openMenu(true);
      await shown;
    }
    popup.activateItem(item);
    return true;
  })()`);
}

/**
 * Fires one of our keyboard shortcuts the way a key press does: through the <key> element Firefox
 * registered for it in the browser window (BiDi's key events reach the page, not the window's keys).
 */
export async function pressShortcut(firefox: Firefox, key: 'G' | 'U'): Promise<void> {
  const keyset = `keyset[id="ext-keyset-id-${GECKO_ID.replace(/[@.]/g, '_')}"]`;
  await firefox.chrome(
    `(document.querySelector(${JSON.stringify(`${keyset} key[modifiers="alt,shift"][key="${key}"]`)}).doCommand(), true)`,
  );
}
