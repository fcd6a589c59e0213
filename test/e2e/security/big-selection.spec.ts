import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { longTasks, pageNow, setModelCommitted, watchLongTasks } from '../support/probes';
import { saveSettings, selectText } from '../support/surfaces';

const KEY = 'sk-proj-hostile0123456789abcdef0123456789';

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
  pageServer,
  openTestPage,
  worker,
  openPopup,
}) => {
  test.setTimeout(180_000);
  const big = bigPage();
  expect(big.length).toBeGreaterThanOrEqual(1_990_000);
  pageServer.addPages({ '/big.html': big.html });
  const fake = await startOpenAIFake({ keys: [KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const article = await openTestPage('big.html');
    const selected = await selectText(article, '#big');
    expect(selected.length).toBeGreaterThanOrEqual(1_990_000);

    const openedAt = Date.now();
    const popup = await openPopup();
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
  }
});
