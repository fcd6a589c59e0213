import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { startCuttableOpenAI } from '../support/cut-stream';
import { setModelCommitted } from '../support/probes';
import { saveSettings } from '../support/surfaces';
import { hex } from '../support/random';
import { ANTHROPIC_KEY, expectFault, type Fault, GEMINI_KEY, injected, OPENAI_KEY, TYPED } from '../support/faults';

/** Provider faults as the user meets them in the popup: the exact sentence, nothing raw, nothing lost. */
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
