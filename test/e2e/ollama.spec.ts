import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings } from './support/surfaces';

test('Ollama works with zero setup: our Origin is dropped for our own requests only', async ({
  pageServer,
  context,
  worker,
  extensionId,
  openPage,
}) => {
  // Like a default Ollama: an extension Origin gets an empty 403.
  const ollama = await startOpenAIFake({ api: 'ollama', rejectExtensionOrigins: true, ollamaTags: ['llama3.2:latest'] });
  try {
    await saveSettings(worker, { baseUrls: { ollama: ollama.url } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Local models need no key.');
    await popup.chooseProvider('Ollama (local)');
    await expect(popup.page.getByText('Ollama runs on your computer and needs no key.')).toBeVisible();
    await popup.setModel('llama3.2:latest');
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2 w3');
    await expect(popup.badge).toHaveText(/Local/);
    const ours = ollama.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(ours.length).toBeGreaterThan(0);
    for (const request of ours) {
      expect(request.headers.origin).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }

    // The rule is a session rule, for our initiator and the Ollama host only.
    const rules = await worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    expect(rules).toHaveLength(1);
    expect(rules[0]?.condition.initiatorDomains).toEqual([extensionId]);
    expect(rules[0]?.condition.urlFilter).toBe(`|${ollama.url}/`);
    expect(await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).toHaveLength(0);

    // A web page calling the same Ollama keeps its Origin, so Ollama's own check still applies to pages.
    const page = await context.newPage();
    await page.goto(`${pageServer.url}/article.html`);
    const before = ollama.requests.length;
    await page.evaluate((url) => fetch(`${url}/api/tags`).catch(() => undefined), ollama.url);
    await expect.poll(() => ollama.requests.length).toBeGreaterThan(before);
    expect(ollama.requests.at(-1)?.headers.origin).toBe(pageServer.url);
  } finally {
    await ollama.close();
  }
});

test('when Ollama still refuses (403), the error shows the exact OLLAMA_ORIGINS line', async ({ worker, extensionId, openPage }) => {
  const ollama = await startOpenAIFake({ api: 'ollama' });
  try {
    await saveSettings(worker, { baseUrls: { ollama: ollama.url } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Text.');
    await popup.chooseProvider('Ollama (local)');
    await popup.setModel('fault-403');
    await popup.run();
    await expect(popup.answer.getByRole('alert')).toContainText(`OLLAMA_ORIGINS=chrome-extension://${extensionId}`);
  } finally {
    await ollama.close();
  }
});

test('when Ollama is not running, the error says how to start it', async ({ worker, openPage }) => {
  await saveSettings(worker, { baseUrls: { ollama: 'http://127.0.0.1:9' } });
  const popup = new FeaturePage(await openPage('popup'));
  await popup.page.getByLabel('Text to summarize').fill('Text.');
  await popup.chooseProvider('Ollama (local)');
  await popup.run();
  await expect(popup.answer.getByRole('alert')).toContainText('Ollama is not reachable at http://127.0.0.1:9');
  await expect(popup.answer.getByRole('alert')).toContainText('ollama serve');
});
