// Only this site's own origin (and its WebSocket, which 'self' covers) may be used by a page.
// Inline scripts and styles are Next's hydration data and Tiptap's carets; eval only for dev reload.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (server/, tests/ too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time rather than bundled: native addons, WASM, drivers that open sockets, and
  // Yjs, whose documents route handlers share with the collaboration server (one copy, or its type checks fail).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'pino', 'drizzle-orm', 'yjs', 'y-protocols', 'lib0'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
        ],
      },
    ];
  },
};

export default nextConfig;
