import { en, type MessageKey } from './en';
import { ptBR } from './pt-BR';

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';
export type { MessageKey };

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, 'pt-BR': ptBR };

/** The browser's language picks the default; Portuguese of any region gets pt-BR. */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[language][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
