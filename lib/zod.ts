import * as z from 'zod/mini';

/**
 * Every schema in the extension is built through this module. zod/mini: the same validation,
 * a fraction of the bytes and start-up work of classic zod in the popup's first load.
 * Jitless: zod's optional JIT probes `new Function`, which our CSP (rightly) forbids.
 */
z.config({ jitless: true });

export { z };
