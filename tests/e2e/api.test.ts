import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app-fixture';
import { httpSignIn } from '../helpers/http-session';
import { upgradeStatus } from '../helpers/provider';

describe('JSON API of the running app', () => {
  const t = useApp();
  let peru: string;

  beforeAll(async () => {
    peru = (await httpSignIn(t.app.url, 'peru@demo.test'))!;
  });

  const get = (path: string, cookie?: string) => fetch(`${t.app.url}${path}`, { headers: cookie ? { cookie } : {} });

  it('refuses every API route without a session, as JSON', async () => {
    for (const path of ['/api/me', '/api/plans', '/api/plans/00000000-0000-4000-8000-000000000000']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });

  it('does not sign in with a wrong password', async () => {
    expect(await httpSignIn(t.app.url, 'peru@demo.test', 'wrong-password')).toBeNull();
    expect(await httpSignIn(t.app.url, 'nobody@demo.test', 'concordia')).toBeNull();
  });

  it('tells a signed-in coordinator who they are and which plans they belong to', async () => {
    expect(peru).toMatch(/^next-auth\.session-token=/);
    const me = await (await get('/api/me', peru)).json();
    expect(me).toMatchObject({ email: 'peru@demo.test', name: 'Coordinator of Peru', isAdmin: false });
    const { plans } = await (await get('/api/plans', peru)).json();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ phase: 'drafting', role: 'coordinator' });
  });

  it('describes a plan with its goal room and its sections', async () => {
    const { plans } = await (await get('/api/plans', peru)).json();
    const plan = await (await get(`/api/plans/${plans[0].id}`, peru)).json();
    expect(plan.title).toMatch(/^Hemispheric Plan of Action/);
    expect(plan.goalRoomId).toBe(`goal-${plan.id}`);
    expect(plan.sections.map((s: { leadState: { name: string } }) => s.leadState.name)).toEqual([
      'Peru',
      'Mexico',
      'Brazil',
      'Canada',
      'Jamaica',
    ]);
    const [first] = plan.sections;
    expect(first).toMatchObject({
      roomId: `section-${first.id}`,
      canWrite: true,
      coEditingStates: [{ code: 'MEX', name: 'Mexico' }],
    });
    expect(plan.sections[1].canWrite).toBe(false);
    expect(await upgradeStatus(t.app.url, first.roomId, peru)).toBe(101);
  });

  it('answers 404 for unknown or malformed plan ids', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(`/api/plans/${id}`, peru);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'This plan does not exist, or you are not one of its members.' });
    }
  });
});
