import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type FakeServer, sendText, startFake } from '../../fakes/http';

const PAGES = resolve('test/e2e/pages');

export interface PageServer extends FakeServer {
  /** Serves more pages (path → HTML) from now on, beside test/e2e/pages. */
  addPages(pages: Record<string, string>): void;
}

/** Serves the test pages on loopback, where the extension has host access (as it has for Ollama). */
export async function startPageServer(): Promise<PageServer> {
  const extra: Record<string, string> = {};
  const server = await startFake((request, response) => {
    if (extra[request.path] !== undefined) return sendText(response, 200, extra[request.path] ?? '', 'text/html; charset=utf-8');
    const name = request.path.replace(/^\/+/, '') || 'article.html';
    if (!/^[\w.-]+\.html$/.test(name)) return sendText(response, 404, 'not found');
    try {
      sendText(response, 200, readFileSync(join(PAGES, name), 'utf8'), 'text/html; charset=utf-8');
    } catch {
      sendText(response, 404, 'not found');
    }
  });
  return Object.assign(server, { addPages: (pages: Record<string, string>) => Object.assign(extra, pages) });
}
