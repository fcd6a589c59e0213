import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { installTraps, readTraps } from '../support/probes';
import { selectText } from '../support/surfaces';

const _KEY = 'sk-proj-hostile0123456789abcdef0123456789';

test('hostile selections (markup as text, zero-width, RTL override, Arabic/Hebrew, emoji ZWJ, control characters) are kept as selected and summarised inert', async ({
  openTestPage,
  openPopup,
}) => {
  const article = await openTestPage('hostile.html');
  for (const selector of ['#tricky', '#junk']) {
    await article.bringToFront();
    const selected = await selectText(article, selector);
    expect(selected.length).toBeGreaterThan(100);

    const popup = await openPopup();
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
});
