/**
 * Refusing state-changing requests that another site makes a user's browser send. SameSite=Lax
 * cookies do not stop them: another port on the same host or a sibling subdomain is the "same site",
 * and a plain HTML form or a no-cors fetch from there carries the user's cookie. Browsers say where a
 * request comes from in `Origin` (sent on every POST, PUT, PATCH and DELETE since 2020) and
 * `Sec-Fetch-Site`, neither of which a page can forge.
 */

/** Methods that change nothing, by HTTP's contract and ours: no route changes state on them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequestOrigin = {
  method: string | undefined;
  /** The `Origin` header, when sent. */
  origin: string | undefined;
  /** The `Sec-Fetch-Site` header, when sent. */
  fetchSite: string | undefined;
  /** The `Host` header: the site's own host when no public URL is configured. */
  host: string | undefined;
  /** Whether the request carries cookies: the ambient credential a forged request would borrow. */
  hasCookies: boolean;
};

/**
 * Whether `origin` is the site's: the public URL's origin (NEXTAUTH_URL) when configured, else the
 * request's own host (scheme aside: behind a TLS proxy the app itself sees http).
 */
export function isSiteOrigin(
  origin: string,
  site: { siteOrigin: string | undefined; host: string | undefined },
): boolean {
  if (site.siteOrigin) return origin === site.siteOrigin;
  try {
    return Boolean(site.host) && new URL(origin).host === site.host;
  } catch {
    return false;
  }
}

/**
 * Why a request must be refused as cross-site, or null when it may go on. Reading is always allowed.
 * A write is allowed when its Origin is the site's; without Origin, when Sec-Fetch-Site says
 * same-origin. A write with neither header is not from a current browser: it is allowed only without
 * cookies (a script authenticating with a bearer token, or not at all), since an old browser could be
 * made to send it with the user's cookie; a script that uses a cookie sends `Origin` with it.
 */
export function crossSiteRefusal(request: RequestOrigin, siteOrigin: string | undefined): string | null {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return null;
  if (request.origin !== undefined) {
    return isSiteOrigin(request.origin, { siteOrigin, host: request.host })
      ? null
      : `Origin ${request.origin} is not this site`;
  }
  if (request.fetchSite !== undefined)
    return request.fetchSite === 'same-origin' ? null : `Sec-Fetch-Site is ${request.fetchSite}`;
  return request.hasCookies ? 'neither Origin nor Sec-Fetch-Site sent with cookies' : null;
}
