import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '@/lib/storage/item';
import { conversationItem, readConversation } from '@/lib/storage/items';
import { appendAnswer, beginTurn, setDraft } from '@/lib/worker/chat/conversation';
import { keyStatuses, saveKey } from '@/lib/worker/secrets/key-store';
import { testKey } from './helpers';

beforeEach(() => fakeBrowser.reset());

describe('one writer at a time per session item', () => {
  it('control: plain read-then-write from 20 writers at once loses updates (what update() prevents)', async () => {
    const counter = defineItem<number>('session', 'counter', 0);
    await Promise.all(Array.from({ length: 20 }, async () => counter.setValue((await counter.getValue()) + 1)));
    expect(await counter.getValue()).toBeLessThan(20);
  });

  it('20 interleaved updates of one item: every one is applied', async () => {
    const counter = defineItem<number>('session', 'counter', 0);
    const results = await Promise.all(Array.from({ length: 20 }, () => counter.update((value) => value + 1)));
    expect(await counter.getValue()).toBe(20);
    // Each update saw the one before it: the values written are 1..20, once each.
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('a failing update does not block or undo the ones after it', async () => {
    const list = defineItem<string[]>('session', 'list', []);
    const failing = list.update(() => {
      throw new Error('boom');
    });
    const after = list.update((items) => [...items, 'kept']);
    await expect(failing).rejects.toThrow('boom');
    await after;
    expect(await list.getValue()).toEqual(['kept']);
  });

  it('the chat: a turn, an answer and a composer draft written at once are all kept', async () => {
    await beginTurn('First question', 'send');
    await Promise.all([
      appendAnswer({ content: 'First answer' }),
      setDraft('> a quoted selection\n\n'),
      appendAnswer({ content: 'An answer recorded at the same moment' }),
    ]);
    const conversation = await readConversation();
    expect(conversation.turns.map((turn) => turn.content)).toEqual([
      'First question',
      'First answer',
      'An answer recorded at the same moment',
    ]);
    expect(conversation.draft).toBe('> a quoted selection\n\n');
    expect(await conversationItem.getValue()).toEqual(conversation);
  });

  it('the key store: keys for three providers saved at once are all kept', async () => {
    await Promise.all([
      saveKey('openai', testKey('sk-proj-')),
      saveKey('claude', testKey('sk-ant-api03-')),
      saveKey('deepseek', testKey('sk-')),
    ]);
    expect(Object.keys(await keyStatuses()).sort()).toEqual(['claude', 'deepseek', 'openai']);
  });
});
