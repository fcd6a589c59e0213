import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CustomAction } from '@/lib/actions/schema';
import { customActionsItem } from '@/lib/storage/items';
import { syncWithSettings } from '@/lib/worker/background/settings-sync';

/** The menus as created (WXT's fake browser has no contextMenus): properties of each create(). */
function recordMenus() {
  const created: { id: string; parentId?: string; title?: string; type?: string }[] = [];
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
    created.length = 0;
  });
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((properties) => {
    created.push({
      id: String(properties.id),
      ...(properties.parentId ? { parentId: String(properties.parentId) } : {}),
      ...(properties.title ? { title: properties.title } : {}),
      ...(properties.type ? { type: properties.type } : {}),
    });
    return String(properties.id);
  });
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockResolvedValue(undefined);
  return created;
}

const action = (id: string, name: string, placement: CustomAction['placement']): CustomAction => ({
  id,
  name,
  template: 'Do: {{selection}}',
  placement,
});

beforeEach(() => fakeBrowser.reset());

describe('the user’s actions in the context menu', () => {
  it('follow the five built-ins in the submenu, after a separator, in the user’s order; popup-only ones stay out', async () => {
    const menus = recordMenus();
    await customActionsItem.setValue([
      action('b', 'Second & last', 'menu'),
      action('p', 'Popup only', 'popup'),
      action('a', 'First', 'both'),
    ]);
    await syncWithSettings({ force: true });
    const submenu = menus.filter((item) => item.parentId === 'grompt-more');
    expect(submenu.map((item) => item.id)).toEqual([
      'grompt-prompt-crafter',
      'grompt-code-generator',
      'grompt-image-prompt',
      'grompt-chat',
      'grompt-actions-separator',
      'grompt-action:b',
      'grompt-action:a',
    ]);
    expect(submenu.at(-2)?.title).toBe('Second && last');
    expect(submenu.find((item) => item.id === 'grompt-actions-separator')?.type).toBe('separator');
  });

  it('ship the three examples until the user saves a list of their own', async () => {
    const menus = recordMenus();
    await syncWithSettings({ force: true });
    expect(menus.filter((item) => item.id.startsWith('grompt-action:')).map((item) => item.id)).toEqual([
      'grompt-action:example-explain',
      'grompt-action:example-translate-pt',
      'grompt-action:example-reply-email',
    ]);
  });

  it('are rebuilt when the actions change, not otherwise', async () => {
    const menus = recordMenus();
    await customActionsItem.setValue([action('a', 'First', 'both')]);
    await syncWithSettings({ force: true });
    const rebuilds = () => vi.mocked(fakeBrowser.contextMenus.removeAll).mock.calls.length;
    expect(rebuilds()).toBe(1);
    await syncWithSettings();
    expect(rebuilds()).toBe(1);
    await customActionsItem.setValue([action('a', 'Renamed', 'both')]);
    await syncWithSettings();
    expect(rebuilds()).toBe(2);
    expect(menus.find((item) => item.id === 'grompt-action:a')?.title).toBe('Renamed');
    await customActionsItem.setValue([]);
    await syncWithSettings();
    expect(menus.some((item) => item.id.startsWith('grompt-action'))).toBe(false);
  });
});
