import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { replySchema } from '@/lib/messaging/protocol';
import { dispatch, type RequestHandlers, UserFacingError } from '@/lib/messaging/router';

const notCalled = () => {
  throw new Error('handler should not have been called');
};

/** A full handler map whose handlers fail the test if called; each test overrides what it needs. */
function handlers(overrides: Partial<RequestHandlers> = {}): RequestHandlers {
  const base: RequestHandlers = {
    'key.set': notCalled,
    'key.forget': notCalled,
    'key.forget-all': notCalled,
    'key.status': notCalled,
    'models.list': notCalled,
    'server.test': notCalled,
    'job.continue-in-panel': notCalled,
    'chat.get': notCalled,
    'chat.clear': notCalled,
    'chat.attach-page': notCalled,
    'chat.detach-page': notCalled,
    'chat.set-draft': notCalled,
    'jobs.clear-finished': notCalled,
    'drafts.save': notCalled,
  };
  return Object.assign(base, overrides);
}

beforeEach(() => {
  fakeBrowser.reset();
  // The router logs unexpected failures; keep the test output clean.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('dispatch', () => {
  it('calls the handler with the validated payload and returns its answer', async () => {
    const received: unknown[] = [];
    const map = handlers({
      'models.list': async (payload) => {
        received.push(payload);
        return { models: ['gpt-4o-mini'], source: 'provider' };
      },
    });
    const reply = await dispatch({ type: 'models.list', payload: { provider: 'openai' } }, map);
    expect(reply).toEqual({ ok: true, value: { models: ['gpt-4o-mini'], source: 'provider' } });
    expect(received).toEqual([{ provider: 'openai' }]);
    expect(replySchema.safeParse(reply).success).toBe(true);
  });

  it('applies the request schema’s transforms before the handler sees the payload', async () => {
    const received: unknown[] = [];
    const map = handlers({
      'key.set': async (payload) => {
        received.push(payload);
        return { hasKey: true, masked: 'sk-…abcd' };
      },
    });
    await dispatch({ type: 'key.set', payload: { provider: 'openai', key: '  sk-test-abcd \n' } }, map);
    expect(received).toEqual([{ provider: 'openai', key: 'sk-test-abcd' }]);
  });

  it.each([
    ['an unknown type', { type: 'key.export', payload: {} }],
    ['no type', { payload: {} }],
    ['not an object', 'key.status'],
    ['nothing', undefined],
  ])('answers invalid-input for %s', async (_label, raw) => {
    const reply = await dispatch(raw, handlers());
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'Unknown request.', retryable: false } });
  });

  it.each([
    ['an unknown provider', { type: 'models.list', payload: { provider: 'mistral' } }],
    ['a missing field', { type: 'key.set', payload: { provider: 'openai' } }],
    ['an empty key', { type: 'key.set', payload: { provider: 'openai', key: '   ' } }],
    ['a wrong type', { type: 'chat.set-draft', payload: { draft: 42 } }],
    ['a missing payload', { type: 'models.list' }],
  ])('answers invalid-input for a payload with %s, without calling the handler', async (_label, raw) => {
    const reply = await dispatch(raw, handlers());
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', retryable: false } });
  });

  it('validates the handler’s answer against the response schema', async () => {
    const map = handlers({
      // A handler that would leak a key: the response schema has no room for it.
      'key.status': async () => ({ available: true, keys: { openai: { hasKey: true, masked: 'sk-…abcd' } }, key: 'sk-secret' }) as never,
      'models.list': async () => ({ models: 'gpt-4o' }) as never,
    });
    const status = await dispatch({ type: 'key.status', payload: {} }, map);
    expect(status).toEqual({ ok: true, value: { available: true, keys: { openai: { hasKey: true, masked: 'sk-…abcd' } } } });
    expect(JSON.stringify(status)).not.toContain('sk-secret');
    const invalid = await dispatch({ type: 'models.list', payload: { provider: 'openai' } }, map);
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'internal', retryable: false } });
  });

  it('passes a UserFacingError through as its error', async () => {
    const error = { kind: 'server-unsupported', message: 'This server is not a Grompt server.', retryable: false, status: 404 } as const;
    const map = handlers({
      'server.test': async () => {
        throw new UserFacingError(error);
      },
    });
    expect(await dispatch({ type: 'server.test', payload: { url: 'https://grompt.example.com' } }, map)).toEqual({ ok: false, error });
  });

  it('hides any other failure behind a generic internal error', async () => {
    const map = handlers({
      'chat.get': async () => {
        throw new Error('ENOENT /home/user/secret-path sk-leaky-internal-detail');
      },
    });
    const reply = await dispatch({ type: 'chat.get', payload: {} }, map);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal', retryable: false } });
    expect(JSON.stringify(reply)).not.toContain('ENOENT');
    expect(JSON.stringify(reply)).not.toContain('secret-path');
    expect(JSON.stringify(reply)).not.toContain('leaky');
  });

  it('hides a thrown non-Error value too', async () => {
    const map = handlers({
      'chat.clear': async () => {
        throw 'raw string failure';
      },
    });
    const reply = await dispatch({ type: 'chat.clear', payload: {} }, map);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('raw string failure');
  });
});
