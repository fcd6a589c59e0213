import type { Page } from 'puppeteer-core';
import type { WebExtensionApi } from './driver';
import { click, fill, find, textOf } from './pages';
import { waitFor, waitForText } from './wait';

/** The popup or the sidebar (same controls) as a person uses it; the Firefox twin of test/e2e/support/popup-page.ts. */
export class FeatureUi {
  constructor(readonly page: Page) {}

  async chooseFeature(tab: string): Promise<void> {
    await click(this.page, { tab });
    await waitFor(
      () =>
        this.page.evaluate(
          (name) => document.querySelector(`[role="tab"][aria-label="${name}"]`)?.getAttribute('aria-selected') === 'true',
          tab,
        ),
      `tab ${tab}`,
    );
  }

  fill(label: string, text: string): Promise<void> {
    return fill(this.page, { label }, text);
  }

  /** In the popup the provider bar is folded into a summary line: open it first. */
  async openProviderBar(): Promise<void> {
    const folded = await this.page.evaluate(() => {
      const details = document.querySelector<HTMLDetailsElement>('details.provider-details');
      return Boolean(details && !details.open);
    });
    if (folded) await click(this.page, { css: 'details.provider-details > summary' });
  }

  async chooseProvider(label: string): Promise<void> {
    await this.openProviderBar();
    const select = await find(this.page, { label: 'Provider' });
    const value = await select.evaluate(
      (element, wanted) => [...(element as HTMLSelectElement).options].find((option) => option.text === wanted)?.value,
      label,
    );
    if (!value) throw new Error(`no provider "${label}"`);
    await select.select(value);
  }

  /** Sets the model and waits until it is committed to the settings Run reads (a storage round trip). */
  async setModel(model: string, feature = 'summarizer'): Promise<void> {
    await this.openProviderBar();
    await fill(this.page, { label: 'Model' }, model);
    // The model field saves on Enter or blur, not on every keystroke.
    await this.page.keyboard.press('Enter');
    await waitFor(
      () =>
        this.page
          .evaluate(async (id) => {
            const api = (globalThis as unknown as { browser: WebExtensionApi }).browser;
            const { settings } = (await api.storage.local.get('settings')) as {
              settings?: { featureDefaults?: Record<string, { model?: string }> };
            };
            return settings?.featureDefaults?.[id]?.model;
          }, feature)
          .then((saved) => saved === model),
      `model ${model} saved`,
    );
  }

  /** Types a key into the password field and saves it; afterwards only the mask is shown. */
  async saveKey(key: string): Promise<void> {
    await this.openProviderBar();
    const checkbox = await find(this.page, { label: 'Use my own API key' });
    if (!(await checkbox.evaluate((element) => (element as HTMLInputElement).checked))) await checkbox.click();
    await fill(this.page, { css: '.key-field input[type="password"]' }, key);
    await click(this.page, { button: /^(Save|Save anyway)$/ });
    const saved = () => textOf(this.page, '.key-saved');
    if (!(await saved()).includes('Key saved')) {
      if (await find(this.page, { button: 'Save anyway' }, 1_000).catch(() => undefined)) await click(this.page, { button: 'Save anyway' });
    }
    await waitForText(saved, /Key saved for this browser session/, 'the key saved');
  }

  async forgetKey(): Promise<void> {
    await this.openProviderBar();
    await click(this.page, { button: 'Forget' });
    await find(this.page, { label: 'Use my own API key' });
  }

  run(): Promise<void> {
    return click(this.page, { button: 'Run' });
  }

  /** The last answer's whole text (badge, Markdown, notes, meta). */
  answer(): Promise<string> {
    return this.page.evaluate(() => [...document.querySelectorAll('section.answer')].at(-1)?.textContent ?? '');
  }

  waitForAnswer(pattern: RegExp, timeoutMs?: number): Promise<string> {
    return waitForText(() => this.answer(), pattern, 'the answer', timeoutMs);
  }

  badge(): Promise<string> {
    return this.page.evaluate(() => [...document.querySelectorAll('section.answer .badge')].at(-1)?.getAttribute('data-mode') ?? '');
  }

  /** The answer's error alert ('' when none). */
  alert(): Promise<string> {
    return this.page.evaluate(() => [...document.querySelectorAll('section.answer [role="alert"]')].at(-1)?.textContent ?? '');
  }

  waitForAlert(pattern: RegExp): Promise<string> {
    return waitForText(() => this.alert(), pattern, 'the error');
  }

  /** Waits until every answer is rendered as Markdown (its renderer is loaded with the first answer). */
  waitForMarkdown(): Promise<unknown> {
    return waitFor(() => this.page.evaluate(() => !document.querySelector('.markdown-fallback')), 'the Markdown renderer');
  }

  /** Waits for the last answer to end (done, error or stopped). */
  waitForEnd(): Promise<unknown> {
    return waitFor(
      () => this.page.evaluate(() => [...document.querySelectorAll('section.answer')].at(-1)?.getAttribute('aria-busy') === 'false'),
      'the answer to end',
      30_000,
    );
  }
}
