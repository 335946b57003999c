import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';
import { TEST_SECRET } from '../helpers/server';

const REFUSED = /another site/;

/** Every state-changing handler of app/api/**\/route.ts, as [method, path template]. */
function stateChangingHandlers(): Array<[string, string]> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : name === 'route.ts' ? [full] : [];
    });
  return files('app/api').flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const methods = [
      ...source.matchAll(/export (?:async )?function (POST|PUT|PATCH|DELETE)\b|\bas (POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => (m[1] ?? m[2])!);
    const template = `/${path.relative('app', path.dirname(file)).split(path.sep).join('/')}`;
    return methods.map((method): [string, string] => [method, template]);
  });
}

/**
 * Writes another site makes a signed-in user's browser send. The attacker's page is served from another
 * port on 127.0.0.1: the same site as the app, so SameSite=Lax cookies go along with its forms and
 * fetches. Every state-changing handler is tried with every way such a request can present itself;
 * the app's own pages (same origin) keep working, which the other end-to-end tests exercise at length.
 */
describe.runIf(browserAvailable())('writes from another site', () => {
  // Its address by number, so that a page of the attacker's, on another port of it, is the same site.
  const address = (port: number) => `http://127.0.0.1:${port}`;
  const t = useAppInBrowser((port) => ({ NEXTAUTH_URL: address(port) }));
  let appUrl: string;
  let attacker: Server;
  let attackerUrl: string;
  const cookie = { chair: '', admin: '', peru: '' };
  const ids: Record<string, string> = {};
  let planTitle = '';

  const call = (method: string, route: string, headers: Record<string, string>, body?: string) =>
    fetch(`${appUrl}${route}`, { method, headers, body, redirect: 'manual' });
  const own = (who: keyof typeof cookie) => ({
    cookie: cookie[who],
    origin: appUrl,
    'content-type': 'application/json',
  });
  const read = async (route: string, who: keyof typeof cookie = 'chair') =>
    (await call('GET', route, { cookie: cookie[who] })).json();

  /** What a forged write could change: the plan, its members, a discussion, the list of plans. */
  const snapshot = async () => ({
    plan: await read(`/api/plans/${ids.planId}`),
    members: await read(`/api/plans/${ids.planId}/members`),
    comments: await read(`/api/sections/${ids.sectionId}/comments`),
    versions: await read(`/api/sections/${ids.sectionId}/versions`),
    plans: await read('/api/plans', 'admin'),
  });

  beforeAll(async () => {
    appUrl = address(t.app.port);
    attacker = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Elsewhere</title><p>Another site</p>'),
    );
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    for (const who of ['chair', 'admin', 'peru'] as const)
      cookie[who] = (await httpSignIn(appUrl, `${who}@demo.test`))!;

    const { plans } = await read('/api/plans');
    const plan = await read(`/api/plans/${plans[0].id}`);
    ids.planId = plan.id;
    ids.sectionId = plan.sections[0].id;
    ids.overlapId = (await read(`/api/plans/${plan.id}/overlaps`)).overlaps[0].id;
    ids.userId = (await read(`/api/plans/${plan.id}/members`)).members.find(
      (m: { email: string }) => m.email === 'observer@demo.test',
    ).userId;
    const message = await call(
      'POST',
      `/api/sections/${ids.sectionId}/comments`,
      own('peru'),
      JSON.stringify({ body: 'Peru will fund it.' }),
    );
    ids.commentId = (await message.json()).id;
    const version = await call(
      'POST',
      `/api/sections/${ids.sectionId}/versions`,
      own('chair'),
      JSON.stringify({ name: 'Before the attempts' }),
    );
    ids.versionId = (await version.json()).id;
    ids.token = 'an-invitation-token';
    await call(
      'POST',
      `/api/plans/${plan.id}/members`,
      own('chair'),
      JSON.stringify({ email: 'invited@ministry.test', role: 'observer' }),
    );
    ids.invitationId = (await read(`/api/plans/${plan.id}/members`)).invitations[0].id;
    planTitle = plan.title;
    // Refused before the handler runs, so an amendment or a bracketed span need not exist; one that got through answers 404, not 403.
    ids.amendmentId = randomUUID();
    ids.spanId = randomUUID();
    ids['...nextauth'] = 'signout';
  });

  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
  });

  /** The route's path with real ids, so that a request that got through would do what it says. */
  const concrete = (template: string) =>
    template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
      if (!ids[name]) throw new Error(`no id for [${name}] in ${template}: add one to the test`);
      return ids[name];
    });

  /** A JSON body that would carry the write out (as a form's text/plain or a script's JSON); {} where none is needed. */
  const bodies: Record<string, unknown> = {
    'POST /api/plans': { title: 'Planted plan', chairEmail: 'admin@demo.test' },
    'POST /api/plans/[planId]/phase': { phase: 'consolidation' },
    'POST /api/plans/[planId]/sections': { title: 'Planted section', leadState: 'CHL' },
    'POST /api/plans/[planId]/members': { email: 'planted@elsewhere.test', role: 'observer' },
    'PUT /api/plans/[planId]/metadata': { symbol: 'PLANTED' },
    'PUT /api/plans/[planId]/sections/order': { sectionIds: [] },
    'POST /api/sections/[sectionId]/comments': { body: 'Planted message' },
    'PATCH /api/comments/[commentId]': { body: 'Planted edit' },
    'PUT /api/comments/[commentId]/resolution': { resolved: true },
    'PATCH /api/sections/[sectionId]': { frozen: true },
    'POST /api/sections/[sectionId]/versions': { name: 'Planted version' },
    'POST /api/me/password': { currentPassword: 'concordia', newPassword: 'planted-password' },
    'POST /api/password-resets': { email: 'peru@demo.test' },
    'POST /api/password-resets/[token]': { password: 'planted-password' },
    'POST /api/overlaps/[overlapId]/resolution': { kind: 'keep', reason: 'Planted' },
    'POST /api/notifications/read': {},
    'PUT /api/notifications/email': { emailNotifications: 'off' },
    'PATCH /api/plans/[planId]': { archived: true },
    get 'DELETE /api/plans/[planId]'() {
      return { title: planTitle };
    },
    'POST /api/sections/[sectionId]/paragraph-status': { at: 'AA==', status: 'agreed' },
    'PUT /api/plans/[planId]/observer-comments': { open: true },
  };

  it('refuses every state-changing handler when Origin or Sec-Fetch-Site says another site, or neither is sent with a cookie', async () => {
    const handlers = stateChangingHandlers();
    expect(handlers.length).toBeGreaterThan(15);
    const before = await snapshot();
    const hostile: Array<[string, Record<string, string>]> = [
      ['another port on this host', { origin: attackerUrl }],
      ['another host name for this address', { origin: `http://localhost:${t.app.port}` }],
      ['a sibling subdomain', { origin: `http://evil.127.0.0.1.example:${t.app.port}` }],
      ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }],
      ['same-site by Sec-Fetch-Site', { 'sec-fetch-site': 'same-site' }],
      ['cross-site by Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
      ['neither header, with the cookie', {}],
    ];
    const outcomes: string[] = [];
    for (const [method, template] of handlers) {
      const who = template === '/api/plans' ? 'admin' : 'chair';
      const body = JSON.stringify(bodies[`${method} ${template}`] ?? {});
      for (const [how, headers] of hostile) {
        const response = await call(
          method,
          concrete(template),
          { cookie: cookie[who], 'content-type': 'text/plain', ...headers },
          body,
        );
        const refused = response.status === 403 && REFUSED.test((await response.json()).error);
        if (!refused) outcomes.push(`${method} ${template} from ${how}: ${response.status}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('takes JSON only as application/json, from the site itself', async () => {
    const route = `/api/sections/${ids.sectionId}/comments`;
    const body = JSON.stringify({ body: 'From the app itself' });
    const status = async (headers: Record<string, string>) =>
      (await call('POST', route, { cookie: cookie.chair, origin: appUrl, ...headers }, body)).status;
    expect({
      textPlain: await status({ 'content-type': 'text/plain' }),
      formEncoded: await status({ 'content-type': 'application/x-www-form-urlencoded' }),
      none: await status({}),
      json: await status({ 'content-type': 'application/json' }),
      jsonWithCharset: await status({ 'content-type': 'Application/JSON; charset=utf-8' }),
      sameOriginByFetchMetadata: (
        await call(
          'POST',
          route,
          { cookie: cookie.chair, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
          body,
        )
      ).status,
    }).toEqual({
      textPlain: 415,
      formEncoded: 415,
      none: 415,
      json: 201,
      jsonWithCharset: 201,
      sameOriginByFetchMetadata: 201,
    });
  });

  it('lets a script without cookies write with a bearer token, and answers the signed out with 401, not 403', async () => {
    const { id: peruId } = await read('/api/me', 'peru');
    const bearer = await encode({ token: { sub: peruId, sid: 'a-script-session' }, secret: TEST_SECRET, maxAge: 600 });
    const route = `/api/sections/${ids.sectionId}/comments`;
    const body = JSON.stringify({ body: 'Posted by a script' });
    expect(
      (await call('POST', route, { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body))
        .status,
    ).toBe(201);
    expect((await call('POST', route, { 'content-type': 'application/json' }, body)).status).toBe(401);
  });

  describe('from a page in Chromium', () => {
    /** The chair's (or admin's) browser, signed in to the app, then visiting the other site. */
    async function visitElsewhere(email: string): Promise<Page> {
      const page = await signInAs(t.browser, appUrl, email);
      await page.goto(attackerUrl);
      return page;
    }

    /** Submits a plain HTML form whose text/plain body is the JSON `fields`, as any page can; the app's answer. */
    async function submitForm(page: Page, route: string, fields: Record<string, unknown>): Promise<number> {
      const action = `${appUrl}${route}`;
      const answer = page.waitForResponse((r) => r.url() === action && r.request().method() === 'POST');
      await page.evaluate(
        ({ action, json }) => {
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = action;
          form.enctype = 'text/plain';
          // text/plain forms send `name=value`: the name opens the JSON and the value closes it.
          const input = document.createElement('input');
          input.name = `${json.slice(0, -1)},"padding":"`;
          input.value = '"}';
          form.append(input);
          document.body.append(form);
          form.submit();
        },
        { action, json: JSON.stringify(fields) },
      );
      const status = (await answer).status();
      await page.waitForURL(action);
      await page.goto(attackerUrl);
      return status;
    }

    it('refuses forms that change the phase, add sections, appoint people, post messages or create plans', async () => {
      const before = await snapshot();
      const chair = await visitElsewhere('chair@demo.test');
      const admin = await visitElsewhere('admin@demo.test');
      expect({
        phase: await submitForm(chair, `/api/plans/${ids.planId}/phase`, { phase: 'consolidation' }),
        section: await submitForm(chair, `/api/plans/${ids.planId}/sections`, {
          title: 'Planted section',
          leadState: 'CHL',
        }),
        member: await submitForm(chair, `/api/plans/${ids.planId}/members`, {
          email: 'planted@elsewhere.test',
          role: 'observer',
        }),
        message: await submitForm(chair, `/api/sections/${ids.sectionId}/comments`, { body: 'Planted message' }),
        version: await submitForm(chair, `/api/sections/${ids.sectionId}/versions`, { name: 'Planted version' }),
        plan: await submitForm(admin, '/api/plans', { title: 'Planted plan', chairEmail: 'admin@demo.test' }),
      }).toEqual({ phase: 403, section: 403, member: 403, message: 403, version: 403, plan: 403 });
      expect(await snapshot()).toEqual(before);
      await chair.context().close();
      await admin.context().close();
    });

    it('refuses fetches that carry the cookie (no-cors, text/plain JSON), and the chair still works on the site itself', async () => {
      const before = await snapshot();
      const chair = await visitElsewhere('chair@demo.test');
      await chair.evaluate(
        async ({ appUrl, planId, sectionId }) => {
          const send = (route: string, body: unknown) =>
            fetch(`${appUrl}${route}`, {
              method: 'POST',
              mode: 'no-cors',
              credentials: 'include',
              body: JSON.stringify(body),
            });
          await send(`/api/plans/${planId}/phase`, { phase: 'consolidation' });
          await send(`/api/sections/${sectionId}/comments`, { body: 'Planted message' });
          await send(`/api/plans/${planId}/overlaps`, {});
        },
        { appUrl, planId: ids.planId, sectionId: ids.sectionId },
      );
      expect(await snapshot()).toEqual(before);

      // Back on the site, the same browser's own write goes through.
      await chair.goto(`${appUrl}/plans/${ids.planId}`);
      const status = await chair.evaluate(
        async (route) =>
          (
            await fetch(route, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ body: 'From the site' }),
            })
          ).status,
        `/api/sections/${ids.sectionId}/comments`,
      );
      expect(status).toBe(201);
      await chair.context().close();
    });
  });
});
