import { describe, expect, it } from 'vitest';
import { looksLikeKey } from '@/lib/keys/key-shape';
import { baseUrlProblem, type CustomProvider, parseCustomProviders } from '@/lib/settings/custom-providers';
import { providerChoices, resolveProvider } from '@/lib/settings/resolve-provider';
import { parseSettings } from '@/lib/settings/schema';
import { testKey } from './helpers';

const lmStudio: CustomProvider = {
  id: 'custom:0b9e6f0e-9a56-4f57-9d55-0a1c2b3c4d5e',
  name: 'LM Studio',
  baseUrl: 'http://localhost:1234/v1',
  needsKey: false,
  tokenParameter: 'max_tokens',
};
const openRouter: CustomProvider = {
  id: 'custom:router',
  name: 'OpenRouter',
  baseUrl: 'https://openrouter.ai/api/v1',
  needsKey: true,
  defaultModel: 'meta-llama/llama-3.1-70b-instruct',
  tokenParameter: 'max_tokens',
};
const groq: CustomProvider = { ...openRouter, id: 'custom:groq', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1' };

describe('custom providers in the settings', () => {
  it('keeps three (and more) side by side, each under its own id', () => {
    const settings = parseSettings({ customProviders: [lmStudio, openRouter, groq] });
    expect(settings.customProviders.map((provider) => provider.name)).toEqual(['LM Studio', 'OpenRouter', 'Groq']);
    expect(providerChoices(settings).filter((choice) => choice.custom)).toHaveLength(3);
  });

  it('fills the token parameter with max_tokens when absent', () => {
    const { tokenParameter: _absent, ...older } = lmStudio;
    expect(parseCustomProviders([older])[0]?.tokenParameter).toBe('max_tokens');
  });

  it('drops a bad entry alone, and a duplicate id', () => {
    const parsed = parseCustomProviders([
      lmStudio,
      { ...openRouter, baseUrl: 'http://openrouter.ai/api/v1' },
      { ...lmStudio, name: 'Copy' },
      groq,
    ]);
    expect(parsed.map((provider) => provider.name)).toEqual(['LM Studio', 'Groq']);
  });

  it.each([
    ['a key as the name', { name: testKey('sk-proj-') }],
    ['a key in the base URL path', { baseUrl: `https://gateway.example/${testKey('sk-')}/v1` }],
    ['a key as the default model', { defaultModel: `AIza${testKey('').slice(0, 35)}` }],
    ['a Groq-style key as the model', { defaultModel: testKey('gsk_') }],
  ])('refuses %s', (_case, change) => {
    expect(parseCustomProviders([{ ...openRouter, ...change }])).toEqual([]);
  });

  it('resolves a custom provider for every part of the extension: label, base URL, key, budget', () => {
    const settings = parseSettings({ customProviders: [lmStudio, openRouter] });
    expect(resolveProvider('custom:router', settings)).toMatchObject({
      label: 'OpenRouter',
      protocol: 'openai-compatible',
      needsKey: true,
      baseUrl: 'https://openrouter.ai/api/v1',
      defaultModel: 'meta-llama/llama-3.1-70b-instruct',
    });
    expect(resolveProvider(lmStudio.id, settings)?.needsKey).toBe(false);
    expect(resolveProvider('custom:gone', settings)).toBeUndefined();
    expect(resolveProvider('openai', settings)?.label).toBe('OpenAI');
  });

  it('points every choice that named a deleted provider back to the default', () => {
    const settings = parseSettings({
      provider: 'custom:router',
      models: { 'custom:router': 'some-model', openai: 'gpt-4o' },
      featureDefaults: { summarizer: { provider: 'custom:router', model: 'x' }, chat: { provider: 'claude' } },
      customProviders: [lmStudio],
    });
    expect(settings.provider).toBe('openai');
    expect(settings.models).toEqual({ openai: 'gpt-4o' });
    expect(settings.featureDefaults).toEqual({ chat: { provider: 'claude' } });
  });

  it('keeps choices that name an existing custom provider', () => {
    const settings = parseSettings({
      provider: openRouter.id,
      models: { [openRouter.id]: 'qwen/qwen-2.5-72b' },
      featureDefaults: { chat: { provider: lmStudio.id, model: 'qwen2.5-7b' } },
      customProviders: [lmStudio, openRouter],
    });
    expect(settings.provider).toBe(openRouter.id);
    expect(settings.models[openRouter.id]).toBe('qwen/qwen-2.5-72b');
    expect(settings.featureDefaults.chat?.provider).toBe(lmStudio.id);
  });
});

describe('a custom provider’s base URL', () => {
  it.each([
    ['http://localhost:1234/v1', undefined],
    ['http://127.0.0.1:8080/v1', undefined],
    ['http://[::1]:8000/v1', undefined],
    ['https://openrouter.ai/api/v1', undefined],
    ['http://openrouter.ai/api/v1', 'url-insecure'],
    ['http://192.168.1.20:1234/v1', 'url-insecure'],
    ['ftp://example.com', 'url-invalid'],
    ['openrouter.ai/api/v1', 'url-invalid'],
    ['https://user:pass@gateway.example/v1', 'url-credentials'],
    ['https://gateway.example/v1?key=abc', 'url-query'],
    ['https://gateway.example/v1#frag', 'url-query'],
  ])('%s → %s', (url, problem) => {
    expect(baseUrlProblem(url)).toBe(problem);
  });
});

describe('key-shaped text', () => {
  it.each([
    testKey('sk-proj-'),
    testKey('sk-ant-api03-'),
    testKey('sk-or-v1-'),
    `AIza${testKey('').slice(0, 35)}`,
    testKey('gsk_'),
    testKey('hf_'),
    `Bearer ${testKey('')}`,
    `Summarize this. ${testKey('')} Thanks.`,
  ])('finds %s', (text) => {
    expect(looksLikeKey(text)).toBe(true);
  });

  it.each([
    'LM Studio',
    'meta-llama/llama-3.1-70b-instruct',
    'qwen2.5-coder-32b-instruct-q4_k_m',
    'https://openrouter.ai/api/v1',
    'Explain {{selection}} like I am new to this, in {{language}}.',
    'risk-averse task-oriented writing',
  ])('lets %s through', (text) => {
    expect(looksLikeKey(text)).toBe(false);
  });
});
