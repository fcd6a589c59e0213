import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http';
import { startPageServer } from '../e2e/support/page-server';
import { Firefox, type Scheme } from './driver';
import { FeatureUi } from './feature-ui';
import { openPopupOver, selectText } from './surfaces';
import { fill, find } from './pages';
import { waitFor } from './wait';

// Screenshots land in docs/screenshots when asked for (UPDATE_SCREENSHOTS=1), else with the test results.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

let firefox: Firefox;
let pages: FakeServer;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [firefox, pages] = await Promise.all([Firefox.launch(), startPageServer()]);
});
afterAll(async () => {
  await pages?.close();
  await firefox?.close();
});

/** What the page is painted with: the scheme it sees, and its background colour. */
function looks(page: Page) {
  return page.evaluate(() => ({
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: getComputedStyle(document.body).backgroundColor,
  }));
}

const DARK_BACKGROUND = 'rgb(13, 17, 23)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

// Each scheme summarises a different paragraph: the popup keeps its last answer, so a fresh one must differ.
const PARAGRAPHS = {
  light: { css: '#lead', sentence: 'Tidal turbines installed in three northern harbours' },
  dark: { css: 'article p:nth-of-type(2)', sentence: 'Fishermen worry that turbines disturb migrating salmon' },
};

describe.each(['light', 'dark'] as const)('%s', (scheme: Scheme) => {
  beforeAll(() => firefox.setScheme(scheme));

  it('popup: the selection pre-fills the summarizer, and the demo answer streams in with the Demo badge', async () => {
    const article = await firefox.browser.newPage();
    await article.goto(`${pages.url}/article.html`);
    const paragraph = PARAGRAPHS[scheme];
    const selected = await selectText(article, paragraph.css);
    const popup = new FeatureUi(await openPopupOver(firefox, { width: 440, height: 600 }));
    expect(await looks(popup.page)).toEqual({
      dark: scheme === 'dark',
      background: scheme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    });
    await waitFor(
      () => popup.page.evaluate(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? ''),
      'the selection in the popup',
    ).then((value) => expect(value).toBe(selected.trim()));
    await popup.run();
    const answer = await popup.waitForAnswer(new RegExp(`Key Insights[\\s\\S]*${paragraph.sentence}[\\s\\S]*OpenAI`));
    expect(answer).toMatch(/^Demo/);
    await popup.waitForEnd();
    expect(await popup.badge()).toBe('demo');
    await popup.page.screenshot({ path: `${SHOTS}/firefox-popup-${scheme}.png` });
    await popup.page.close();
    await article.close();
  });

  it('sidebar: the chat answers in demo mode, and the image prompt shows the Demo badge', async () => {
    const panel = new FeatureUi(await firefox.open('sidepanel', '', { width: 420, height: 760 }));
    expect(await looks(panel.page)).toEqual({
      dark: scheme === 'dark',
      background: scheme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    });
    await panel.chooseFeature('Image Prompt');
    await panel.fill('Subject', 'a lighthouse on a cliff at dawn');
    await panel.run();
    await panel.waitForAnswer(/Prompt: a lighthouse on a cliff at dawn/);
    expect(await panel.badge()).toBe('demo');

    await panel.chooseFeature('Chat');
    await fill(panel.page, { label: 'Message' }, 'How predictable is tidal energy compared with wind?');
    await panel.page.keyboard.press('Enter');
    await waitFor(
      () => panel.page.evaluate(() => document.querySelector('.turn-assistant .badge')?.getAttribute('data-mode') === 'demo'),
      'the demo chat answer',
    );
    // Finished when Regenerate is offered again (Stop is there while the turn is being recorded).
    await waitFor(
      async () => !(await (await find(panel.page, { button: 'Regenerate' })).evaluate((button) => (button as HTMLButtonElement).disabled)),
      'Regenerate',
    );
    await panel.page.screenshot({ path: `${SHOTS}/firefox-sidebar-${scheme}.png` });
    await panel.page.close();
  });
});
