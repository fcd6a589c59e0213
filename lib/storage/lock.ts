/**
 * One writer at a time per storage key, within one JavaScript context (the service worker,
 * or one page). Each call waits for the calls before it on the same key, so a
 * read-modify-write never interleaves with another one on that key and no update is lost.
 * A failed call does not block the ones after it.
 */
const tails = new Map<string, Promise<unknown>>();

export function withLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const result = before.then(run, run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  // The map holds only keys with a call in flight.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
