import { z } from '../zod';
import { providerRefSchema } from '../catalogue/provider-ref';
import { gromptErrorSchema } from '../errors/kinds';
import { chatPageSchema, conversationSchema } from '../domain/chat';
import { jobKindSchema, surfaceSchema } from '../domain/job';

/** A built-in id or the shape of a custom one; the worker checks a custom one exists in the settings. */
const provider = providerRefSchema;

/**
 * One-shot requests from our pages to the background. Each entry is the request's
 * schema and the schema of its answer; both ends validate against them.
 * No request ever answers with a key: the UI learns only {hasKey, masked}.
 */
export const requests = {
  'key.set': {
    request: z.object({ provider, key: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
    response: z.object({ hasKey: z.boolean(), masked: z.string() }),
  },
  'key.forget': { request: z.object({ provider }), response: z.object({}) },
  'key.forget-all': { request: z.object({}), response: z.object({}) },
  'key.status': {
    request: z.object({}),
    response: z.object({
      available: z.boolean(),
      keys: z.partialRecord(provider, z.object({ hasKey: z.boolean(), masked: z.string() })),
    }),
  },
  'models.list': {
    request: z.object({ provider }),
    response: z.object({ models: z.array(z.string()), source: z.enum(['provider', 'defaults']) }),
  },
  'server.test': {
    request: z.object({ url: z.string().check(z.maxLength(500)) }),
    response: z.object({ prefix: z.string(), version: z.optional(z.string()) }),
  },
  /** Moves the popup's finished answer of this feature (and its form) to the side panel. */
  'job.continue-in-panel': { request: z.object({ feature: jobKindSchema }), response: z.object({}) },
  /** "Session memory is full": removes every answer that is not running. */
  'jobs.clear-finished': { request: z.object({}), response: z.object({ cleared: z.int() }) },
  /** One feature's form values, kept for the browser session (the worker is their only writer). */
  'drafts.save': {
    request: z.object({ surface: surfaceSchema, feature: jobKindSchema, values: z.record(z.string(), z.unknown()) }),
    response: z.object({}),
  },
  'chat.get': { request: z.object({}), response: conversationSchema },
  'chat.clear': { request: z.object({}), response: conversationSchema },
  /** "Chat about this page": the page's article text, kept once with the conversation. */
  'chat.attach-page': { request: chatPageSchema, response: conversationSchema },
  'chat.detach-page': { request: z.object({}), response: conversationSchema },
  'chat.set-draft': { request: z.object({ draft: z.string().check(z.maxLength(5_000_000)) }), response: z.object({}) },
} as const;

export type RequestType = keyof typeof requests;
export type RequestOf<T extends RequestType> = z.infer<(typeof requests)[T]['request']>;
export type ResponseOf<T extends RequestType> = z.infer<(typeof requests)[T]['response']>;

export const REQUEST_TYPES = Object.keys(requests) as RequestType[];

export const envelopeSchema = z.object({
  type: z.enum(REQUEST_TYPES as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});

export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof gromptErrorSchema> };

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: gromptErrorSchema }),
]);
