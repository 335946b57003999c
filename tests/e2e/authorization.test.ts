import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app-fixture';
import { httpSignIn } from '../helpers/http-session';
import { upgradeStatus } from '../helpers/provider';

type Who = 'chair' | 'lead coordinator' | 'other coordinator' | 'observer' | 'admin' | 'signed out';
const EMAIL: Record<Exclude<Who, 'signed out'>, string> = {
  chair: 'chair@demo.test',
  'lead coordinator': 'peru@demo.test',
  'other coordinator': 'brazil@demo.test',
  observer: 'observer@demo.test',
  admin: 'admin@demo.test',
};

/**
 * The permission table of DESIGN.md, row by row and column by column, over HTTP and the WebSocket
 * upgrade of the running app. "ok" means the request was carried out.
 */
describe('the permission table, enforced by the server', () => {
  const t = useApp();
  const cookie: Partial<Record<Who, string>> = {};
  let planId: string;
  let section: { id: string; roomId: string };
  let goalRoomId: string;
  let overlapId: string;
  /** A message of the lead coordinator's, to change and withdraw. */
  let messageId: string;
  let counter = 0;

  beforeAll(async () => {
    for (const [who, email] of Object.entries(EMAIL)) cookie[who as Who] = (await httpSignIn(t.app.url, email))!;
    const plan = await (await call('GET', '/api/plans', 'chair')).json();
    planId = plan.plans[0].id;
    const details = await (await call('GET', `/api/plans/${planId}`, 'chair')).json();
    section = details.sections[0];
    goalRoomId = details.goalRoomId;
    overlapId = (await (await call('GET', `/api/plans/${planId}/overlaps`, 'observer')).json()).overlaps[0].id;
    messageId = (
      await (
        await call('POST', `/api/sections/${section.id}/comments`, 'lead coordinator', { body: 'Peru will fund it.' })
      ).json()
    ).id;
  });

  function call(method: string, path: string, who: Who, body?: unknown) {
    // As the app's own pages send them: from the site's origin.
    const headers: Record<string, string> = { origin: t.app.url };
    if (cookie[who]) headers.cookie = cookie[who]!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${t.app.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  const outcome = (status: number) =>
    status < 300 ? 'ok' : status === 401 ? 'signed out' : status === 403 ? 'forbidden' : `status ${status}`;

  const rows: Array<{ action: string; request: () => [string, string, unknown?]; allowed: Who[] }> = [
    {
      action: 'read the plan',
      request: () => ['GET', `/api/plans/${planId}`],
      allowed: ['chair', 'lead coordinator', 'other coordinator', 'observer', 'admin'],
    },
    {
      action: 'move the plan between phases',
      request: () => ['POST', `/api/plans/${planId}/phase`, { phase: 'drafting' }],
      allowed: ['chair'],
    },
    {
      action: 'appoint people',
      request: () => [
        'POST',
        `/api/plans/${planId}/members`,
        { email: `person${++counter}@ministry.test`, role: 'observer' },
      ],
      allowed: ['chair', 'admin'],
    },
    {
      action: 'create sections',
      request: () => ['POST', `/api/plans/${planId}/sections`, { title: `Annex ${++counter}`, leadState: 'CHL' }],
      allowed: ['chair', 'admin'],
    },
    {
      action: 'set lead and co-editing states',
      request: () => ['PATCH', `/api/sections/${section.id}`, { coEditingStates: ['MEX'] }],
      allowed: ['chair', 'admin'],
    },
    {
      action: 'see the overlaps',
      request: () => ['GET', `/api/plans/${planId}/overlaps`],
      allowed: ['chair', 'lead coordinator', 'other coordinator', 'observer', 'admin'],
    },
    { action: 'analyse overlaps now', request: () => ['POST', `/api/plans/${planId}/overlaps`], allowed: ['chair'] },
    // The chair goes first: later attempts meet a resolved overlap, but the permission is checked before that.
    {
      action: 'resolve overlaps',
      request: () => ['POST', `/api/overlaps/${overlapId}/resolution`, { kind: 'keep', reason: 'Different agencies' }],
      allowed: ['chair'],
    },
    {
      action: "read a section's discussion",
      request: () => ['GET', `/api/sections/${section.id}/comments`],
      allowed: ['chair', 'lead coordinator', 'other coordinator', 'observer', 'admin'],
    },
    {
      action: "take part in a section's discussion",
      request: () => ['POST', `/api/sections/${section.id}/comments`, { body: `Message ${++counter}` }],
      allowed: ['chair', 'lead coordinator', 'other coordinator'],
    },
    {
      action: 'change a message',
      request: () => ['PATCH', `/api/comments/${messageId}`, { body: `Peru will fund ${++counter}.` }],
      allowed: ['lead coordinator'],
    },
    // Withdrawing is checked before anything else, and withdrawing again changes nothing.
    {
      action: 'withdraw a message',
      request: () => ['DELETE', `/api/comments/${messageId}`],
      allowed: ['chair', 'lead coordinator'],
    },
    {
      action: 'search the plan',
      request: () => ['GET', `/api/plans/${planId}/search?q=curriculum`],
      allowed: ['chair', 'lead coordinator', 'other coordinator', 'observer', 'admin'],
    },
    {
      action: 'read the audit log',
      request: () => ['GET', `/api/plans/${planId}/audit`],
      allowed: ['chair', 'admin'],
    },
    {
      action: 'create a plan',
      request: () => ['POST', '/api/plans', { title: `Plan ${++counter}`, chairEmail: 'chair@demo.test' }],
      allowed: ['admin'],
    },
  ];

  const everyone: Who[] = ['chair', 'lead coordinator', 'other coordinator', 'observer', 'admin', 'signed out'];

  for (const row of rows) {
    it(`${row.action}: only ${row.allowed.join(', ')}`, async () => {
      const results: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of everyone) {
        const [method, path, body] = row.request();
        results[who] = outcome((await call(method, path, who, body)).status);
        expected[who] = row.allowed.includes(who) ? 'ok' : who === 'signed out' ? 'signed out' : 'forbidden';
      }
      expect(results).toEqual(expected);
    });
  }

  it('type in a section: the upgrade is refused to the signed out; every member may open it (write is decided per connection)', async () => {
    expect(await upgradeStatus(t.app.url, section.roomId)).toBe(401);
    for (const who of ['chair', 'lead coordinator', 'other coordinator', 'observer'] as const) {
      expect(await upgradeStatus(t.app.url, section.roomId, cookie[who])).toBe(101);
    }
    expect(await upgradeStatus(t.app.url, goalRoomId, cookie.observer)).toBe(101);
  });

  it('answers invalid input with 400 naming the field', async () => {
    const bad = await call('POST', `/api/plans/${planId}/members`, 'chair', {
      email: 'not-an-email',
      role: 'coordinator',
      stateCode: 'PER',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      field: 'email',
      error: "Write the person's email address in full, such as name@example.org.",
    });
    // A reader in Spanish is told in Spanish.
    const spanish = await fetch(`${t.app.url}/api/plans/${planId}/members`, {
      method: 'POST',
      headers: {
        origin: t.app.url,
        cookie: cookie.chair!,
        'content-type': 'application/json',
        'accept-language': 'es-419',
      },
      body: JSON.stringify({ email: 'not-an-email', role: 'coordinator', stateCode: 'PER' }),
    });
    expect(await spanish.json()).toEqual({
      field: 'email',
      error: 'Escriba la dirección de correo completa de la persona, por ejemplo nombre@example.org.',
    });
    const noState = await call('POST', `/api/plans/${planId}/members`, 'chair', {
      email: 'x@ministry.test',
      role: 'coordinator',
    });
    expect(await noState.json()).toMatchObject({
      field: 'stateCode',
      error: expect.stringContaining('the member state a coordinator represents'),
    });
    const notJson = await fetch(`${t.app.url}/api/plans/${planId}/phase`, {
      method: 'POST',
      headers: { cookie: cookie.chair!, origin: t.app.url, 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const jump = await call('POST', `/api/plans/${planId}/phase`, 'chair', { phase: 'adopted' });
    expect(jump.status).toBe(400);
    expect((await jump.json()).error).toMatch(/^phase:/);
    const noReason = await call('POST', `/api/overlaps/${overlapId}/resolution`, 'chair', { kind: 'keep', reason: '' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).field).toBe('reason');
    const badKind = await call('POST', `/api/overlaps/${overlapId}/resolution`, 'chair', { kind: 'merge', keep: 'c' });
    expect((await badKind.json()).field).toBe('keep');
    for (const body of ['   ', 'x'.repeat(4_001)]) {
      const message = await call('POST', `/api/sections/${section.id}/comments`, 'lead coordinator', { body });
      expect(message.status).toBe(400);
      expect((await message.json()).field).toBe('body');
    }
    const anchor = Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('default'), 0)),
    ).toString('base64');
    const quotes: Array<[unknown, string]> = [
      [{ text: 'the passage', from: '%%%', to: anchor }, 'quote.from'],
      [{ text: 'the passage', from: anchor, to: Buffer.from([200]).toString('base64') }, 'quote.to'],
      [{ text: 'x'.repeat(1_001), from: anchor, to: anchor }, 'quote.text'],
      [{ text: 'the passage', from: anchor }, 'quote.to'],
    ];
    for (const [quote, field] of quotes) {
      const message = await call('POST', `/api/sections/${section.id}/comments`, 'lead coordinator', {
        body: 'About this',
        quote,
      });
      expect(message.status).toBe(400);
      expect((await message.json()).field).toBe(field);
    }
    for (const q of ['', 'x', 'x'.repeat(201)]) {
      const search = await call('GET', `/api/plans/${planId}/search?q=${q}`, 'observer');
      expect(search.status).toBe(400);
      expect((await search.json()).field).toBe('q');
    }
  });

  it('answers an unknown or malformed overlap, section or plan id with 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await call('POST', `/api/overlaps/${id}/resolution`, 'chair', { kind: 'dismiss' });
      expect(response.status).toBe(404);
      expect((await call('GET', `/api/sections/${id}/comments`, 'chair')).status).toBe(404);
      expect((await call('POST', `/api/sections/${id}/comments`, 'chair', { body: 'Hello' })).status).toBe(404);
      expect((await call('PATCH', `/api/comments/${id}`, 'chair', { body: 'Hello' })).status).toBe(404);
      expect((await call('DELETE', `/api/comments/${id}`, 'chair')).status).toBe(404);
      expect((await call('GET', `/api/plans/${id}/search?q=curriculum`, 'chair')).status).toBe(404);
    }
  });

  it('refuses a second coordinator for the same state with a clear message', async () => {
    const response = await call('POST', `/api/plans/${planId}/members`, 'chair', {
      email: 'brazil@demo.test',
      role: 'coordinator',
      stateCode: 'PER',
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe('Peru already has a coordinator in this plan (peru@demo.test)');
  });

  it('records every change in the audit log, with before and after', async () => {
    const { entries } = await (await call('GET', `/api/plans/${planId}/audit`, 'chair')).json();
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invited', 'section.created', 'section.updated']));
    // The administrator changes the section after the chair (the table above): the chair's change is asked for.
    const update = entries.find(
      (e: { action: string; actor: string }) => e.action === 'section.updated' && e.actor === 'Working Group Chair',
    );
    expect(update).toMatchObject({
      actor: 'Working Group Chair',
      before: { coEditingStates: ['MEX'] },
      after: { coEditingStates: ['MEX'] },
    });
  });
});
