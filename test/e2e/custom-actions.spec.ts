import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fence } from '../../lib/features/text-tools';
import type { FakeServer } from '../fakes/http';
import { expect, test } from './fixtures';
import { lastChatBody } from './support/requests';
import { clickMenuItem, menuItemExists } from './support/menu';
import { hex } from './support/random';
import { selectText } from './support/surfaces';
import { activate } from './support/tabs';

const KEY = `sk-proj-${hex()}`;
const BULLETS = {
  id: 'three-bullets',
  name: 'Three bullets',
  template: 'Three bullets about “{{page.title}}” ({{page.url}}):\n{{selection}}',
  placement: 'both',
};
const MENU_ONLY = { id: 'menu-only', name: 'Only in the menu', template: 'Shout: {{selection}}', placement: 'menu' };

/** The last chat request's last message. */
const lastUserMessage = (requests: FakeServer['requests']) =>
  (JSON.parse(lastChatBody(requests) ?? '{}') as { messages?: { role: string; content: string }[] }).messages?.at(-1)?.content;

test('a custom action from the context menu streams into the side panel, with the page text fenced', async ({
  worker,
  openPage,
  openTestPage,
  byokOpenAI: { fake },
}) => {
  await worker.evaluate((actions) => chrome.storage.local.set({ 'custom-actions': actions }), [BULLETS, MENU_ONLY]);
  await expect.poll(() => menuItemExists(worker, 'grompt-action:three-bullets')).toBe(true);
  const panel = await openPage('sidepanel');
  const article = await openTestPage();
  await activate(worker, article);
  const selection = await selectText(article, '#lead');

  await clickMenuItem(worker, 'grompt-action:three-bullets', selection);
  await expect(panel.getByRole('tab', { name: 'Your actions' })).toHaveAttribute('aria-selected', 'true');
  const answer = panel.locator('section.answer');
  await expect(answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
  await expect(answer.locator('.badge')).toHaveText(/BYOK/);
  await expect(answer.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Insert into page' })).toBeVisible();
  await expect(panel.getByLabel('Action', { exact: true })).toHaveValue('three-bullets');
  await expect(panel.getByLabel('Text for the action')).toHaveValue(selection.trim());
  expect(lastUserMessage(fake.requests)).toBe(
    `Three bullets about “Tidal energy in northern harbours” (${article.url()}):\n${fence('selection', selection.trim())}`,
  );

  // An action shown only in the menu runs too, and the panel shows it with its answer.
  await clickMenuItem(worker, 'grompt-action:menu-only', selection);
  await expect(panel.getByLabel('Action', { exact: true })).toHaveValue('menu-only');
  await expect.poll(() => lastUserMessage(fake.requests)).toBe(`Shout: ${fence('selection', selection.trim())}`);
  await expect(answer.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
});

test('a custom action from the popup: the Actions tab, the selection, the same answer view and actions', async ({
  worker,
  openTestPage,
  byokOpenAI: { fake },
  openPopup,
}) => {
  await worker.evaluate((actions) => chrome.storage.local.set({ 'custom-actions': actions }), [BULLETS, MENU_ONLY]);
  const article = await openTestPage();
  const selection = await selectText(article, '#lead');
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Your actions' }).click();
  // Only actions meant for the popup are offered there.
  await expect(popup.getByLabel('Action', { exact: true }).locator('option')).toHaveText(['Three bullets']);
  await expect(popup.getByLabel('Text for the action')).toHaveValue(selection.trim());
  await expect(popup.getByText('Runs with OpenAI · gpt-test')).toBeVisible();
  await popup.getByRole('button', { name: 'Run' }).click();
  const answer = popup.locator('section.answer');
  await expect(answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
  await expect(answer.locator('.badge')).toHaveText(/BYOK/);
  await expect(answer.getByRole('button', { name: 'Continue in side panel' })).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Insert into page' })).toBeVisible();
  expect(lastUserMessage(fake.requests)).toContain(fence('selection', selection.trim()));
  expect(lastUserMessage(fake.requests)).toContain('Tidal energy in northern harbours');
});

test('options: the examples can be deleted; actions are added, reordered, exported and imported (a bad file changes nothing)', async ({
  worker,
  openPage,
}, testInfo) => {
  const options = await openPage('options');
  const section = options.locator('section.custom-actions');
  const names = section.locator('ol.custom-list > li strong');
  await expect(names).toHaveText(['Explain like I’m new to this', 'Translate to Portuguese', 'Reply to this email']);
  await expect.poll(() => menuItemExists(worker, 'grompt-action:example-reply-email')).toBe(true);

  await section.getByRole('button', { name: 'Delete Reply to this email' }).click();
  await expect(names).toHaveText(['Explain like I’m new to this', 'Translate to Portuguese']);
  await expect.poll(() => menuItemExists(worker, 'grompt-action:example-reply-email')).toBe(false);

  await section.getByRole('button', { name: 'Add an action' }).click();
  const form = section.locator('fieldset.custom-action-form');
  await form.getByLabel('Name', { exact: true }).fill('Fix my grammar');
  await form.getByLabel('Prompt template').fill(`Fix the grammar. My key is ${KEY}\n{{selection}}`);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('This looks like an API key. Keys go only in the key field, never in settings.');
  await form.getByLabel('Prompt template').fill('Fix the grammar, change nothing else:\n{{selection}}');
  await form.getByLabel('Right-click menu only').check();
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(names).toHaveText(['Explain like I’m new to this', 'Translate to Portuguese', 'Fix my grammar']);

  await section.getByRole('button', { name: 'Move up: Fix my grammar' }).click();
  await expect(names).toHaveText(['Explain like I’m new to this', 'Fix my grammar', 'Translate to Portuguese']);
  const stored = await worker.evaluate(
    async () => (await chrome.storage.local.get('custom-actions'))['custom-actions'] as { name: string }[],
  );
  expect(stored.map((action) => action.name)).toEqual(['Explain like I’m new to this', 'Fix my grammar', 'Translate to Portuguese']);
  expect(JSON.stringify(stored)).not.toContain(KEY);

  const downloading = options.waitForEvent('download');
  await section.getByRole('button', { name: 'Export to a file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('grompt-actions.json');
  const exportedPath = join(testInfo.outputDir, 'exported.json');
  await download.saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
  expect(exported).toMatchObject({ format: 'grompt-actions', version: 1 });
  expect(exported.actions.map((action: { name: string }) => action.name)).toEqual(stored.map((action) => action.name));

  const fileInput = section.locator('input[type="file"]');
  const bad = join(testInfo.outputDir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...exported, actions: [...exported.actions, { ...exported.actions[0] }] }));
  await fileInput.setInputFiles(bad);
  await expect(section.getByRole('alert')).toHaveText('The file has two actions with the id “example-explain”. Nothing was changed.');
  writeFileSync(bad, '{"format": "grompt-actions", "version": 1, "actions": [');
  await fileInput.setInputFiles(bad);
  await expect(section.getByRole('alert')).toHaveText('This file is not JSON. Nothing was changed.');
  await expect(names).toHaveCount(3);

  // Delete everything, then bring it back from the exported file.
  for (const name of await names.allTextContents()) await section.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(names).toHaveCount(0);
  await fileInput.setInputFiles(exportedPath);
  await expect(section.getByRole('status')).toHaveText('Imported 3 action(s).');
  await expect(names).toHaveText(['Explain like I’m new to this', 'Fix my grammar', 'Translate to Portuguese']);
  await expect.poll(() => menuItemExists(worker, `grompt-action:${exported.actions[1].id}`)).toBe(true);
});
