import { z } from '../zod';

/** Schema pieces the features share. The codes (e.g. 'text-required') name i18n messages. */

/** The main text of a feature: trimmed, required, and bounded (it is trimmed to the budget later). */
export const requiredText = (code: string) => z.string().check(z.trim(), z.minLength(1, code), z.maxLength(5_000_000));

/** An optional free-text option, empty by default. */
export const optionalText = (max: number) => z._default(z.string().check(z.trim(), z.maxLength(max)), '');
