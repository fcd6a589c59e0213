import { z } from '../zod';

/**
 * Every failure the user can meet, as a kind. Crossing the messaging boundary an error is
 * a plain object (class identity does not survive structured cloning).
 */
export const ERROR_KINDS = [
  'missing-key',
  'auth',
  'permission',
  'rate-limit',
  'quota',
  'model-not-found',
  'bad-request',
  'network',
  'timeout',
  'server',
  'overloaded',
  'bad-response',
  'incomplete',
  'blocked',
  'aborted',
  'interrupted',
  'ollama-origin',
  'server-unsupported',
  'redirect-refused',
  'host-refused',
  'permission-revoked',
  'key-shaped',
  'invalid-input',
  'storage-unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const gromptErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  /** One short, specific, user-facing sentence plus what to do. Already redacted. */
  message: z.string(),
  /** Text that came from the provider or server, redacted of keys. */
  detail: z.optional(z.string()),
  status: z.optional(z.int()),
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
  retryable: z.boolean(),
  provider: z.optional(z.string()),
  /** The origin whose access the user withdrew: the page offers to grant it again (permission-revoked). */
  origin: z.optional(z.string()),
  /** For "model not found": up to five models the provider has, to switch to in one click. */
  suggestions: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(5))),
});
export type GromptError = z.infer<typeof gromptErrorSchema>;

const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set([
  'rate-limit',
  'network',
  'timeout',
  'server',
  'overloaded',
  'interrupted',
  'incomplete',
]);

export function isRetryableKind(kind: ErrorKind): boolean {
  return RETRYABLE_KINDS.has(kind);
}
