import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { redactKnownSecrets } from '@/lib/log/logger';
import { REDACTED } from '@/lib/log/redact';
import { RedactionMemory } from '@/lib/log/redaction-memory';
import { forgetAllKeys, forgetKey, forgetKeysIfIdle, saveKey } from '@/lib/worker/secrets/key-store';

let keysMade = 0;

/**
 * A key with no known shape: only the remembered-key rule can redact it. Random in the middle;
 * letters at both ends (no hash digits can contain a fragment), with a letter that changes from
 * one key to the next in both its first 8 and its last 4 characters, so two keys of one test
 * never share a fragment by chance.
 */
function unshapedKey(): string {
  const tag = String.fromCharCode(65 + (keysMade++ % 26));
  return `Z${tag}q${crypto.randomUUID().replaceAll('-', '')}K${tag}w`;
}

const echoes = (key: string) => `token ${key} rejected; starts ${key.slice(0, 8)}…, ends …${key.slice(-4)}.`;

describe('RedactionMemory', () => {
  it('redacts a remembered key, its first 8 and its last 4 characters', () => {
    const memory = new RedactionMemory();
    const key = unshapedKey();
    memory.remember(key);
    expect(memory.redact(echoes(key))).toBe(`token ${REDACTED} rejected; starts ${REDACTED}…, ends …${REDACTED}.`);
  });

  it('holds no key and no fragment in clear, only salted hashes', () => {
    const memory = new RedactionMemory();
    const key = unshapedKey();
    memory.remember(key);
    const everything = inspect(memory, { depth: Number.POSITIVE_INFINITY, showHidden: true });
    for (const part of [key, key.slice(0, 8), key.slice(-4)]) expect(everything).not.toContain(part);
    // Two memories salt differently: a hash from one tells nothing about the other.
    const other = new RedactionMemory();
    other.remember(key);
    expect(inspect(other, { depth: Number.POSITIVE_INFINITY })).not.toBe(everything);
  });

  it('forgets one key (others stay) and every key', () => {
    const memory = new RedactionMemory();
    const [first, second] = [unshapedKey(), unshapedKey()];
    memory.remember(first);
    memory.remember(second);
    memory.forget(first);
    expect(memory.size).toBe(1);
    expect(memory.redact(first)).toBe(first);
    expect(memory.redact(second)).toBe(REDACTED);
    memory.forgetAll();
    expect(memory.size).toBe(0);
    expect(memory.redact(echoes(second))).toBe(echoes(second));
  });

  it('never cuts into a marker an earlier pass left, even when the key ends in letters of it', () => {
    const memory = new RedactionMemory();
    const key = `Zq${crypto.randomUUID().replaceAll('-', '')}edac`;
    memory.remember(key);
    const once = memory.redact(`Incorrect API key provided: ${key}`);
    expect(once).toBe(`Incorrect API key provided: ${REDACTED}`);
    // The logger redacts again what an error message already carries.
    expect(memory.redact(once)).toBe(once);
    expect(memory.redact(`${once} (ends …${key.slice(-4)})`)).toBe(`${once} (ends …${REDACTED})`);
  });

  it('still redacts keys by their shape once forgotten', () => {
    const memory = new RedactionMemory();
    const key = `sk-proj-${unshapedKey()}`;
    memory.remember(key);
    memory.forgetAll();
    expect(memory.redact(`bad key ${key}`)).toBe(`bad key ${REDACTED}`);
  });
});

describe('forgetting a key drops it from the worker’s redaction memory', () => {
  beforeEach(() => fakeBrowser.reset());

  it('Forget (one provider)', async () => {
    const key = unshapedKey();
    await saveKey('deepseek', key);
    expect(redactKnownSecrets(echoes(key))).not.toContain(key.slice(-4));
    await forgetKey('deepseek');
    expect(redactKnownSecrets(echoes(key))).toBe(echoes(key));
  });

  it('Forget all keys', async () => {
    const key = unshapedKey();
    await saveKey('openai', key);
    await forgetAllKeys();
    expect(redactKnownSecrets(key)).toBe(key);
  });

  it('the idle expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      const key = unshapedKey();
      await saveKey('claude', key);
      expect(redactKnownSecrets(key)).toBe(REDACTED);
      vi.setSystemTime(new Date('2026-01-01T11:01:00Z'));
      expect(await forgetKeysIfIdle(60)).toBe(true);
      expect(redactKnownSecrets(key)).toBe(key);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a key replaced by a new one', async () => {
    const [old, fresh] = [unshapedKey(), unshapedKey()];
    await saveKey('gemini', old);
    await saveKey('gemini', fresh);
    expect(redactKnownSecrets(old)).toBe(old);
    expect(redactKnownSecrets(fresh)).toBe(REDACTED);
    await forgetAllKeys();
  });
});
