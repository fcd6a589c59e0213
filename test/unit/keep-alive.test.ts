import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { holdWorker, isKeepingAlive, KEEP_ALIVE_MS } from '@/lib/worker/engine/keep-alive';

let calls: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  calls = vi.fn(async () => ({ os: 'linux', arch: 'x86-64', nacl_arch: 'x86-64' }));
  vi.spyOn(browser.runtime, 'getPlatformInfo').mockImplementation(calls as never);
});
afterEach(() => vi.useRealTimers());

describe('a worker that lives as long as its jobs', () => {
  it('calls a cheap extension API at most every 25 s while a job is live', () => {
    expect(KEEP_ALIVE_MS).toBeLessThanOrEqual(25_000);
    const release = holdWorker();
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
    expect(calls).toHaveBeenCalledTimes(3);
    release();
  });

  it('keeps calling while any job is live, and stops when the last one ends', () => {
    const first = holdWorker();
    const second = holdWorker();
    first();
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2);
    expect(calls).toHaveBeenCalledTimes(2);
    second();
    expect(isKeepingAlive()).toBe(false);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 10);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('no job, no keep-alive; releasing twice counts once', () => {
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 5);
    expect(calls).not.toHaveBeenCalled();
    const release = holdWorker();
    const other = holdWorker();
    release();
    release();
    expect(isKeepingAlive()).toBe(true);
    other();
    expect(isKeepingAlive()).toBe(false);
  });
});
