import type { IncomingMessage, ServerResponse } from 'node:http';
import next from 'next';
import { contentSecurityPolicy, newScriptNonce } from '../lib/http/content-security-policy';
import { REQUEST_PATH_HEADER } from '../lib/http/request-path';
import type { WebApp } from './start';

/**
 * Gives the response a policy with a nonce of its own. Next reads the nonce from the request's
 * Content-Security-Policy header (whatever the client sent there is replaced) and puts it on every
 * script of the page it renders; pages render per request (app/layout.tsx) so that each has a fresh one.
 */
function applyContentSecurityPolicy(req: IncomingMessage, res: ServerResponse, dev: boolean): void {
  const policy = contentSecurityPolicy({ nonce: newScriptNonce(), dev });
  req.headers['content-security-policy'] = policy;
  res.setHeader('Content-Security-Policy', policy);
}

/** The Next.js app (pages, route handlers, server actions) served by our HTTP server. */
export async function createNextApp(options: { dev: boolean }): Promise<WebApp> {
  const app = next({ dev: options.dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = options.dev ? app.getUpgradeHandler() : undefined;
  return {
    handle: (req, res) => {
      applyContentSecurityPolicy(req, res, options.dev);
      req.headers[REQUEST_PATH_HEADER] = (req.url ?? '/').split('?')[0];
      return handle(req, res);
    },
    ...(upgrade && { upgrade: (req, socket, head) => upgrade(req, socket, head) }),
    close: () => app.close(),
  };
}
