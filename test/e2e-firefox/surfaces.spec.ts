import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http';
import { startPageServer } from '../e2e/support/page-server';
import { Firefox, type Scheme } from './driver';
import { FeatureUi } from './feature-ui';
import { chooseFromContextMenu, closeSidebar, pressShortcut, sidebarOpen, sidebarText } from './browser-ui';
import { click, fill, find, paintedScheme } from './pages';
import { openPopupOver, selectText } from './popup-window';
import { waitFor, waitForText } from './wait';

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
    expect(await paintedScheme(popup.page)).toEqual({
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
    await popup.waitForMarkdown();
    await popup.page.screenshot({ path: `${SHOTS}/firefox-popup-${scheme}.png` });
    await popup.page.close();
    await article.close();
  });

  it('sidebar: the chat answers in demo mode, and the image prompt shows the Demo badge', async () => {
    const panel = new FeatureUi(await firefox.open('sidepanel', '', { width: 420, height: 760 }));
    expect(await paintedScheme(panel.page)).toEqual({
      dark: scheme === 'dark',
      background: scheme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    });
    await panel.chooseFeature('Image Prompt');
    await panel.fill('Subject', 'a lighthouse on a cliff at dawn');
    await panel.run();
    await panel.waitForAnswer(/Prompt: a lighthouse on a cliff at dawn/);
    expect(await panel.badge()).toBe('demo');

    await panel.chooseFeature('Chat');
    // The conversation lasts the browser session: start a new one, so that this answer is this scheme's.
    await click(panel.page, { button: 'New chat' });
    await waitFor(() => panel.page.evaluate(() => document.querySelectorAll('.turn').length === 0), 'an empty conversation');
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
    await panel.waitForMarkdown();
    await panel.page.screenshot({ path: `${SHOTS}/firefox-sidebar-${scheme}.png` });
    await panel.page.close();
  });
});

it('"Summarize with Grompt" in the context menu opens the sidebar, which streams the summary of the selection', async () => {
  await closeSidebar(firefox);
  const article = await firefox.browser.newPage();
  await article.goto(`${pages.url}/article.html`);
  await selectText(article, '#lead');
  await chooseFromContextMenu(firefox, article, '#lead', 'Summarize with Grompt');
  await waitFor(() => sidebarOpen(firefox), 'the sidebar to open');
  // The finished answer (aria-busy false once it has streamed to its end).
  await waitForText(
    () => sidebarText(firefox, 'section.answer[aria-busy="false"]'),
    /^Demo[\s\S]*Key Insights[\s\S]*Tidal turbines installed in three northern harbours/,
    'the summary in the sidebar',
  );
  expect(await sidebarText(firefox, '[role="tab"][aria-selected="true"]')).toBe('Summarizer');
  await article.close();
});

it('"Continue in side panel" opens the sidebar with the popup’s answer', async () => {
  await closeSidebar(firefox);
  const popup = new FeatureUi(await firefox.open('popup'));
  await popup.chooseFeature('Image Prompt');
  await popup.fill('Subject', 'a paper boat on a pond');
  await popup.run();
  await popup.waitForAnswer(/Prompt: a paper boat on a pond/);
  await popup.waitForEnd();
  await click(popup.page, { button: 'Continue in side panel' });
  await waitFor(() => sidebarOpen(firefox), 'the sidebar to open');
  await waitForText(
    () => sidebarText(firefox, 'section.answer'),
    /^Demo[\s\S]*Prompt: a paper boat on a pond/,
    'the answer in the sidebar',
  );
  expect(await sidebarText(firefox, '[role="tab"][aria-selected="true"]')).toBe('Image');
});

it('the shortcuts, as Firefox registered them: Alt+Shift+U summarizes the selection into the sidebar, Alt+Shift+G opens it', async () => {
  await closeSidebar(firefox);
  const article = await firefox.browser.newPage();
  await article.goto(`${pages.url}/article.html`);
  await selectText(article, 'article p:nth-of-type(3)');
  await article.bringToFront();
  await pressShortcut(firefox, 'U');
  await waitFor(() => sidebarOpen(firefox), 'the sidebar to open');
  await waitForText(
    () => sidebarText(firefox, 'section.answer[aria-busy="false"]'),
    /^Demo[\s\S]*The cost per megawatt hour fell by a third/,
    'the summary in the sidebar',
  );
  await closeSidebar(firefox);
  await pressShortcut(firefox, 'G');
  await waitFor(() => sidebarOpen(firefox), 'the sidebar to open again');
  await article.close();
});
