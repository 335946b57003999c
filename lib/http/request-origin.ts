/**
 * The site's public origin for one request: NEXTAUTH_URL's when configured, else the host the browser
 * asked for (a proxy's X-Forwarded-Host and -Proto first). Every absolute URL the app writes (redirects,
 * invitation links) starts with it, so the app works on any port or behind any proxy without settings.
 */
export function requestOrigin(headers: Pick<Headers, 'get'>, configuredUrl: string | undefined): string {
  if (configuredUrl) return new URL(configuredUrl).origin;
  const first = (name: string) => headers.get(name)?.split(',')[0]?.trim() || undefined;
  const host = first('x-forwarded-host') ?? first('host') ?? 'localhost';
  const proto = first('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return new URL(`${proto}://${host}`).origin;
}

/**
 * Where to send the browser after signing in or out: `url` (a path, or an absolute URL on this site)
 * placed on `origin`; anything pointing elsewhere goes to the site's root instead, so a crafted
 * callbackUrl cannot make sign-in an open redirect.
 */
export function sameSiteRedirect(url: string, origin: string, alsoOurs: readonly string[] = []): string {
  let target: URL;
  try {
    target = new URL(url, origin);
  } catch {
    return `${origin}/`;
  }
  if (target.origin !== origin && !alsoOurs.includes(target.origin)) return `${origin}/`;
  return `${origin}${target.pathname}${target.search}${target.hash}`;
}
