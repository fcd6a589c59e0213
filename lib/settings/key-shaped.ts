import { looksLikeKey } from '../keys/key-shape';
import { z } from '../zod';

/**
 * The one check every text field except the key field uses: model names, base URLs, the
 * server URL, custom-action templates. A value that looks like a key is refused where it is
 * typed, again when settings are parsed (nothing key-shaped is ever written to
 * storage.local), and again in the worker before a request (nothing key-shaped goes into a URL).
 */
export const KEY_SHAPED = 'key-shaped' as const;

/** The message to show under a field whose value looks like a key. */
export const KEY_SHAPED_MESSAGE = 'validation.key-shaped' as const;

export function isKeyShaped(text: string | undefined): boolean {
  return typeof text === 'string' && looksLikeKey(text);
}

/** A zod string that refuses key-shaped values, for settings schemas (custom actions included). */
export function notKeyShapedText(max: number) {
  return z.string().check(
    z.maxLength(max),
    z.refine((value) => !looksLikeKey(value), { message: KEY_SHAPED }),
  );
}
