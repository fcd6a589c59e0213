import { z } from 'zod';

/**
 * Every schema in the extension is built through this module, so this runs first: zod's
 * optional JIT probes `new Function`, which our CSP (rightly) forbids and reports as a
 * violation. Jitless zod never tries.
 */
z.config({ jitless: true });

export { z };
