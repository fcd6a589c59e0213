import { chat } from './chat';
import { codeGenerator } from './code-generator';
import type { FeatureId } from './ids';
import { imagePrompt } from './image-prompt';
import { promptCrafter } from './prompt-crafter';
import { summarizer } from './summarizer';
import type { Feature } from './types';

/** Every feature, by id. Adding a feature: one file in this folder, one line here, its strings. */
export const FEATURES: Record<FeatureId, Feature> = {
  'prompt-crafter': promptCrafter,
  chat,
  'code-generator': codeGenerator,
  summarizer,
  'image-prompt': imagePrompt,
};
