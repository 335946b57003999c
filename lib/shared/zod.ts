import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may; a page's Content-Security-Policy allows
// no eval, and Chromium reports even zod's caught probe for it as a violation. Set before any schema
// is built (schemas read it once), so browser-safe modules take zod from here.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
