import { describe, expect, it } from 'vitest';
import { requestOrigin, sameSiteRedirect } from '../../lib/http/request-origin';

const headers = (values: Record<string, string>) => new Headers(values);

describe('requestOrigin', () => {
  it('is NEXTAUTH_URL’s origin when configured, whatever the request says', () => {
    expect(requestOrigin(headers({ host: 'localhost:3917' }), 'https://drafts.example.org/app')).toBe(
      'https://drafts.example.org',
    );
  });

  it('is the host the browser asked for, port included, without NEXTAUTH_URL', () => {
    expect(requestOrigin(headers({ host: 'localhost:3917' }), undefined)).toBe('http://localhost:3917');
  });

  it('prefers what a proxy forwarded, first value only', () => {
    const proxied = headers({
      host: '127.0.0.1:3917',
      'x-forwarded-host': 'drafts.example.org, inner:1',
      'x-forwarded-proto': 'https,http',
    });
    expect(requestOrigin(proxied, undefined)).toBe('https://drafts.example.org');
  });
});

describe('sameSiteRedirect', () => {
  const origin = 'http://localhost:3917';

  it('places paths and URLs on next-auth’s placeholder origin on the request’s origin', () => {
    expect(sameSiteRedirect('/signin', origin)).toBe(`${origin}/signin`);
    expect(sameSiteRedirect('http://localhost:3000/plans?x=1#a', origin, ['http://localhost:3000'])).toBe(
      `${origin}/plans?x=1#a`,
    );
  });

  it('sends anything on another site to the root', () => {
    expect(sameSiteRedirect('https://evil.example/signin', origin)).toBe(`${origin}/`);
    expect(sameSiteRedirect('//evil.example/x', origin)).toBe(`${origin}/`);
  });
});
