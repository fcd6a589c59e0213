import { startGromptFake } from '../../fakes/grompt-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { setModelCommitted, waitForAnswerEnd } from '../support/probes';
import { saveSettings } from '../support/surfaces';
import { expectFault, injected, TYPED } from '../support/faults';

/** The Grompt server's faults: builds without the unified API, and servers from before BYOK. */
test.afterAll(() => {
  console.log(`faults injected through the UI: ${injected.length} (${injected.join(', ')})`);
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
