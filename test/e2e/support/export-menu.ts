import { readFile } from 'node:fs/promises';
import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

/** Today as the export names it (local time, as the page sees it). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Lets the extension's pages read the clipboard, so a test can check what a copy put there.
 * Chromium refuses a grant for the chrome-extension: origin alone, so it is for every origin.
 */
export async function allowClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
}

/** The Export button of one answer (or of the chat) and its three actions. */
export class ExportMenu {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {}

  get button(): Locator {
    return this.scope.getByRole('button', { name: 'Export', exact: true });
  }

  async choose(action: 'Copy as Markdown' | 'Copy as plain text' | 'Download .md'): Promise<void> {
    await this.button.click();
    await expect(this.button).toHaveAttribute('aria-expanded', 'true');
    await this.scope.getByRole('button', { name: action, exact: true }).click();
    await expect(this.button).toHaveAttribute('aria-expanded', 'false');
  }

  /** Copies, waits for the "Copied." note, and returns what the clipboard holds. */
  async copy(action: 'Copy as Markdown' | 'Copy as plain text'): Promise<string> {
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.choose(action);
    await expect(this.scope.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Downloads the .md file; returns its name and content. */
  async download(): Promise<{ name: string; content: string }> {
    const downloaded = this.page.waitForEvent('download');
    await this.choose('Download .md');
    const download = await downloaded;
    const path = await download.path();
    return { name: download.suggestedFilename(), content: await readFile(path, 'utf8') };
  }
}
