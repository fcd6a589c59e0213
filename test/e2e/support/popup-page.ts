import { expect, type Locator, type Page } from '@playwright/test';

/** The popup (or the side panel: same controls) as a person uses it. */
export class FeaturePage {
  constructor(readonly page: Page) {}

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async chooseFeature(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** In the popup the provider bar is folded into a summary line: open it first. */
  async openProviderBar(): Promise<void> {
    const details = this.page.locator('details.provider-details');
    if ((await details.count()) && !(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await details.locator('summary').click();
    }
  }

  async chooseProvider(label: string): Promise<void> {
    await this.openProviderBar();
    await this.page.getByLabel('Provider', { exact: true }).selectOption({ label });
  }

  async setModel(model: string): Promise<void> {
    await this.openProviderBar();
    const input = this.page.getByLabel('Model', { exact: true });
    await input.fill(model);
    // The field saves on Enter or when it loses focus, not on every keystroke.
    await input.press('Enter');
    await expect(input).toHaveValue(model);
  }

  /** Types a key into the password field and saves it; afterwards only the mask is shown. */
  async saveKey(key: string): Promise<void> {
    await this.openProviderBar();
    await this.page.getByLabel('Use my own API key').check();
    const field = this.page.getByRole('textbox', { name: / API key$/ });
    await expect(field).toHaveAttribute('type', 'password');
    await field.fill(key);
    const save = this.page.getByRole('button', { name: /^(Save|Save anyway)$/ });
    await save.click();
    if (await this.page.getByRole('button', { name: 'Save anyway' }).isVisible())
      await this.page.getByRole('button', { name: 'Save anyway' }).click();
    await expect(this.page.getByText(/Key saved for this browser session/)).toBeVisible();
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run' }).click();
  }

  get answer(): Locator {
    return this.page.locator('section.answer').last();
  }

  get badge(): Locator {
    return this.answer.locator('.badge');
  }

  /** Waits for the answer to end (done, error or stopped): Stop gives way to the other actions. */
  async waitForEnd(): Promise<void> {
    await expect(this.answer.getByRole('button', { name: 'Copy', exact: true })).toBeVisible({ timeout: 30_000 });
  }
}
