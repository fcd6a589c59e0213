import type { ErrorFacts } from '../../errors/describe';
import { FEATURES } from '../../features/registry';
import { cropMiddle, fitHistory } from '../../features/trim';
import type { Feature, FeatureContext, PromptMessage } from '../../features/types';
import { validateInput } from '../../features/validate';
import { type Language, type MessageKey, translate } from '../../i18n/translate';
import type { ChatPage, ChatTurn } from '../../domain/chat';
import { fitPage } from '../../features/chat-page';
import type { GenerateRequest, TrimNote } from '../../domain/job';
import type { FeatureId } from '../../features/ids';

/** A request for one of the five features (the user's actions are prepared in prepare-action.ts). */
export type FeatureRequest = Omit<GenerateRequest, 'feature'> & { feature: FeatureId };

/** Everything a route needs to run a feature once, already validated and trimmed. */
export interface PreparedCall {
  /** The built-in feature run (absent for the user's own actions, prepared in prepare-action.ts). */
  feature?: Feature;
  input: Record<string, unknown>;
  messages: PromptMessage[];
  serverPrompt: string;
  demo: string;
  maxTokens: number;
  trim?: TrimNote;
}

export class InvalidInputError extends Error {
  constructor(readonly facts: ErrorFacts) {
    super(facts.detail ?? 'invalid input');
  }
}

function invalid(language: Language, message: MessageKey, params?: Record<string, string>): InvalidInputError {
  return new InvalidInputError({ kind: 'invalid-input', detail: translate(language, message, params) });
}

/**
 * Validates the feature's input, fits its main text (and, for chat, the history) into the
 * provider's budget with a visible note, and builds the prompts for every route.
 */
export function prepareCall(
  request: FeatureRequest,
  /** The provider's input budget in characters. */
  budget: number,
  language: Language,
  history: readonly ChatTurn[] = [],
  /** The page a chat is about: it takes its share of the budget first. */
  page?: ChatPage,
): PreparedCall {
  const feature = FEATURES[request.feature];
  const checked = validateInput(request.feature, request.input);
  if (!checked.ok) throw invalid(language, checked.message, checked.params);
  const fittedPage = page ? fitPage(page.text, budget) : undefined;
  const room = budget - (fittedPage?.text.length ?? 0);
  const input = { ...checked.input };
  const main = input[feature.mainField];
  let trim: TrimNote | undefined;
  if (typeof main === 'string') {
    // The main text gets most of the budget; chat history gets what remains.
    const cropped = cropMiddle(main, Math.floor(room * 0.8));
    input[feature.mainField] = cropped.text;
    trim = cropped.note;
  }
  const mainLength = typeof input[feature.mainField] === 'string' ? (input[feature.mainField] as string).length : 0;
  const fitted = fitHistory(history, Math.max(0, room - mainLength));
  trim = trim ?? fittedPage?.note ?? fitted.note;
  const context: FeatureContext = {
    language,
    history: fitted.turns,
    ...(page && fittedPage ? { page: { title: page.title, ...(page.url ? { url: page.url } : {}), text: fittedPage.text } } : {}),
  };
  return {
    feature,
    input,
    messages: feature.buildMessages(input, context),
    serverPrompt: feature.buildServerPrompt(input, context),
    demo: feature.demo(input, context),
    maxTokens: feature.maxTokens(input),
    ...(trim ? { trim } : {}),
  };
}
