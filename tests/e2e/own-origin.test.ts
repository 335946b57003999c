import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

/** A raw HTTP request, so the Host and X-Forwarded-* headers are exactly those a proxy would send. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

/**
 * Started as `PORT=… npm start` is, without NEXTAUTH_URL, on a port other than 3000: every redirect and
 * absolute URL the app writes is on the origin the browser (or the proxy in front) used.
 */
describe.runIf(browserAvailable())('an app without NEXTAUTH_URL on another port', () => {
  const t = useAppInBrowser({ NEXTAUTH_URL: undefined });
  const origin = () => `http://127.0.0.1:${t.app.port}`;

  it('signs out to its own sign-in page', async () => {
    expect(t.app.port).not.toBe(3000);
    const page = await signInAs(t.browser, origin(), 'chair@demo.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin**');
    expect(new URL(page.url()).origin).toBe(origin());
    await page.locator('input[name=email]').waitFor();
    await page.context().close();
  });

  it('writes the host a proxy forwarded into sign-out redirects and invitation links', async () => {
    const cookie = (await httpSignIn(origin(), 'chair@demo.test'))!;
    const proxied = 'https://concordia.example:8443';
    const forwarded = {
      host: `127.0.0.1:${t.app.port}`,
      'x-forwarded-host': 'concordia.example:8443',
      'x-forwarded-proto': 'https',
    };

    const csrf = await send(t.app.port, '/api/auth/csrf', { headers: { ...forwarded, cookie } });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const csrfCookie = (csrf.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
    const signOut = await send(t.app.port, '/api/auth/signout', {
      method: 'POST',
      headers: {
        ...forwarded,
        origin: origin(),
        cookie: `${cookie}; ${csrfCookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/signin', json: 'true' }).toString(),
    });
    expect(JSON.parse(signOut.body)).toEqual({ url: `${proxied}/signin` });

    // A callbackUrl on another site is not followed: sign-out cannot be made an open redirect.
    const elsewhere = await send(t.app.port, '/api/auth/signout', {
      method: 'POST',
      headers: {
        ...forwarded,
        origin: origin(),
        cookie: csrfCookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: 'https://evil.example/signin', json: 'true' }).toString(),
    });
    expect(JSON.parse(elsewhere.body)).toEqual({ url: `${proxied}/` });

    const admin = (await httpSignIn(origin(), 'admin@demo.test'))!;
    const created = await send(t.app.port, '/api/plans', {
      method: 'POST',
      headers: { ...forwarded, origin: origin(), cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Proxied plan', chairEmail: 'new-chair@demo.test' }),
    });
    expect(created.status).toBe(201);
    expect((JSON.parse(created.body) as { chair: { url: string } }).chair.url).toMatch(
      new RegExp(`^${proxied}/invitations/`),
    );
  });
});
