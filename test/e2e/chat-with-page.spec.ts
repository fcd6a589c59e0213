import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { lastChatBody } from './support/requests';
import { saveSettings } from './support/surfaces';
import { activate } from './support/tabs';

/** A sentence from the article's body (not the selection), and the navigation Readability leaves out. */
const BODY = 'A two-year study found no measurable change in salmon counts near the turbines.';
const NAVIGATION = 'Home · News · Contact';

const systemOf = (body: string | undefined) =>
  (JSON.parse(body ?? '{}') as { messages: { role: string; content: string }[] }).messages.find((message) => message.role === 'system')
    ?.content ?? '';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** The side panel open, the article in front, and "Chat about this page" pressed: the chip names the article. */
async function chatAboutArticle(worker: Fixtures['worker'], openPage: Fixtures['openPage'], openTestPage: Fixtures['openTestPage']) {
  const panel = await openPage('sidepanel');
  const article = await openTestPage();
  await activate(worker, article);
  await panel.getByRole('button', { name: 'Chat about this page' }).click();
  const chip = panel.getByRole('group', { name: 'The page this chat is about' });
  await expect(chip).toContainText('Tidal energy in northern harbours');
  return { panel, article, chip };
}

test('"Chat about this page": the question goes out with the article; follow-ups keep it; removed, it is gone', async ({
  worker,
  openPage,
  openTestPage,
  byokOpenAI: { fake },
}) => {
  const { panel, chip } = await chatAboutArticle(worker, openPage, openTestPage);
  await expect(panel.getByRole('button', { name: 'Chat about this page' })).toHaveCount(0);

  const composer = panel.getByLabel('Message', { exact: true });
  await composer.fill('Did the turbines harm the salmon?');
  await composer.press('Enter');
  await expect(panel.locator('.turn-assistant')).toHaveCount(1, { timeout: 20_000 });
  await expect(panel.locator('.turn-assistant .badge')).toHaveText(/BYOK/);
  const first = systemOf(lastChatBody(fake.requests));
  expect(first).toContain('<material kind="page">');
  expect(first).toContain(BODY);
  expect(first).not.toContain(NAVIGATION);

  await composer.fill('And the cost?');
  await composer.press('Enter');
  await expect(panel.locator('.turn-assistant')).toHaveCount(2, { timeout: 20_000 });
  expect(systemOf(lastChatBody(fake.requests))).toContain(BODY);
  // Kept once, with the conversation, never inside a turn.
  const stored = await worker.evaluate(
    async () => (await chrome.storage.session.get('chat')).chat as { turns: { content: string }[]; page?: { text: string } },
  );
  expect(stored.page?.text).toContain(BODY);
  expect(stored.turns.some((turn) => turn.content.includes(BODY))).toBe(false);

  await chip.getByRole('button', { name: 'Remove the page from the chat' }).click();
  await expect(chip).toHaveCount(0);
  await composer.fill('Anything else?');
  await composer.press('Enter');
  await expect(panel.locator('.turn-assistant')).toHaveCount(3, { timeout: 20_000 });
  expect(systemOf(lastChatBody(fake.requests))).not.toContain(BODY);
});

test('a page longer than the model takes is trimmed, with a note on the chip and on the answer', async ({
  worker,
  openPage,
  context,
  pageServer,
}) => {
  const fake = await startOpenAIFake();
  try {
    // A keyless local server: a custom provider with the small budget of local models.
    await saveSettings(worker, {
      provider: 'custom:local',
      customProviders: [
        {
          id: 'custom:local',
          name: 'Local server',
          baseUrl: `${fake.url}/v1`,
          needsKey: false,
          defaultModel: 'local-model',
          tokenParameter: 'max_tokens',
        },
      ],
    });
    const sentence = (index: number) =>
      `In harbour ${index}, engineers measured ${index * 7} megawatt hours, noted the tide tables, and compared turbine wear with the year before.`;
    const paragraphs = Array.from(
      { length: 60 },
      (_, index) => `<p>${[0, 1, 2, 3].map((part) => sentence(index * 4 + part)).join(' ')}</p>`,
    ).join('');
    pageServer.addPages({
      '/long.html': `<!doctype html><html><head><title>A very long report</title></head><body><article><h1>A very long report</h1><p>OPENING LINE of the report.</p>${paragraphs}<p>CLOSING LINE of the report.</p></article></body></html>`,
    });
    const panel = await openPage('sidepanel');
    const long = await context.newPage();
    await long.goto(`${pageServer.url}/long.html`);
    await activate(worker, long);

    await panel.getByRole('button', { name: 'Chat about this page' }).click();
    await expect(panel.getByRole('group', { name: 'The page this chat is about' })).toContainText('A very long report');
    await expect(panel.getByRole('note')).toContainText(/Longer than Local server takes: \d+% of it is sent/);
    const composer = panel.getByLabel('Message', { exact: true });
    await composer.fill('Summarize the report.');
    await composer.press('Enter');
    const answer = panel.locator('.turn-assistant');
    await expect(answer).toHaveCount(1, { timeout: 20_000 });
    await expect(answer.getByRole('note')).toContainText(/The page was trimmed to \d+% to fit the model/);
    const system = systemOf(lastChatBody(fake.requests));
    expect(system).toContain('OPENING LINE');
    expect(system).toContain('CLOSING LINE');
    expect(system).toContain('characters omitted');
  } finally {
    await fake.close();
  }
});

test('moving to another tab offers to switch the chat to that page', async ({ worker, openPage, openTestPage, pageServer, context }) => {
  pageServer.addPages({
    '/second.html':
      '<!doctype html><html><head><title>Wind farms at sea</title></head><body><article><h1>Wind farms at sea</h1><p>Offshore wind farms doubled their output this decade, and the turbines keep growing taller every year.</p><p>Maintenance ships now work in higher waves than before.</p></article></body></html>',
  });
  const { panel, article, chip } = await chatAboutArticle(worker, openPage, openTestPage);

  const second = await context.newPage();
  await second.goto(`${pageServer.url}/second.html`);
  await second.bringToFront();
  const offer = panel.getByRole('group', { name: 'You moved to another tab. Chat about that page instead?' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Keep the current one' }).click();
  await expect(offer).toHaveCount(0);
  await expect(chip).toContainText('Tidal energy in northern harbours');

  // Back to the page of the chat, then away again: the offer comes back for the other tab.
  await article.bringToFront();
  await second.reload();
  await second.bringToFront();
  await expect(offer).toHaveCount(0);
  const third = await context.newPage();
  await third.goto(`${pageServer.url}/second.html?again`);
  await third.bringToFront();
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Use this page' }).click();
  await expect(chip).toContainText('Wind farms at sea');
  await expect(offer).toHaveCount(0);
});
