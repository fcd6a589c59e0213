/**
 * Polls until `probe` returns something truthy, or fails after `timeoutMs` with the last
 * value or error seen. Errors count as "not yet": Firefox's BiDi can throw while a page is
 * still being replaced (about:blank → moz-extension://), and a busy machine is slow.
 */
export async function waitFor<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let interval = 25; ; interval = Math.min(interval * 2, 250)) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until `read` returns text matching `pattern`, and returns that text. */
export function waitForText(read: () => Promise<string>, pattern: RegExp, what: string, timeoutMs?: number): Promise<string> {
  let seen = '';
  return waitFor(
    async () => {
      seen = await read();
      return pattern.test(seen) ? seen : undefined;
    },
    `${what} to match ${pattern}`,
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; text was: ${JSON.stringify(seen.slice(0, 400))}`);
  });
}
