import { describe, expect, it } from 'vitest';
import { parseSettings, type Settings } from '@/lib/settings/schema';

const DEFAULTS: Settings = {
  provider: 'openai',
  models: {},
  baseUrls: {},
  featureDefaults: {},
  server: { url: '', prefix: 'auto', routing: 'direct' },
  keyIdleMinutes: 60,
  timeoutSeconds: 90,
  language: 'auto',
  lastFeature: 'summarizer',
  customProviders: [],
};

describe('parseSettings', () => {
  it('fills every default from an empty object', () => {
    expect(parseSettings({})).toEqual(DEFAULTS);
  });

  it('gives the defaults for nothing stored, or for something that is not an object', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULTS);
    expect(parseSettings(null)).toEqual(DEFAULTS);
    expect(parseSettings('openai')).toEqual(DEFAULTS);
    expect(parseSettings(42)).toEqual(DEFAULTS);
  });

  it('keeps valid settings as they are', () => {
    const stored: Settings = {
      provider: 'claude',
      models: { claude: 'claude-haiku-4-5', ollama: 'qwen2.5' },
      baseUrls: { ollama: 'http://localhost:11434' },
      featureDefaults: { summarizer: { provider: 'gemini', model: 'gemini-2.5-pro' } },
      server: { url: 'https://grompt.example.com', prefix: '/api/v1', routing: 'server' },
      keyIdleMinutes: 15,
      timeoutSeconds: 30,
      language: 'pt-BR',
      lastFeature: 'chat',
      customProviders: [],
    };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it('falls back field by field: invalid fields get their default, valid ones are kept', () => {
    const settings = parseSettings({
      provider: 'gemini',
      keyIdleMinutes: -5,
      language: 'fr',
      lastFeature: 'code-generator',
      // Fields fall back whole: a bad prefix takes the server's valid url with it.
      server: { url: 'https://grompt.example.com', prefix: '/v2' },
      models: { gemini: 'gemini-2.5-pro' },
    });
    expect(settings).toEqual({
      ...DEFAULTS,
      provider: 'gemini',
      lastFeature: 'code-generator',
      models: { gemini: 'gemini-2.5-pro' },
    });
  });

  it.each([
    ['keyIdleMinutes', 0],
    ['keyIdleMinutes', 24 * 60 + 1],
    ['keyIdleMinutes', 1.5],
    ['keyIdleMinutes', '30'],
    ['language', 'de'],
    ['lastFeature', 'translator'],
    ['server', 'https://grompt.example.com'],
    ['models', { openai: 'x'.repeat(201) }],
  ])('replaces an invalid %s (%j) with its default', (field, value) => {
    const settings = parseSettings({ provider: 'deepseek', [field]: value });
    expect(settings[field as keyof Settings]).toEqual(DEFAULTS[field as keyof Settings]);
    expect(settings.provider).toBe('deepseek');
  });

  it('rejects unknown provider ids', () => {
    expect(parseSettings({ provider: 'mistral' }).provider).toBe('openai');
    expect(parseSettings({ provider: 'OpenAI' }).provider).toBe('openai');
    expect(parseSettings({ provider: 'claude', models: { mistral: 'large' } })).toEqual({ ...DEFAULTS, provider: 'claude' });
    expect(parseSettings({ baseUrls: { 'evil-provider': 'https://evil.test' } }).baseUrls).toEqual({});
    expect(parseSettings({ featureDefaults: { chat: { provider: 'mistral' } } }).featureDefaults).toEqual({});
    expect(parseSettings({ featureDefaults: { translator: { provider: 'openai' } } }).featureDefaults).toEqual({});
  });

  it('drops unknown top-level fields', () => {
    const settings = parseSettings({ apiKey: 'sk-should-never-be-here', provider: 'ollama' });
    expect(settings).toEqual({ ...DEFAULTS, provider: 'ollama' });
    expect(JSON.stringify(settings)).not.toContain('sk-should');
  });

  it('returns fresh defaults each time, not a shared object', () => {
    const first = parseSettings({});
    first.models.openai = 'changed';
    expect(parseSettings({}).models).toEqual({});
  });
});
