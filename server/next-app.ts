import next from 'next';
import type { WebApp } from './start';

/** The Next.js app (pages, route handlers, server actions) served by our HTTP server. */
export async function createNextApp(options: { dev: boolean }): Promise<WebApp> {
  const app = next({ dev: options.dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = options.dev ? app.getUpgradeHandler() : undefined;
  return {
    handle: (req, res) => handle(req, res),
    ...(upgrade && { upgrade: (req, socket, head) => upgrade(req, socket, head) }),
    close: () => app.close(),
  };
}
