import { fence, LANGUAGE_NAMES } from '../features/text-tools';
import type { Language } from '../i18n/translate';

/** What an action's template may ask for. */
export const PLACEHOLDERS = ['selection', 'page.title', 'page.url', 'language'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface TemplateValues {
  /** The text the action works on (the page selection, or what the user typed). */
  selection: string;
  pageTitle?: string;
  pageUrl?: string;
  language: Language;
}

export interface RenderedTemplate {
  text: string;
  /** Placeholders the template uses that had no value (the selection is the one that matters). */
  missing: Placeholder[];
}

/** {{ name }}, spaces allowed inside the braces. Unknown names are left as written. */
const PLACEHOLDER = /\{\{\s*([a-z.]+)\s*\}\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

export function usedPlaceholders(template: string): Placeholder[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter(isPlaceholder))];
}

/** Page metadata goes inline: one line, bounded, and no angle brackets that could open or close a fence. */
function inline(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max).replaceAll('<', '‹').replaceAll('>', '›');
}

function pageUrl(raw: string | undefined): string {
  if (!raw) return '';
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) ? inline(url.href, 2_000) : '';
  } catch {
    return '';
  }
}

/**
 * Fills an action's template. The selection is page text: it is fenced exactly as the built-in
 * features fence theirs, so the model reads it as material and never as instructions. A template
 * that does not mention {{selection}} gets the selection appended, fenced, when there is one.
 * One pass: text inside a value (a selection holding "{{page.url}}") is never expanded again.
 */
export function renderTemplate(template: string, values: TemplateValues): RenderedTemplate {
  const missing = new Set<Placeholder>();
  const title = inline(values.pageTitle ?? '', 300);
  const url = pageUrl(values.pageUrl);
  const selection = values.selection.trim();
  const filled: Record<Placeholder, string> = {
    selection: selection ? fence('selection', selection) : '',
    'page.title': title,
    'page.url': url,
    language: LANGUAGE_NAMES[values.language],
  };
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    if (!filled[name]) {
      missing.add(name);
      return '(not available)';
    }
    return filled[name];
  });
  const appended = !usedPlaceholders(template).includes('selection') && selection ? `${text.trim()}\n\n${filled.selection}` : text.trim();
  return { text: appended, missing: [...missing] };
}
