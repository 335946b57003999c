import { decode, encode } from 'next-auth/jwt';
import postgres from 'postgres';
import type { Cookie } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';
import { upgradeStatus } from '../helpers/provider';
import { TEST_SECRET } from '../helpers/server';
import { sessionCookie } from '../helpers/session';

/**
 * Signing out ends the session everywhere at once: the old cookie, replayed after the real sign-out
 * (the page's button, next-auth's POST /api/auth/signout), is refused by every kind of entry point.
 * The app has no server actions (tests/unit/route-guards.test.ts keeps it so); pages, route handlers,
 * next-auth's own session endpoint and the collaboration socket are each tried.
 */
describe.runIf(browserAvailable())('a signed-out session', () => {
  const t = useAppInBrowser();

  /** Peru's plan and first section, read with a live session. */
  async function peruSection(cookie: string): Promise<{ planId: string; sectionId: string; roomId: string }> {
    const { plans } = await (await fetch(`${t.app.url}/api/plans`, { headers: { cookie } })).json();
    const plan = await (await fetch(`${t.app.url}/api/plans/${plans[0].id}`, { headers: { cookie } })).json();
    return { planId: plan.id, sectionId: plan.sections[0].id, roomId: plan.sections[0].roomId };
  }

  const asHeader = (cookies: Cookie[]) => cookies.map((c) => `${c.name}=${c.value}`).join('; ');

  /** Each entry point, tried with a cookie: what a signed-in user gets, and what a signed-out one must not. */
  function tryEverything(cookie: string, section: { sectionId: string; roomId: string }) {
    const get = (path: string) => fetch(`${t.app.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    return {
      routeGet: async () => (await get('/api/me')).status,
      routePost: async () =>
        (
          await fetch(`${t.app.url}/api/sections/${section.sectionId}/comments`, {
            method: 'POST',
            headers: { cookie, origin: t.app.url, 'content-type': 'application/json' },
            body: JSON.stringify({ body: 'Peru confirms the indicators.' }),
          })
        ).status,
      sessionEndpoint: async () => Boolean((await (await get('/api/auth/session')).json()).user),
      socket: () => upgradeStatus(t.app.url, section.roomId, cookie),
    };
  }

  it('is refused by route handlers, pages, next-auth and the socket, renewed copies included', async () => {
    const page = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    const cookies = await page.context().cookies();
    const cookie = asHeader(cookies.filter((c) => c.name.startsWith('next-auth.session-token')));
    const section = await peruSection(cookie);
    // The browser's useSession renews the token: that copy must die with the session too.
    const renewal = await fetch(`${t.app.url}/api/auth/session`, { headers: { cookie } });
    const renewed = renewal.headers
      .getSetCookie()
      .find((c) => c.startsWith('next-auth.session-token='))!
      .split(';')[0]!;
    expect(renewed).not.toBe(cookie);

    for (const copy of [cookie, renewed]) {
      const live = tryEverything(copy, section);
      expect([
        await live.routeGet(),
        await live.routePost(),
        await live.sessionEndpoint(),
        await live.socket(),
      ]).toEqual([200, 201, true, 101]);
    }

    await page.goto(`/plans/${section.planId}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin**');

    for (const copy of [cookie, renewed]) {
      const replayed = tryEverything(copy, section);
      expect({
        routeGet: await replayed.routeGet(),
        routePost: await replayed.routePost(),
        sessionEndpoint: await replayed.sessionEndpoint(),
        socket: await replayed.socket(),
      }).toEqual({ routeGet: 401, routePost: 401, sessionEndpoint: false, socket: 401 });
    }

    // The refusal outlives every copy: the renewed one expires after the one the browser signed out with.
    if (t.database.url) {
      const { sid, exp } = (await decode({ token: renewed.split('=')[1]!, secret: TEST_SECRET }))!;
      const sql = postgres(t.database.url, { max: 1 });
      const [row] = await sql<
        Array<{ expires_at: Date }>
      >`select expires_at from revoked_sessions where session_id = ${sid as string}`.finally(() => sql.end());
      expect(row!.expires_at.getTime()).toBeGreaterThanOrEqual((exp as number) * 1000);
    }

    // A page opened in a browser that still holds the old cookie goes to the sign-in page.
    const context = await t.browser.newContext({ baseURL: t.app.url });
    await context.addCookies(cookies);
    const replay = await context.newPage();
    await replay.goto(`/plans/${section.planId}`);
    await replay.waitForURL('**/signin?callbackUrl=**');
    await replay.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('refuses an expired session, and one without a session id, which could never be signed out', async () => {
    const signedIn = (await httpSignIn(t.app.url, 'peru@demo.test'))!;
    const { id: peruId } = await (await fetch(`${t.app.url}/api/me`, { headers: { cookie: signedIn } })).json();
    const fresh = await sessionCookie(peruId);
    const expired = await sessionCookie(peruId, { maxAge: -60 });
    const withoutId = `next-auth.session-token=${await encode({ token: { sub: peruId }, secret: TEST_SECRET, maxAge: 3600 })}`;
    const status = async (cookie: string) => (await fetch(`${t.app.url}/api/me`, { headers: { cookie } })).status;
    expect({ fresh: await status(fresh), expired: await status(expired), withoutId: await status(withoutId) }).toEqual({
      fresh: 200,
      expired: 401,
      withoutId: 401,
    });
  });
});
