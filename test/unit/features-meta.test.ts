import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { FEATURE_IDS, type FeatureId } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import type { Feature, FeatureContext } from '@/lib/features/types';
import { en } from '@/lib/i18n/en';
import type { Language } from '@/lib/i18n/translate';

const LANGUAGES: readonly Language[] = ['en', 'pt-BR'];

/** Two different main inputs per feature, each with a distinctive word the demo must pick up. */
const SAMPLES: Record<FeatureId, { a: string; aWord: string; b: string; bWord: string }> = {
  'prompt-crafter': {
    a: 'Plan a zeppelin museum tour\nfamily friendly tone\ninclude the hangar visit',
    aWord: 'zeppelin',
    b: 'A landing page for a lighthouse hotel\nwarm tone',
    bWord: 'lighthouse',
  },
  chat: {
    a: 'How do zeppelin airships stay aloft?',
    aWord: 'zeppelin',
    b: 'Why does a lighthouse lens use prisms?',
    bWord: 'lighthouse',
  },
  'code-generator': {
    a: 'A REST endpoint that lists zeppelin flights with pagination',
    aWord: 'zeppelin',
    b: 'A command line tool that rotates lighthouse logs',
    bWord: 'lighthouse',
  },
  summarizer: {
    a: 'The zeppelin era began in 1900. Early zeppelin flights carried mail across Germany. Passengers later crossed the Atlantic by zeppelin in comfort. The Hindenburg disaster ended public trust in 1937. Engineers still study zeppelin hull design today.',
    aWord: 'zeppelin',
    b: 'The lighthouse stood on the cliff for two centuries. Its keeper trimmed the lighthouse lamp every night. Ships relied on the lighthouse beam in storms. Automation replaced the keeper in 1980.',
    bWord: 'lighthouse',
  },
  'image-prompt': {
    a: 'a zeppelin over a misty harbour at dawn',
    aWord: 'zeppelin',
    b: 'a lighthouse on a cliff at dusk',
    bWord: 'lighthouse',
  },
};

function inputFor(feature: Feature, main: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return feature.schema.parse({ [feature.mainField]: main, ...extra });
}

const contextFor = (language: Language): FeatureContext => ({ language });

/** The main text must reach the model whole: every line of it, whatever list markers the prompt adds. */
function containsEveryLine(haystack: string, text: string): boolean {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .every((line) => haystack.includes(line));
}

/** Every message key a feature shows: title, summary, tab label, field labels, placeholders, option labels. */
function messageKeysOf(feature: Feature): string[] {
  const tab = (feature as { tab?: unknown }).tab;
  const keys: string[] = [feature.title, feature.summary, ...(typeof tab === 'string' ? [tab] : [])];
  for (const field of feature.fields) {
    keys.push(field.label);
    if ('placeholder' in field && field.placeholder) keys.push(field.placeholder);
    if ('options' in field) for (const option of field.options) keys.push(option.label);
  }
  return keys;
}

describe('the feature registry', () => {
  it('holds exactly the features of FEATURE_IDS, each under its own id', () => {
    expect(Object.keys(FEATURES).sort()).toEqual([...FEATURE_IDS].sort());
    for (const id of FEATURE_IDS) expect(FEATURES[id].id).toBe(id);
  });

  it('has a test sample for every feature', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...FEATURE_IDS].sort());
  });
});

describe.each(FEATURE_IDS)('feature %s', (id) => {
  const feature = FEATURES[id];
  const sample = SAMPLES[id];

  it('has a zod schema that requires the main input', () => {
    expect(feature.schema).toBeInstanceOf(z.ZodMiniType);
    expect(feature.schema.safeParse({}).success).toBe(false);
    expect(feature.schema.safeParse({ [feature.mainField]: '   ' }).success).toBe(false);
    expect(feature.schema.safeParse({ [feature.mainField]: sample.a }).success).toBe(true);
  });

  it('has form fields that include its main field, as a text area', () => {
    const names = feature.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(feature.fields.find((field) => field.name === feature.mainField)?.kind).toBe('textarea');
  });

  it('has a schema that knows every form field and accepts every option', () => {
    const parsed = inputFor(feature, sample.a);
    for (const field of feature.fields) {
      expect(Object.keys(parsed), field.name).toContain(field.name);
      if (field.kind === 'select') {
        for (const option of field.options)
          expect(inputFor(feature, sample.a, { [field.name]: option.value })[field.name]).toBe(option.value);
      }
      if (field.kind === 'checkboxes') {
        for (const option of field.options)
          expect(inputFor(feature, sample.a, { [field.name]: [option.value] })[field.name]).toEqual([option.value]);
      }
      if (field.kind === 'number') {
        expect(inputFor(feature, sample.a, { [field.name]: field.min })[field.name]).toBe(field.min);
        expect(inputFor(feature, sample.a, { [field.name]: field.max })[field.name]).toBe(field.max);
        expect(feature.schema.safeParse({ [feature.mainField]: sample.a, [field.name]: field.min - 1 }).success).toBe(false);
        expect(feature.schema.safeParse({ [feature.mainField]: sample.a, [field.name]: field.max + 1 }).success).toBe(false);
      }
    }
  });

  it('asks for a positive number of output tokens', () => {
    const tokens = feature.maxTokens(inputFor(feature, sample.a));
    expect(Number.isInteger(tokens)).toBe(true);
    expect(tokens).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('builds a system message and ends with a user message holding the main input (%s)', (language) => {
    const messages = feature.buildMessages(inputFor(feature, sample.a), contextFor(language));
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content.length).toBeGreaterThan(50);
    const last = messages.at(-1);
    expect(last?.role).toBe('user');
    expect(containsEveryLine(last?.content ?? '', sample.a)).toBe(true);
    expect(messages[0]?.content).not.toContain(sample.aWord);
  });

  it.each(LANGUAGES)('builds a server prompt holding the main input (%s)', (language) => {
    const prompt = feature.buildServerPrompt(inputFor(feature, sample.a), contextFor(language));
    expect(containsEveryLine(prompt, sample.a)).toBe(true);
    expect(prompt).toContain((feature.buildMessages(inputFor(feature, sample.a), contextFor(language))[0]?.content ?? '').slice(0, 40));
  });

  it.each(LANGUAGES)('has a demo that uses the input and differs between inputs (%s)', (language) => {
    const demoA = feature.demo(inputFor(feature, sample.a), contextFor(language));
    const demoB = feature.demo(inputFor(feature, sample.b), contextFor(language));
    expect(demoA.toLowerCase()).toContain(sample.aWord);
    expect(demoB.toLowerCase()).toContain(sample.bWord);
    expect(demoA.toLowerCase()).not.toContain(sample.bWord);
    expect(demoA).not.toBe(demoB);
  });

  it('has every label, placeholder, option, title and summary in the English dictionary', () => {
    const missing = messageKeysOf(feature).filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('feature specifics', () => {
  it('summarizer: maxTokens is min(words × 3, 1200)', () => {
    const summarizer = FEATURES.summarizer;
    for (const words of [100, 220, 399, 400, 600]) {
      expect(summarizer.maxTokens(inputFor(summarizer, SAMPLES.summarizer.a, { words })), String(words)).toBe(Math.min(words * 3, 1200));
    }
  });

  it('summarizer: words are limited to 100–600, default 220', () => {
    const summarizer = FEATURES.summarizer;
    const text = SAMPLES.summarizer.a;
    expect(inputFor(summarizer, text).words).toBe(220);
    expect(inputFor(summarizer, text, { words: '300' }).words).toBe(300);
    for (const words of [99, 601, 0, -100, 250.5, 'many']) {
      expect(summarizer.schema.safeParse({ text, words }).success, String(words)).toBe(false);
    }
  });

  it('code generator: maxTokens is 1200; image prompt: 400', () => {
    expect(FEATURES['code-generator'].maxTokens(inputFor(FEATURES['code-generator'], SAMPLES['code-generator'].a))).toBe(1200);
    expect(FEATURES['image-prompt'].maxTokens(inputFor(FEATURES['image-prompt'], SAMPLES['image-prompt'].a))).toBe(400);
  });

  it.each(LANGUAGES)('summarizer: the demo is made of sentences of the input (%s)', (language) => {
    const summarizer = FEATURES.summarizer;
    const text = SAMPLES.summarizer.a;
    const normalised = text.replace(/\s+/g, ' ');
    const bulletsOf = (words: number) => {
      const demo = summarizer.demo(inputFor(summarizer, text, { words }), contextFor(language));
      const sections = demo.split(/^## /m);
      // Context, Key Insights, Next Steps: the insights are the second section.
      expect(sections.filter(Boolean)).toHaveLength(3);
      return (sections[2] ?? '')
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2));
    };
    const short = bulletsOf(100);
    const long = bulletsOf(600);
    expect(short.length).toBeGreaterThanOrEqual(2);
    expect(long.length).toBeGreaterThan(short.length);
    for (const sentence of [...short, ...long]) {
      expect(normalised, sentence).toContain(sentence);
      expect(sentence).toMatch(/[.!?]$/);
    }
  });

  it.each(LANGUAGES)('prompt crafter: the demo contains every idea line, tidied of list markers (%s)', (language) => {
    const crafter = FEATURES['prompt-crafter'];
    const ideas = '- a landing page for a bakery\n\n2. warm tone\n* mention the sourdough\n• open on Sundays';
    const demo = crafter.demo(inputFor(crafter, ideas), contextFor(language));
    for (const idea of ['a landing page for a bakery', 'warm tone', 'mention the sourdough', 'open on Sundays'])
      expect(demo).toContain(`- ${idea}`);
    expect(demo).not.toContain('2. warm tone');
    expect(demo).not.toContain('* mention');
    // The model gets the same ideas, numbered.
    const user = crafter.buildMessages(inputFor(crafter, ideas), contextFor(language)).at(-1)?.content ?? '';
    expect(user).toContain('1. a landing page for a bakery\n2. warm tone\n3. mention the sourdough\n4. open on Sundays');
  });

  it.each([
    ['go-fiber', 'Go + Fiber', '```go'],
    ['ts-react', 'TypeScript + React', '```tsx'],
    ['python-fastapi', 'Python + FastAPI', '```python'],
    ['rust-axum', 'Rust + Axum', '```rust'],
  ])('code generator: the demo mentions the chosen stack %s', (stack, name, fence) => {
    const generator = FEATURES['code-generator'];
    for (const language of LANGUAGES) {
      const input = inputFor(generator, SAMPLES['code-generator'].a, { stack });
      const demo = generator.demo(input, contextFor(language));
      expect(demo).toContain(name);
      expect(demo).toContain(fence);
      expect(generator.buildMessages(input, contextFor(language)).at(-1)?.content).toContain(`Stack: ${name}`);
    }
  });

  it('code generator: the demo names a custom stack when one is given', () => {
    const generator = FEATURES['code-generator'];
    const demo = generator.demo(inputFor(generator, SAMPLES['code-generator'].a, { customStack: 'Kotlin + Ktor' }), contextFor('en'));
    expect(demo).toContain('Kotlin + Ktor');
  });

  it.each(LANGUAGES)('image prompt: the demo contains the subject (%s)', (language) => {
    const image = FEATURES['image-prompt'];
    const demo = image.demo(inputFor(image, SAMPLES['image-prompt'].a, { mood: 'futuristic', style: 'isometric' }), contextFor(language));
    expect(demo).toContain(SAMPLES['image-prompt'].a);
    expect(demo).toMatch(/^Prompt: a zeppelin over a misty harbour at dawn, futuristic mood/m);
  });

  it('chat: earlier turns go between the system message and the new question', () => {
    const chat = FEATURES.chat;
    const history = [
      { role: 'user' as const, content: 'What is a zeppelin?' },
      { role: 'assistant' as const, content: 'A rigid airship.' },
    ];
    const input = inputFor(chat, 'Who built the first one?');
    const messages = chat.buildMessages(input, { language: 'en', history });
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages.at(-1)?.content).toBe('Who built the first one?');
    const prompt = chat.buildServerPrompt(input, { language: 'en', history });
    expect(prompt.indexOf('What is a zeppelin?')).toBeLessThan(prompt.indexOf('A rigid airship.'));
    expect(prompt.indexOf('A rigid airship.')).toBeLessThan(prompt.indexOf('Who built the first one?'));
  });
});
