import { describe, expect, it } from 'vitest';
import { isKeyShaped, notKeyShapedText } from '@/lib/settings/key-shaped';
import { parseSettings, settingsSchema } from '@/lib/settings/schema';
import { testKey } from './helpers';

const KEY = testKey('sk-proj-');
const GOOGLE = `AIza${testKey('').slice(0, 35)}`;

describe('settings never hold a key-shaped value', () => {
  it('drops a key pasted as a model name, keeping the other models', () => {
    const settings = parseSettings({ models: { openai: KEY, claude: 'claude-haiku-4-5', gemini: GOOGLE } });
    expect(settings.models).toEqual({ claude: 'claude-haiku-4-5' });
  });

  it('drops a key pasted as a feature’s model, keeping its provider', () => {
    const settings = parseSettings({
      featureDefaults: { summarizer: { provider: 'gemini', model: GOOGLE }, chat: { provider: 'claude', model: 'claude-sonnet-4-5' } },
    });
    expect(settings.featureDefaults).toEqual({
      summarizer: { provider: 'gemini' },
      chat: { provider: 'claude', model: 'claude-sonnet-4-5' },
    });
  });

  it('drops base URLs with a key in the path or query, a query string or credentials, keeping the rest', () => {
    const settings = parseSettings({
      baseUrls: {
        openai: `https://gateway.example.com/${KEY}/v1`,
        gemini: `https://gateway.example.com/v1beta?key=${GOOGLE}`,
        claude: 'https://gateway.example.com/anthropic?team=1',
        deepseek: 'https://user:password@gateway.example.com/v1',
        ollama: 'http://[::1]:11434',
      },
    });
    expect(settings.baseUrls).toEqual({ ollama: 'http://[::1]:11434' });
  });

  it('empties a server URL that carries a key, keeping the other server settings', () => {
    const settings = parseSettings({ server: { url: `https://grompt.example.com/?apiKey=${KEY}`, prefix: '/api', routing: 'server' } });
    expect(settings.server).toEqual({ url: '', prefix: '/api', routing: 'server' });
  });

  it('the schema itself refuses them, for any code that parses without scrubbing', () => {
    expect(settingsSchema.safeParse({ models: { openai: KEY } }).success).toBe(false);
    expect(settingsSchema.safeParse({ server: { url: `https://x.example.com/${KEY}` } }).success).toBe(false);
    expect(settingsSchema.safeParse({ models: { openai: 'gpt-5-mini-2025-08-07' } }).success).toBe(true);
  });

  it('keeps ordinary values untouched', () => {
    const stored = {
      models: { ollama: 'hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M', gemini: 'models/gemini-2.5-flash' },
      baseUrls: { openai: 'https://gateway.example.com/v1/openai' },
      server: { url: 'http://localhost:8080', prefix: 'auto', routing: 'direct' },
    };
    expect(parseSettings(stored)).toMatchObject(stored);
  });
});

describe('the validator other fields reuse (custom actions)', () => {
  it('isKeyShaped', () => {
    expect(isKeyShaped(`Summarize this. My key: ${KEY}`)).toBe(true);
    expect(isKeyShaped('Summarize {{text}} in three bullet points.')).toBe(false);
    expect(isKeyShaped(undefined)).toBe(false);
  });

  it('notKeyShapedText refuses a key and over-long text, with the key-shaped code', () => {
    const schema = notKeyShapedText(50);
    const refused = schema.safeParse(`Use ${GOOGLE}`);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('key-shaped');
    expect(schema.safeParse('x'.repeat(51)).success).toBe(false);
    expect(schema.safeParse('Translate {{text}} into French.').success).toBe(true);
  });
});
