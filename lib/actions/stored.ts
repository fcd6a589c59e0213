import type { Language } from '../i18n/translate';
import { customActionsItem } from '../storage/items';
import { exampleActions } from './examples';
import { type CustomAction, parseActions } from './schema';

/** The user's actions in their order; the examples until the list has been saved once. */
export function actionsFrom(raw: unknown, language: Language): CustomAction[] {
  return raw === null || raw === undefined ? exampleActions(language) : parseActions(raw);
}

export async function readCustomActions(language: Language): Promise<CustomAction[]> {
  return actionsFrom(await customActionsItem.getValue(), language);
}
