import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type RequestOrigin } from '../../lib/http/cross-site';

const SITE = 'https://concordia.example.org';
const request = (overrides: Partial<RequestOrigin>): RequestOrigin => ({
  method: 'POST',
  origin: undefined,
  fetchSite: undefined,
  host: 'concordia.example.org',
  hasCookies: true,
  ...overrides,
});
const allowed = (overrides: Partial<RequestOrigin>) => crossSiteRefusal(request(overrides), SITE) === null;
/** Without NEXTAUTH_URL: the site is whatever host the request names. */
const allowedByHost = (overrides: Partial<RequestOrigin>) => crossSiteRefusal(request(overrides), undefined) === null;

describe('crossSiteRefusal', () => {
  it('lets every read through, whatever its origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(allowed({ method, origin: 'https://elsewhere.example' })).toBe(true);
  });

  it('takes writes from the configured site origin only: not another port, scheme, subdomain or an opaque origin', () => {
    expect(allowed({ origin: SITE })).toBe(true);
    for (const origin of [
      'https://concordia.example.org:8443',
      'http://concordia.example.org',
      'https://drafts.example.org',
      'null',
      'https://concordia.example.org.evil.test',
    ]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
        expect(allowed({ method, origin }), `${method} from ${origin}`).toBe(false);
    }
  });

  it('without a configured site, compares the Origin with the request host', () => {
    expect(allowedByHost({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(true);
    expect(allowedByHost({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:3000' })).toBe(false);
    expect(allowedByHost({ origin: 'http://localhost:3000', host: '127.0.0.1:3000' })).toBe(false);
    expect(allowedByHost({ origin: 'http://127.0.0.1:3000', host: undefined })).toBe(false);
    expect(allowedByHost({ origin: 'not a url', host: '127.0.0.1:3000' })).toBe(false);
  });

  it('without Origin, takes Sec-Fetch-Site: same-origin only', () => {
    expect(allowed({ fetchSite: 'same-origin' })).toBe(true);
    for (const fetchSite of ['same-site', 'cross-site', 'none']) expect(allowed({ fetchSite })).toBe(false);
  });

  it('lets Origin decide when both are sent', () => {
    expect(allowed({ origin: 'https://elsewhere.example', fetchSite: 'same-origin' })).toBe(false);
  });

  it('refuses a write with neither header when it carries cookies, and takes it without (a script with a bearer token)', () => {
    expect(allowed({ hasCookies: true })).toBe(false);
    expect(allowed({ hasCookies: false })).toBe(true);
  });
});
