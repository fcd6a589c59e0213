import { isReasoningModel } from '../../catalogue/reasoning';

/**
 * Room for a reasoning model to think. Every API here counts reasoning against the limit we
 * send (OpenAI's max_completion_tokens, DeepSeek's and Ollama's max_tokens, Claude's
 * max_tokens, Gemini's maxOutputTokens): a 400-token answer budget would be spent on thinking
 * and the answer would come back empty, cut at "length". Unused tokens cost nothing.
 */
export const REASONING_ALLOWANCE_TOKENS = 16_000;

/** The limit to send for an answer of `answerTokens`: the answer's budget, plus thinking room. */
export function tokenLimit(model: string, answerTokens: number): number {
  return isReasoningModel(model) ? answerTokens + REASONING_ALLOWANCE_TOKENS : answerTokens;
}
