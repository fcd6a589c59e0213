import { describe, expect, it } from 'vitest';
import { MODELS_REVIEWED_ON, PROVIDER_IDS, PROVIDERS } from '@/lib/catalogue/providers';
import { isReasoningModel } from '@/lib/catalogue/reasoning';

describe('the catalogue’s models', () => {
  it('says when they were last checked against the providers’ lists', () => {
    expect(MODELS_REVIEWED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(PROVIDER_IDS)('%s offers its default first, and at most five suggestions', (id) => {
    const { defaultModel, suggestedModels } = PROVIDERS[id];
    expect(suggestedModels[0]).toBe(defaultModel);
    expect(new Set(suggestedModels).size).toBe(suggestedModels.length);
    expect(suggestedModels.length).toBeLessThanOrEqual(5);
  });

  it.each([
    // Shut down before the review date: a default must never be one of them.
    'gpt-4o-mini',
    'chatgpt-4o-latest',
    'o4-mini',
    'gemini-2.5-flash',
    'gemini-2.0-flash',
    'deepseek-chat',
    'deepseek-reasoner',
  ])('suggests no retired model (%s)', (retired) => {
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].suggestedModels).not.toContain(retired);
  });
});

describe('isReasoningModel', () => {
  it.each([
    'o4-mini',
    'o3',
    'gpt-5',
    'gpt-5.6-luna',
    'openai/gpt-5.6-sol',
    'deepseek-v4-flash',
    'deepseek-reasoner',
    'deepseek-r1:14b',
    'qwen3:8b',
    'gpt-oss:20b',
    'claude-sonnet-5',
    'claude-fable-5',
    'gemini-3.5-flash',
    'gemini-2.5-pro',
  ])('%s reasons', (model) => {
    expect(isReasoningModel(model)).toBe(true);
  });

  it.each([
    'gpt-4o-mini',
    'gpt-4.1',
    'gpt-5-chat-latest',
    'deepseek-chat',
    'llama3.2',
    'mistral',
    'claude-haiku-4-5',
    'gemini-2.5-flash-lite',
    '',
  ])('%s does not', (model) => {
    expect(isReasoningModel(model)).toBe(false);
  });
});
