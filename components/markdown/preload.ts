/**
 * Loads the Markdown renderer when the page is idle, after it became interactive: the first
 * answer then renders as Markdown at once, and opening the page never waits for it.
 */
export function preloadMarkdown(): void {
  const load = () => void import('./streaming-markdown');
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 1500 });
  else setTimeout(load, 300);
}
