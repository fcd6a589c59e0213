import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { forgetAllKeys, forgetKey, forgetKeysIfIdle, keyStatuses, readKey, saveKey } from '@/lib/worker/secrets/key-store';
import { testKey } from './helpers';

const KEY = testKey('sk-proj-');

async function everythingStored(): Promise<string> {
  const areas = await Promise.all([browser.storage.local.get(null), browser.storage.sync.get(null), browser.storage.session.get(null)]);
  return JSON.stringify(areas);
}

beforeEach(() => fakeBrowser.reset());

describe('the session key store', () => {
  it('keeps a key in storage.session only, and tells the UI just {hasKey, masked}', async () => {
    const status = await saveKey('openai', KEY);
    expect(status).toEqual({ hasKey: true, masked: `sk-…${KEY.slice(-4)}` });
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain(KEY);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(KEY);
    expect(JSON.stringify(await browser.storage.sync.get(null))).not.toContain(KEY);
    expect(JSON.stringify(await keyStatuses())).not.toContain(KEY);
  });

  it('keeps keys per provider and forgets one or all', async () => {
    await saveKey('openai', KEY);
    await saveKey('claude', 'sk-ant-api03-abcdefghijklmnop');
    await forgetKey('openai');
    expect(await readKey('openai', 60)).toBeUndefined();
    expect(await readKey('claude', 60)).toBe('sk-ant-api03-abcdefghijklmnop');
    await forgetAllKeys();
    expect(await keyStatuses()).toEqual({});
    expect(await everythingStored()).not.toContain('sk-ant');
  });

  it('forgets every key after the idle time, and using a key resets the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      await saveKey('openai', KEY);
      vi.setSystemTime(new Date('2026-01-01T10:50:00Z'));
      expect(await readKey('openai', 60)).toBe(KEY);
      vi.setSystemTime(new Date('2026-01-01T11:49:00Z'));
      expect(await forgetKeysIfIdle(60)).toBe(false);
      vi.setSystemTime(new Date('2026-01-01T11:51:00Z'));
      expect(await forgetKeysIfIdle(60)).toBe(true);
      expect(await readKey('openai', 60)).toBeUndefined();
      expect(await everythingStored()).not.toContain(KEY);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails closed when storage.session does not exist: no key is read or kept anywhere else', async () => {
    const session = browser.storage.session;
    Object.defineProperty(browser.storage, 'session', { value: undefined, configurable: true });
    try {
      expect(await readKey('openai', 60)).toBeUndefined();
      expect(await keyStatuses()).toEqual({});
    } finally {
      Object.defineProperty(browser.storage, 'session', { value: session, configurable: true });
    }
  });
});
