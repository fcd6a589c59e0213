/** The five Grompt features. The order is the order users see. */
export const FEATURE_IDS = ['prompt-crafter', 'chat', 'code-generator', 'summarizer', 'image-prompt'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];
