import { expect, test } from './fixtures';
import { startHeldOpenAI } from './support/held-stream';
import { clickMenu, storeKey } from './support/menu';
import { startPageServer } from './support/page-server';
import { FeaturePage } from './support/popup-page';
import { waitForAnswerEnd } from './support/probes';
import { saveSettings, selectText } from './support/surfaces';
import { activate } from './support/tabs';

const KEY = 'sk-proj-concurrent0123456789abcdef0123456';

/** Badge text as the toolbar shows it. */
const badge = (worker: Parameters<typeof storeKey>[0]) => worker.evaluate(() => chrome.action.getBadgeText({}));

test('a chat answer keeps streaming while a context-menu summary runs in the same panel; both finish', async ({
  context,
  worker,
  openPage,
}) => {
  const held = await startHeldOpenAI(KEY);
  const pages = await startPageServer();
  try {
    await saveSettings(worker, {
      baseUrls: { openai: `${held.fake.url}/v1` },
      models: { openai: 'gpt-test' },
      featureDefaults: { chat: { provider: 'openai', model: 'held-chat' } },
    });
    await storeKey(worker, 'openai', KEY);
    const panel = await openPage('sidepanel');
    await panel.getByLabel('Message').fill('Tell me about tides.');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(panel.locator('section.answer')).toContainText('chat begins w1 w2');

    const article = await context.newPage();
    await article.goto(`${pages.url}/article.html`);
    await activate(worker, article);
    const selection = await selectText(article, '#lead');
    await clickMenu(worker, 'grompt-summarizer', selection, article.url());

    await expect(panel.getByRole('tab', { name: 'Summarizer' })).toHaveAttribute('aria-selected', 'true');
    const summary = panel.locator('section.answer');
    await expect(summary).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await waitForAnswerEnd(summary);
    // The chat answer was not stopped: its tab says it is still being written.
    const chatTab = panel.getByRole('tab', { name: 'Chat' });
    await expect(chatTab).toHaveAttribute('data-activity', 'running');
    await expect(chatTab).toHaveAccessibleDescription('writing an answer');
    expect(held.requestsFor('chat').map((request) => request.closedEarly)).toEqual([false]);

    held.release('chat');
    await expect(chatTab).toHaveAttribute('data-activity', 'unseen');
    await chatTab.click();
    await expect(panel.locator('.chat-log .turn-assistant').last()).toContainText('chat begins w1 w2 w3 w4 chat ends');
    await expect(chatTab).not.toHaveAttribute('data-activity');
    expect(held.requestsFor('chat')).toHaveLength(1);
  } finally {
    await pages.close();
    await held.close();
  }
});

test('two popup features run at once, and both answers are there after the popup is closed and reopened', async ({ worker, openPage }) => {
  const held = await startHeldOpenAI(KEY);
  try {
    await saveSettings(worker, {
      baseUrls: { openai: `${held.fake.url}/v1` },
      featureDefaults: {
        summarizer: { provider: 'openai', model: 'held-sum' },
        'image-prompt': { provider: 'openai', model: 'held-img' },
      },
    });
    await storeKey(worker, 'openai', KEY);
    const popup = new FeaturePage(await openPage('popup'));
    await popup.chooseFeature('Summarizer');
    await popup.page.getByLabel('Text to summarize').fill('Tides rise and fall twice a day.');
    await popup.run();
    await expect(popup.answer).toContainText('sum begins w1 w2');
    await popup.chooseFeature('Image Prompt');
    await popup.page.getByLabel('Subject').fill('a lighthouse at dusk');
    await popup.run();
    await expect(popup.answer).toContainText('img begins w1 w2');
    await expect(popup.tab('Summarizer')).toHaveAttribute('data-activity', 'running');
    await popup.page.close();

    held.release('sum');
    held.release('img');
    // Both finished with no popup open: the toolbar counts two answers waiting.
    await expect.poll(() => badge(worker), { timeout: 15_000 }).toBe('2');

    const reopened = new FeaturePage(await openPage('popup'));
    await expect(reopened.tab('Image Prompt')).toHaveAttribute('aria-selected', 'true');
    await expect(reopened.answer).toContainText('img begins w1 w2 w3 w4 img ends');
    await expect(reopened.tab('Summarizer')).toHaveAttribute('data-activity', 'unseen');
    await expect.poll(() => badge(worker)).toBe('1');
    await reopened.chooseFeature('Summarizer');
    await expect(reopened.answer).toContainText('sum begins w1 w2 w3 w4 sum ends');
    await expect(reopened.page.getByLabel('Text to summarize')).toHaveValue('Tides rise and fall twice a day.');
    await expect.poll(() => badge(worker)).toBe('');
    expect([...held.requestsFor('sum'), ...held.requestsFor('img')].map((request) => request.closedEarly)).toEqual([false, false]);
  } finally {
    await held.close();
  }
});

test('running a feature again while it writes asks first: "stop it" stops it, "wait" runs after it', async ({ worker, openPage }) => {
  const held = await startHeldOpenAI(KEY);
  try {
    await saveSettings(worker, { baseUrls: { openai: `${held.fake.url}/v1` } });
    await storeKey(worker, 'openai', KEY);
    const popup = new FeaturePage(await openPage('popup'));
    await popup.chooseFeature('Summarizer');
    await popup.page.getByLabel('Text to summarize').fill('Salt marshes store carbon.');
    const runWith = async (model: string) => {
      await popup.setModel(model);
      await expect.poll(() => popup.page.locator('details.provider-details > summary').textContent()).toContain(model);
      await popup.run();
    };
    await runWith('held-first');
    await expect(popup.answer).toContainText('first begins');

    // Run again: nothing is stopped until the user says so.
    await runWith('held-second');
    const choice = popup.page.getByRole('alert').filter({ hasText: 'still writing an answer' });
    await expect(choice).toBeVisible();
    expect(held.requestsFor('second')).toHaveLength(0);
    await choice.getByRole('button', { name: 'Stop it and run again' }).click();
    expect((await held.fake.waitForClose()).body).toContain('held-first');
    await expect(popup.answer).toContainText('second begins');

    // And again, choosing to wait: the new run starts when the current answer is done.
    await runWith('held-third');
    await popup.page.getByRole('button', { name: 'Wait, then run' }).click();
    await expect(popup.page.getByText('A new run is waiting for the current answer to finish.')).toBeVisible();
    expect(held.requestsFor('third')).toHaveLength(0);
    held.release('second');
    await expect(popup.answer).toContainText('third begins');
    await expect(popup.page.getByText('A new run is waiting')).toHaveCount(0);
    held.release('third');
    await expect(popup.answer).toContainText('third begins w1 w2 w3 w4 third ends');
    expect(held.requestsFor('second').map((request) => request.closedEarly)).toEqual([false]);
    expect(held.requestsFor('first').map((request) => request.closedEarly)).toEqual([true]);
  } finally {
    await held.close();
  }
});
