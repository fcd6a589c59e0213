/**
 * Models that reason before they answer (reviewed 2026-12-02 against each provider's model
 * documentation; see lib/catalogue/providers.ts for the sources). They may stay silent for a
 * long while (OpenAI's show nothing while they think), stream their reasoning apart
 * (DeepSeek, Ollama, Claude), or write it inside `<think>` tags; and their token limit counts
 * the reasoning too. By name, because a gateway or a custom provider may serve any of them.
 */
const REASONING_NAMES: readonly RegExp[] = [
  /^o\d+(-|$)/, // OpenAI o1, o3, o4-mini…
  /^gpt-([5-9]|\d\d)/, // the GPT-5 family and later (their "-chat" variants are excluded below)
  /^gpt-oss/,
  /^deepseek-(reasoner|r1|v4)/, // DeepSeek V4 thinks unless told not to
  /^(qwen3|qwq|magistral|phi4-reasoning|cogito|exaone-deep)/,
  /^claude-(fable|mythos)/,
  /^claude-[a-z]+-([5-9]|\d\d)(-|$)/, // Claude 5 models think adaptively, always on
  /^gemini-2\.5-(pro|flash)(?!-lite)/,
  /^gemini-([3-9]|\d\d)/,
  /think|reason/,
];

/** Non-reasoning variants whose names look like a reasoning family's. */
const NOT_REASONING = /-chat(-latest)?$|^deepseek-chat$/;

export function isReasoningModel(model: string | undefined): boolean {
  if (!model) return false;
  // Gateways prefix the vendor ("openai/gpt-5.6-luna"); Ollama suffixes a tag ("qwen3:8b").
  const name = (model.split('/').at(-1) ?? model).toLowerCase();
  return !NOT_REASONING.test(name) && REASONING_NAMES.some((pattern) => pattern.test(name));
}
