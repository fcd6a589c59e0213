import type { z } from '../zod';
import type { Language, MessageKey } from '../i18n/translate';
import type { ChatTurn } from '../domain/chat';
import type { FeatureId } from './ids';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface FieldOption {
  value: string;
  label: MessageKey;
}

/** How a feature's form looks, as data: both UIs render it with one component. */
export type FieldSpec =
  | { kind: 'textarea'; name: string; label: MessageKey; placeholder?: MessageKey; rows?: number }
  | { kind: 'text'; name: string; label: MessageKey; placeholder?: MessageKey }
  | { kind: 'select'; name: string; label: MessageKey; options: readonly FieldOption[] }
  | { kind: 'checkboxes'; name: string; label: MessageKey; options: readonly FieldOption[] }
  | { kind: 'number'; name: string; label: MessageKey; min: number; max: number; step: number };

export interface FeatureContext {
  /** The language answers are written in. */
  language: Language;
  /** Earlier turns of the conversation (chat only), already trimmed to the budget. */
  history?: readonly ChatTurn[];
  /** The page the conversation is about (chat only), its text already trimmed to the budget. */
  page?: { title: string; url?: string; text: string };
}

export interface Feature<Input extends Record<string, unknown> = Record<string, unknown>> {
  id: FeatureId;
  title: MessageKey;
  /** A short tab label, contained in the title (the tab's accessible name). */
  tab: MessageKey;
  summary: MessageKey;
  /** Validates and completes the input with defaults; its limits protect the background. */
  schema: z.ZodMiniType<Input>;
  fields: readonly FieldSpec[];
  /** The text field that receives the page selection, and the one trimmed to the budget. */
  mainField: string;
  maxTokens(input: Input): number;
  /** System and user messages for a provider called directly. */
  buildMessages(input: Input, context: FeatureContext): PromptMessage[];
  /** A single prompt for the Grompt server, which sends it upstream as one user message. */
  buildServerPrompt(input: Input, context: FeatureContext): string;
  /** A useful answer built from the input alone, for demo mode. Markdown. */
  demo(input: Input, context: FeatureContext): string;
}

/** Lets each feature file keep its precise Input type while the registry holds them all. */
export function defineFeature<Input extends Record<string, unknown>>(feature: Feature<Input>): Feature {
  return feature as unknown as Feature;
}
