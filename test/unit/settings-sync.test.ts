import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncWithSettings } from '@/lib/worker/background/settings-sync';
import { beginOllamaCall } from '@/lib/worker/providers/ollama-origin-rule';
import { translate } from '@/lib/i18n/translate';
import { parseSettings, type Settings } from '@/lib/settings/schema';
import { customActionsItem, readSettings, settingsItem } from '@/lib/storage/items';

type SessionRules = Parameters<typeof fakeBrowser.declarativeNetRequest.updateSessionRules>[0];

/**
 * The browser's menus as Chromium keeps them: create() with an id that exists fails ("duplicate
 * id"), and removeAll() answers a moment after it has removed them (WXT's fake browser has no
 * contextMenus). Two rebuilds at once both remove, then both create: duplicates.
 */
function fakeMenus() {
  const ids = new Set<string>();
  const errors: string[] = [];
  const titles: string[] = [];
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
    // The browser removes at once, in call order; its answer comes back later.
    ids.clear();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((properties) => {
    const id = String(properties.id);
    if (ids.has(id)) errors.push(`Cannot create item with duplicate id ${id}`);
    ids.add(id);
    titles.push(String(properties.title));
    return id;
  });
  return { ids, errors, titles, rebuilds: () => vi.mocked(fakeBrowser.contextMenus.removeAll).mock.calls.length };
}

function fakeSessionRules() {
  const updates: SessionRules[] = [];
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockImplementation(async (options) => {
    updates.push(options);
  });
  return updates;
}

async function change(edit: (settings: Settings) => Settings): Promise<void> {
  await settingsItem.setValue(parseSettings(edit(await readSettings())));
}

beforeEach(async () => {
  fakeBrowser.reset();
  // The built-in menus only: the user's own actions in the menu are tested in custom-actions-menu.test.ts.
  await customActionsItem.setValue([]);
});

describe('syncWithSettings', () => {
  it('runs one sync at a time: menus rebuilt by concurrent calls never collide on an id', async () => {
    const menus = fakeMenus();
    fakeSessionRules();
    await Promise.all([syncWithSettings({ force: true }), syncWithSettings({ force: true }), syncWithSettings({ force: true })]);
    expect(menus.rebuilds()).toBe(3);
    expect(menus.errors).toEqual([]);
    expect(menus.ids.size).toBe(6);
  });

  it('does nothing when a setting it does not use changes', async () => {
    const menus = fakeMenus();
    const rules = fakeSessionRules();
    await syncWithSettings({ force: true });
    const before = { menus: menus.rebuilds(), rules: rules.length };
    await change((settings) => ({ ...settings, timeoutSeconds: 30, keyIdleMinutes: 5, models: { openai: 'gpt-4o' } }));
    await syncWithSettings();
    expect({ menus: menus.rebuilds(), rules: rules.length }).toEqual(before);
  });

  it('rebuilds the menus, and only them, when the language changes', async () => {
    const menus = fakeMenus();
    const rules = fakeSessionRules();
    await syncWithSettings({ force: true });
    const rulesBefore = rules.length;
    await change((settings) => ({ ...settings, language: 'pt-BR' }));
    await syncWithSettings();
    expect(menus.rebuilds()).toBe(2);
    expect(menus.titles.slice(-6)).toContain(translate('pt-BR', 'menu.summarize'));
    expect(rules.length).toBe(rulesBefore);
  });

  it('sets the Ollama rule only while Ollama is chosen, for requests from no tab and from us only', async () => {
    fakeMenus();
    const rules = fakeSessionRules();
    await syncWithSettings({ force: true });
    expect(rules.at(-1)).toEqual({ removeRuleIds: [1], addRules: [] });

    await change((settings) => ({
      ...settings,
      featureDefaults: { chat: { provider: 'ollama' } },
      baseUrls: { ollama: 'http://[::1]:11434' },
    }));
    await syncWithSettings();
    const rule = rules.at(-1)?.addRules?.[0];
    expect(rule?.condition).toMatchObject({
      urlFilter: '|http://[::1]:11434/',
      tabIds: [-1],
      initiatorDomains: [new URL(fakeBrowser.runtime.getURL('/')).host],
    });

    const count = rules.length;
    await change((settings) => ({ ...settings, timeoutSeconds: 40 }));
    await syncWithSettings();
    expect(rules.length).toBe(count);

    await change((settings) => ({ ...settings, featureDefaults: { chat: { provider: 'claude' } } }));
    await syncWithSettings();
    expect(rules.at(-1)).toEqual({ removeRuleIds: [1], addRules: [] });
  });

  it('keeps the rule after a successful Ollama call, and drops it after a failed one when Ollama is not chosen', async () => {
    fakeMenus();
    const rules = fakeSessionRules();
    const failing = await beginOllamaCall('http://localhost:11434');
    expect(rules.at(-1)?.addRules?.[0]?.condition.urlFilter).toBe('|http://localhost:11434/');
    await failing(false);
    expect(rules.at(-1)).toEqual({ removeRuleIds: [1], addRules: [] });
    await (await beginOllamaCall('http://localhost:11434'))(true);
    await syncWithSettings({ force: true });
    expect(rules.at(-1)?.addRules).toHaveLength(1);
  });

  it('a failed call that began before Ollama was chosen, and ends after, leaves the rule the choice asked for', async () => {
    fakeMenus();
    const rules = fakeSessionRules();
    await syncWithSettings({ force: true });
    // The popup asks for Ollama's model list as the user picks it; the list fails (Ollama is not running).
    const end = await beginOllamaCall('http://localhost:11434');
    await change((settings) => ({ ...settings, provider: 'ollama' }));
    await syncWithSettings();
    await end(false);
    expect(rules.at(-1)?.addRules?.[0]?.condition.urlFilter).toBe('|http://localhost:11434/');
  });
});
