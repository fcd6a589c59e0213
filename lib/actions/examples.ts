import { type Language, translate } from '../i18n/translate';
import type { CustomAction } from './schema';

const EXAMPLES = [
  { id: 'example-explain', key: 'explain' },
  { id: 'example-translate-pt', key: 'translate' },
  { id: 'example-reply-email', key: 'reply' },
] as const;

/**
 * Three useful actions a new user starts with, in their language; deleting them is for good
 * (they are shown only until the user's own list is first saved).
 */
export function exampleActions(language: Language): CustomAction[] {
  return EXAMPLES.map(({ id, key }) => ({
    id,
    name: translate(language, `actions.example.${key}.name`),
    template: translate(language, `actions.example.${key}.template`),
    placement: 'both',
  }));
}
