import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { startCuttableOpenAI } from '../support/cut-stream';
import { setModelCommitted, waitForAnswerEnd } from '../support/probes';
import { saveSettings } from '../support/surfaces';
import { stopServiceWorker } from '../support/worker';
import { expectFault, injected, OPENAI_KEY, TYPED } from '../support/faults';

/** After a failure, one click recovers: Retry after a cut, a failed chat turn, a stopped worker. */
test.afterAll(() => {
  console.log(`faults injected through the UI: ${injected.length} (${injected.join(', ')})`);
});

test('Retry after a transient cut: the first run keeps the partial text with the error, Retry in the alert completes it', async ({
  worker,
  openPage,
}) => {
  // The shared fake's `cut-once` cuts a few milliseconds after its first chunks, which can beat the
  // chunks to the client (then the engine retries before the first token and nothing fails):
  // this one holds the first stream open until its partial text is on screen, then cuts it.
  const { fake, cut } = await startCuttableOpenAI({ keys: [OPENAI_KEY], once: true });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const ui = new FeaturePage(await openPage('popup'));
    await ui.chooseFeature('Summarizer');
    await ui.page.getByLabel('Text to summarize').fill(TYPED);
    await setModelCommitted(ui, 'summarizer', 'cut-once');
    await ui.saveKey(OPENAI_KEY);
    await expectFault(ui, {
      name: 'cut once (then fine)',
      model: 'cut-once',
      message: 'OpenAI closed the connection before the answer was complete. The partial text is kept; Retry to run it again.',
      partial: 'Partial w1 w2',
      during: async (page) => {
        await expect(page.answer.locator('.markdown')).toContainText('Partial w1 w2');
        cut();
      },
    });
    await ui.answer.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expect(ui.answer.locator('.markdown')).toHaveText('Answer w1 w2 w3 w4 w5 w6 w7');
    await waitForAnswerEnd(ui.answer);
    await expect(ui.answer.getByRole('alert')).toHaveCount(0);
    await expect(ui.badge).toHaveText(/BYOK/);
    await expect(ui.page.getByLabel('Text to summarize')).toHaveValue(TYPED);
    const sent = fake.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toBe(sent[0]?.body);
  } finally {
    await fake.close();
  }
});

test('side panel chat: an error on the third turn keeps the history and the message; Retry with a working model completes it', async ({
  worker,
  openPage,
}) => {
  const fake = await startOpenAIFake({ keys: [OPENAI_KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const panel = await openPage('sidepanel');
    const ui = new FeaturePage(panel);
    await setModelCommitted(ui, 'chat', 'gpt-test');
    await ui.saveKey(OPENAI_KEY);
    const composer = panel.getByLabel('Message', { exact: true });
    const users = panel.locator('.turn-user .turn-text');
    const assistants = panel.locator('.turn-assistant');
    for (const [index, message] of ['First question', 'Second question'].entries()) {
      await composer.fill(message);
      await composer.press('Enter');
      await expect(assistants).toHaveCount(index + 1);
      await expect(assistants.last()).toContainText('Answer w1 w2 w3');
    }

    await setModelCommitted(ui, 'chat', 'fault-500');
    injected.push('chat: 500 on the third turn');
    await composer.fill('Third question');
    await composer.press('Enter');
    const pending = panel.locator('section.answer');
    await expect(pending.getByRole('alert').locator('p').first()).toHaveText('OpenAI had an internal error. Try again in a moment.', {
      timeout: 30_000,
    });
    await expect(users).toHaveText(['First question', 'Second question', 'Third question']);
    await expect(assistants).toHaveCount(2);

    await setModelCommitted(ui, 'chat', 'gpt-test');
    const chats = () => fake.requests.filter((request) => request.path === '/v1/chat/completions');
    const before = chats().length;
    await pending.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    // Retry answers the pending question with the model now chosen in the provider bar.
    await expect.poll(() => chats().length).toBeGreaterThan(before);
    const retriedWith = (JSON.parse(chats()[before]?.body ?? '{}') as { model?: string }).model;
    expect.soft(retriedWith, 'the model Retry sent after the user switched back to gpt-test').toBe('gpt-test');
    await expect(assistants).toHaveCount(3);
    await expect(assistants.last()).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await expect(panel.locator('section.answer')).toHaveCount(0);
    await expect(users).toHaveText(['First question', 'Second question', 'Third question']);
    await expect(panel.getByRole('alert')).toHaveCount(0);

    // The retried request carried the whole conversation, the third question once.
    const last = JSON.parse(chats().at(-1)?.body ?? '{}') as {
      model: string;
      messages: { role: string; content: string }[];
    };
    expect(last.model).toBe('gpt-test');
    expect(last.messages.filter((entry) => entry.role === 'user').map((entry) => entry.content)).toEqual([
      'First question',
      'Second question',
      'Third question',
    ]);
    expect(last.messages.filter((entry) => entry.role === 'assistant')).toHaveLength(2);
  } finally {
    await fake.close();
  }
});

test('the service worker stopped mid-stream: "interrupted", the partial text stays, Retry works without re-entering the key', async ({
  context,
  worker,
  openPage,
}) => {
  test.setTimeout(120_000);
  const fake: FakeServer = await startOpenAIFake({ keys: [OPENAI_KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popupPage = await openPage('popup');
    const ui = new FeaturePage(popupPage);
    await ui.chooseFeature('Summarizer');
    await popupPage.getByLabel('Text to summarize').fill(TYPED);
    await setModelCommitted(ui, 'summarizer', 'slow');
    await ui.saveKey(OPENAI_KEY);
    await ui.run();
    await expect(ui.answer.locator('.markdown')).toContainText('Answer w1 w2 w3');

    injected.push('service worker stopped mid-stream');
    await stopServiceWorker(context, popupPage);
    const alert = ui.answer.getByRole('alert');
    await expect(alert.locator('p').first()).toHaveText('The answer was interrupted. The partial text is kept; Retry to run it again.');
    await expect(alert).toContainText('The answer was interrupted');
    const partial = ((await ui.answer.locator('.markdown').textContent()) ?? '').trim();
    expect(partial).toMatch(/^Answer w1 w2 w3/);
    expect(partial).not.toContain('w199');
    await expect(popupPage.getByLabel('Text to summarize')).toHaveValue(TYPED);
    await ui.openProviderBar();
    await expect(popupPage.getByText(/Key saved for this browser session/)).toBeVisible();

    const before = fake.requests.length;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(ui.answer.locator('.markdown')).toContainText('w199', { timeout: 30_000 });
    await waitForAnswerEnd(ui.answer);
    await expect(ui.answer.getByRole('alert')).toHaveCount(0);
    await expect(ui.badge).toHaveText(/BYOK/);
    await expect(popupPage.getByText(/Key saved for this browser session/)).toBeVisible();
    await expect(popupPage.getByRole('textbox', { name: / API key$/ })).toHaveCount(0);
    const retried = fake.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
    expect(retried).toHaveLength(1);
    expect(retried[0]?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  } finally {
    await fake.close();
  }
});
