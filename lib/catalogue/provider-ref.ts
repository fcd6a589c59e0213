import { z } from '../zod';
import { isProviderId, PROVIDER_IDS, type ProviderId } from './providers';

/**
 * A provider the user added (any OpenAI-compatible endpoint) is named `custom:<uuid>`, so it can
 * never collide with a built-in id, and every place that picks a provider takes either kind.
 */
export type CustomProviderId = `custom:${string}`;
export type ProviderRef = ProviderId | CustomProviderId;

const CUSTOM_ID = /^custom:[a-z0-9-]{1,64}$/;

export function isCustomProviderId(value: unknown): value is CustomProviderId {
  return typeof value === 'string' && CUSTOM_ID.test(value);
}

export function isProviderRef(value: unknown): value is ProviderRef {
  return isProviderId(value) || isCustomProviderId(value);
}

export function newCustomProviderId(): CustomProviderId {
  return `custom:${crypto.randomUUID()}`;
}

export const customProviderIdSchema = z.custom<CustomProviderId>(isCustomProviderId, 'not a custom provider id');

/**
 * A built-in id, or the shape of a custom one. Whether that custom provider still exists is a
 * question for the settings (the worker checks it before every use).
 */
export const providerRefSchema = z.union([z.enum(PROVIDER_IDS), customProviderIdSchema]);
