import { z } from "zod";

/**
 * Imported first by the SPA's entry (web.tsx), before any module builds a schema: zod 4 reads
 * the setting when it builds each object schema, and without it probes once whether
 * `new Function` is allowed, which the strict Content-Security-Policy refuses and reports (one
 * `securitypolicyviolation` per page). Jitless parsing needs no eval; the server keeps the JIT.
 */
z.config({ jitless: true });
