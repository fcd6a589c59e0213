import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import { startGromptFake } from '../../fakes/grompt-fake';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { startCuttableOpenAI } from '../support/cut-stream';
import { setModelCommitted, waitForAnswerEnd } from '../support/probes';
import { saveSettings } from '../support/surfaces';
import { stopServiceWorker } from '../support/worker';
import { hex } from '../support/random';

const OPENAI_KEY = `sk-proj-${hex()}`;
const GEMINI_KEY = `AIza${hex()}${hex().slice(0, 3)}`;
const ANTHROPIC_KEY = `sk-ant-api03-${hex()}`;
/** What the user typed: it must survive every failure untouched. */
const TYPED = 'Quarterly notes: the harbour turbines made 14 GWh; salmon counts unchanged; costs down a third.';

/** Markup, stack frames, exception names: none of it belongs in what the user reads. */
const RAW = /<\/?[a-z!][^>]*>|&lt;|&gt;|\bat \S+ \(|\.(js|ts):\d+|\b(Type|Syntax|Reference|Range)Error\b|\bstack\b|undefined|\[object /i;

interface Fault {
  name: string;
  model: string;
  /** The exact first sentence(s) of the alert, from lib/i18n/en.ts. */
  message: string;
  /** Text streamed before the failure, which must stay visible. */
  partial?: string;
  settings?: Record<string, unknown>;
  /** What happens while the answer runs (e.g. cutting the stream once its first words are on screen). */
  during?: (ui: FeaturePage) => Promise<void>;
}

const injected: string[] = [];

/** Runs once and checks the error the user sees: exact sentence, nothing raw, input and partial text kept. */
async function expectFault(ui: FeaturePage, fault: Fault, options: { field: string; meta?: boolean } = { field: 'Text to summarize' }) {
  injected.push(fault.name);
  await ui.run();
  await fault.during?.(ui);
  // The answer shown is this run's (each fault has its own model name), not the previous one's.
  if (options.meta !== false) await expect(ui.answer.locator('.answer-meta')).toContainText(` · ${fault.model} · `, { timeout: 30_000 });
  await waitForAnswerEnd(ui.answer);
  const alert = ui.answer.getByRole('alert');
  await expect(alert, fault.name).toBeVisible();
  const shown = (await alert.textContent()) ?? '';
  // Soft: a wrong sentence is reported (with the whole alert), and the rest of the table still runs.
  await expect.soft(alert.locator('p').first(), `${fault.name} — the alert reads: ${JSON.stringify(shown)}`).toHaveText(fault.message);
  expect(shown, `${fault.name}: raw markup or a stack trace in the alert`).not.toMatch(RAW);
  await expect(alert.getByRole('button', { name: 'Retry' }), fault.name).toBeVisible();
  await expect(ui.page.getByLabel(options.field, { exact: true }), `${fault.name}: the typed input`).toHaveValue(TYPED);
  if (fault.partial) await expect(ui.answer.locator('.markdown'), `${fault.name}: partial text`).toContainText(fault.partial);
  else await expect(ui.answer.locator('.markdown'), `${fault.name}: no answer text`).toHaveCount(0);
  // Nothing raw anywhere in the answer, not only in the alert.
  expect((await ui.answer.textContent()) ?? '', `${fault.name}: raw text in the answer`).not.toMatch(RAW);
}

test.afterAll(() => {
  console.log(`faults injected through the UI: ${injected.length} (${injected.join(', ')})`);
});

test('OpenAI faults in the popup: 401, 403, 400, 404, 429 + retry-after, quota, 500, HTML proxy page, malformed JSON, cut stream, hang, refused', async ({
  worker,
  openPage,
}) => {
  test.setTimeout(180_000);
  const fake = await startOpenAIFake({ keys: [OPENAI_KEY] });
  const cuttable = await startCuttableOpenAI({ keys: [OPENAI_KEY], once: false });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const ui = new FeaturePage(await openPage('popup'));
    await ui.chooseFeature('Summarizer');
    await ui.page.getByLabel('Text to summarize').fill(TYPED);

    // 401: the key the user typed is not one the provider knows.
    await setModelCommitted(ui, 'summarizer', 'gpt-wrong-key');
    await ui.saveKey(`sk-proj-${hex()}`);
    await expectFault(ui, {
      name: '401 wrong key',
      model: 'gpt-wrong-key',
      message: 'OpenAI rejected the API key. Check it, or forget it and enter a new one.',
    });
    await ui.openProviderBar();
    await ui.page.getByRole('button', { name: 'Forget', exact: true }).click();
    await ui.saveKey(OPENAI_KEY);

    const faults: Fault[] = [
      {
        name: '403',
        model: 'fault-403',
        message: 'OpenAI refused the request: the key has no access to this model or feature.',
      },
      { name: '400', model: 'fault-400', message: 'OpenAI could not process the request.' },
      { name: '404 model', model: 'fault-404', message: 'OpenAI does not know the model “fault-404”. Pick another model.' },
      { name: '429 retry-after 30', model: 'fault-429', message: 'OpenAI is rate limiting requests. Try again in 30 s.' },
      {
        name: '429 quota',
        model: 'fault-quota',
        message: 'Your OpenAI quota is used up. Check the plan and billing of your account.',
      },
      { name: '500', model: 'fault-500', message: 'OpenAI had an internal error. Try again in a moment.' },
      { name: '502 HTML page from a proxy', model: 'fault-html', message: 'OpenAI had an internal error. Try again in a moment.' },
      {
        name: 'malformed JSON mid-stream',
        model: 'fault-malformed',
        message: 'OpenAI sent a response Grompt could not read.',
        partial: 'Partial',
      },
      {
        name: 'stream cut mid-answer',
        model: 'fault-cut',
        message: 'OpenAI closed the connection before the answer was complete. The partial text is kept; Retry to run it again.',
        partial: 'Partial w1 w2',
        settings: { baseUrls: { openai: `${cuttable.fake.url}/v1` } },
        during: async (page) => {
          await expect(page.answer.locator('.markdown')).toContainText('Partial w1 w2');
          cuttable.cut();
        },
      },
      {
        name: 'never answers',
        model: 'fault-hang',
        message: 'OpenAI did not answer in time.',
        settings: { timeoutSeconds: 5, baseUrls: { openai: `${fake.url}/v1` } },
      },
      {
        name: 'connection refused',
        model: 'gpt-refused',
        message: 'Could not reach OpenAI. Check your connection (or that the server is running).',
        settings: { timeoutSeconds: 90, baseUrls: { openai: 'http://127.0.0.1:9' } },
      },
    ];
    const requests: Record<string, number> = {};
    for (const fault of faults) {
      if (fault.settings) await saveSettings(worker, fault.settings);
      await setModelCommitted(ui, 'summarizer', fault.model);
      const seen = () => fake.requests.length + cuttable.fake.requests.length;
      const before = seen();
      await expectFault(ui, fault);
      requests[fault.name] = seen() - before;
    }
    console.log('requests the OpenAI fakes received per fault (retries included):', requests);
    // The HTML page must not have leaked into the page as markup or text.
    await expect(ui.page.locator('body')).not.toContainText('nginx');
    await expect(ui.page.locator('body')).not.toContainText('Bad Gateway');
  } finally {
    await fake.close();
    await cuttable.fake.close();
  }
});

test('Gemini and Anthropic faults in the popup: 400 invalid key, SAFETY block, 529 overloaded, mid-stream error event', async ({
  worker,
  openPage,
}) => {
  test.setTimeout(120_000);
  const gemini = await startGeminiFake({ keys: [GEMINI_KEY] });
  const anthropic = await startAnthropicFake({ keys: [ANTHROPIC_KEY] });
  try {
    await saveSettings(worker, { baseUrls: { gemini: gemini.url, claude: anthropic.url } });
    const ui = new FeaturePage(await openPage('popup'));
    await ui.chooseFeature('Summarizer');
    await ui.page.getByLabel('Text to summarize').fill(TYPED);

    await ui.chooseProvider('Google Gemini');
    await setModelCommitted(ui, 'summarizer', 'gemini-test');
    await ui.saveKey(`AIza${hex()}${hex().slice(0, 3)}`);
    await expectFault(ui, {
      name: 'Gemini 400 INVALID_ARGUMENT (bad key)',
      model: 'gemini-test',
      message: 'Google Gemini rejected the API key. Check it, or forget it and enter a new one.',
    });
    await ui.openProviderBar();
    await ui.page.getByRole('button', { name: 'Forget', exact: true }).click();
    await ui.saveKey(GEMINI_KEY);
    await setModelCommitted(ui, 'summarizer', 'fault-blocked');
    await expectFault(ui, {
      name: 'Gemini SAFETY',
      model: 'fault-blocked',
      message: 'Google Gemini blocked this answer with its safety filter. Rephrase the request.',
    });

    await ui.chooseProvider('Anthropic Claude');
    await setModelCommitted(ui, 'summarizer', 'fault-529');
    await ui.saveKey(ANTHROPIC_KEY);
    await expectFault(ui, {
      name: 'Anthropic 529 overloaded',
      model: 'fault-529',
      message: 'Anthropic Claude is overloaded right now. Try again in a moment.',
    });
    await setModelCommitted(ui, 'summarizer', 'fault-blocked');
    await expectFault(ui, {
      name: 'Anthropic mid-stream error event',
      model: 'fault-blocked',
      message: 'Anthropic Claude is overloaded right now. Try again in a moment.',
      partial: 'Partial w1',
    });
  } finally {
    await gemini.close();
    await anthropic.close();
  }
});

test('Grompt server faults in the popup: every route 404 → "does not serve the unified API"; a pre-BYOK server answers with the Server badge', async ({
  worker,
  openPage,
}) => {
  const broken = await startGromptFake({ prefix: 'none' });
  const old = await startGromptFake({ prefix: '/api', preByok: true, serverKeys: ['openai'] });
  try {
    await saveSettings(worker, { server: { url: broken.url, prefix: 'auto', routing: 'direct' } });
    const ui = new FeaturePage(await openPage('popup'));
    await ui.chooseFeature('Summarizer');
    await ui.page.getByLabel('Text to summarize').fill(TYPED);
    await setModelCommitted(ui, 'summarizer', 'gpt-test');
    await expectFault(
      ui,
      {
        name: 'Grompt server: every route 404',
        model: 'gpt-test',
        message: 'This Grompt server does not serve the unified API (tried /api/v1 and /api). Update the server or check the URL.',
      },
      { field: 'Text to summarize', meta: false },
    );
    expect(broken.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/health', 'GET /api/health']),
    );

    injected.push('Grompt server: pre-BYOK (no mode in the answer)');
    await saveSettings(worker, { server: { url: old.url, prefix: 'auto', routing: 'direct' } });
    await ui.run();
    await expect(ui.answer).toContainText('Answer from openai (server)');
    await expect(ui.badge).toHaveText(/Server/);
    await waitForAnswerEnd(ui.answer);
    await expect(ui.answer.getByRole('alert')).toHaveCount(0);
    await expect(ui.page.getByLabel('Text to summarize')).toHaveValue(TYPED);
    expect(old.requests.filter((request) => request.path === '/api/unified')).toHaveLength(1);
  } finally {
    await broken.close();
    await old.close();
  }
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
