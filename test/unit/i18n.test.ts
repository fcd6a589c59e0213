import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '@/lib/i18n/en';
import { ptBR } from '@/lib/i18n/pt-BR';
import { resolveLanguage, translate } from '@/lib/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('resolveLanguage', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['es-ES', 'en'],
    ['de', 'en'],
    ['', 'en'],
  ])('auto with a browser in %j → %s', (browserLanguage, expected) => {
    expect(resolveLanguage('auto', browserLanguage)).toBe(expected);
  });

  it('keeps an explicit choice whatever the browser says', () => {
    expect(resolveLanguage('en', 'pt-BR')).toBe('en');
    expect(resolveLanguage('pt-BR', 'en-US')).toBe('pt-BR');
  });
});

describe('translate', () => {
  it('returns the string in the chosen language', () => {
    expect(translate('en', 'feature.summarizer.title')).toBe(en['feature.summarizer.title']);
    expect(translate('pt-BR', 'feature.summarizer.title')).toBe(ptBR['feature.summarizer.title']);
    expect(translate('pt-BR', 'feature.summarizer.title')).not.toBe(translate('en', 'feature.summarizer.title'));
  });

  it('fills placeholders, every occurrence', () => {
    expect(translate('en', 'error.model-not-found', { provider: 'OpenAI', model: 'gpt-9' })).toBe(
      'OpenAI does not know the model “gpt-9”. Pick another model.',
    );
    expect(translate('en', 'answer.trimmed', { percent: 40, kept: '4,000', total: '10,000' })).toBe(
      'Input trimmed to 40% of the text (4,000 of 10,000 characters): the beginning and the end were kept.',
    );
  });

  it('leaves a placeholder with no value visible rather than printing undefined', () => {
    const text = translate('en', 'answer.meta', { provider: 'OpenAI' });
    expect(text).toBe('OpenAI · {model} · {mode}');
    expect(text).not.toContain('undefined');
  });

  it('does not interpret replacement patterns in values', () => {
    expect(translate('en', 'error.missing-key', { provider: '$& $1 $$' })).toBe('$& $1 $$ needs an API key.');
  });

  it('returns the template as is without parameters', () => {
    expect(translate('en', 'answer.meta')).toBe('{provider} · {model} · {mode}');
  });
});

describe('the pt-BR dictionary', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('has every key of en, and no other', () => {
    expect(Object.keys(ptBR).sort()).toEqual([...keys].sort());
  });

  it('translates every string (none empty)', () => {
    for (const key of keys) expect(ptBR[key]?.trim(), key).not.toBe('');
  });

  it('has the same {placeholders} as en in every string', () => {
    const mismatched = keys.filter((key) => placeholders(ptBR[key] ?? '').join() !== placeholders(en[key]).join());
    expect(mismatched).toEqual([]);
  });
});
