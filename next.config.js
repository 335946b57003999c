import createNextIntlPlugin from 'next-intl/plugin';

/** Interface languages without locale-prefixed routes: each request's language is the reader's. */
const withNextIntl = createNextIntlPlugin('./app/_server/i18n-request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next loads every route's server chunks when it starts unless told not to: 175 MiB of a 414 MiB idle
  // process on 7 Dec (docs/benchmarks.md#memory). Each route loads on its first request instead.
  experimental: { preloadEntriesOnStart: false },
  // `npm run typecheck` checks the whole project (server/, tests/ too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time rather than bundled: native addons, WASM, drivers that open sockets, and
  // Yjs, whose documents route handlers share with the collaboration server (one copy, or its type checks fail).
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'pino',
    'drizzle-orm',
    'yjs',
    'y-protocols',
    'lib0',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          // Content-Security-Policy is set per response, with a script nonce, by server/next-app.ts.
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
