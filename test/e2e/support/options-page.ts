import { expect, type Locator, type Page } from '@playwright/test';

export interface CustomProviderInput {
  name: string;
  baseUrl: string;
  needsKey: boolean;
  model?: string;
  tokenParameter?: 'max_tokens' | 'max_completion_tokens';
}

/** The options page's custom provider section, as a person uses it. */
export class CustomProvidersArea {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.locator('section.custom-providers');
  }

  entry(name: string): Locator {
    return this.section.getByRole('listitem', { name, exact: true });
  }

  /** Fills the open add/edit form and saves it. */
  async fill(input: CustomProviderInput): Promise<void> {
    const form = this.section.locator('fieldset.custom-provider-form');
    await form.getByLabel('Name', { exact: true }).fill(input.name);
    await form.getByLabel('Base URL', { exact: true }).fill(input.baseUrl);
    await form.getByLabel('Needs an API key').setChecked(input.needsKey);
    await form.getByLabel('Default model (optional)').fill(input.model ?? '');
    if (input.tokenParameter) await form.getByLabel('Answer length parameter').selectOption(input.tokenParameter);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async add(input: CustomProviderInput): Promise<void> {
    await this.section.getByRole('button', { name: 'Add a provider' }).click();
    await this.fill(input);
    await expect(this.entry(input.name)).toBeVisible();
  }

  /** Types a key into the provider's own key field; afterwards only the mask shows. */
  async saveKey(name: string, key: string): Promise<void> {
    const entry = this.entry(name);
    await entry.getByLabel('Use my own API key').check();
    await entry.getByLabel(`${name} API key`).fill(key);
    await entry.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(entry.getByText(/Key saved for this browser session/)).toBeVisible();
  }
}
