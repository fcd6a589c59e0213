import { ACTION_MAX_TOKENS, actionDemo, actionMessages, actionServerPrompt } from '../../actions/prompt';
import { actionRunInputSchema } from '../../actions/run-input';
import type { CustomAction } from '../../actions/schema';
import { renderTemplate, usedPlaceholders } from '../../actions/template';
import { cropMiddle } from '../../features/trim';
import { type Language, translate } from '../../i18n/translate';
import { InvalidInputError, type PreparedCall } from './prepare';

function invalid(language: Language, message: Parameters<typeof translate>[1]): InvalidInputError {
  return new InvalidInputError({ kind: 'invalid-input', detail: translate(language, message) });
}

/**
 * Prepares a run of one of the user's actions. The page names the action and gives the text;
 * the template comes from storage (the user's own words), never from the request. The text is
 * trimmed to the provider's budget with the same visible note as the built-in features.
 */
export function prepareActionCall(
  rawInput: Record<string, unknown>,
  actions: readonly CustomAction[],
  budget: number,
  language: Language,
): PreparedCall & { action: CustomAction } {
  const parsed = actionRunInputSchema.safeParse(rawInput);
  if (!parsed.success) throw invalid(language, 'validation.action-unknown');
  const input = parsed.data;
  const action = actions.find((entry) => entry.id === input.actionId);
  if (!action) throw invalid(language, 'validation.action-unknown');
  const needsText = usedPlaceholders(action.template).includes('selection');
  if (needsText && !input.selection.trim()) throw invalid(language, 'validation.selection-required');
  // The template and the page's title and address take their share; the text gets most of the rest.
  const room = Math.max(1_000, Math.floor((budget - action.template.length - 2_500) * 0.9));
  const cropped = cropMiddle(input.selection.trim(), room);
  const rendered = renderTemplate(action.template, { ...input, selection: cropped.text, language });
  return {
    action,
    input: { ...input, selection: cropped.text },
    messages: actionMessages(action, rendered),
    serverPrompt: actionServerPrompt(action, rendered),
    demo: actionDemo(action, input.selection, language),
    maxTokens: ACTION_MAX_TOKENS,
    ...(cropped.note ? { trim: cropped.note } : {}),
  };
}
