import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { crossSiteRefusal } from '../lib/http/cross-site';

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value;

/**
 * Answers 403 to a write another site made the browser send, before anything else sees it: route
 * handlers, server actions and next-auth (whose own CSRF token stays) alike. True when it answered.
 */
export function refuseCrossSiteWrite(
  req: IncomingMessage,
  res: ServerResponse,
  options: { siteOrigin: string | undefined; log: Logger },
): boolean {
  const reason = crossSiteRefusal(
    {
      method: req.method,
      origin: header(req.headers.origin),
      fetchSite: header(req.headers['sec-fetch-site']),
      host: header(req.headers.host),
      hasCookies: Boolean(req.headers.cookie),
    },
    options.siteOrigin,
  );
  if (!reason) return false;
  options.log.warn({ method: req.method, path: (req.url ?? '').split('?')[0], reason }, 'cross-site request refused');
  res
    .writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify({ error: 'This request came from another site, so it was refused.' }));
  return true;
}
