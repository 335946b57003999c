import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitations, planMembers } from '../../db/schema';
import { appointMember } from '../../lib/plans/appoint-member';
import { changePhase } from '../../lib/plans/change-phase';
import { acceptInvitation } from '../../lib/plans/accept-invitation';
import { describeInvitation } from '../../lib/plans/describe-invitation';
import { buildMember, buildPlan, type BuiltMember, type BuiltPlan } from '../factories';
import { useDatabase } from '../helpers/database-fixture';

describe('appointments and phases', () => {
  const database = useDatabase();
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, jamaica: BuiltMember;

  beforeAll(async () => {
    plan = await buildPlan(database.db);
    peru = await buildMember(database.db, { plan, state: 'PER' });
    mexico = await buildMember(database.db, { plan, state: 'MEX' });
    jamaica = await buildMember(database.db, { plan, state: 'JAM' });
  });

  it('keeps one coordinator per state per plan in the database itself', async () => {
    await expect(
      database.db
        .insert(planMembers)
        .values({ planId: plan.id, userId: jamaica.id, role: 'coordinator', stateCode: 'PER' }),
    ).rejects.toThrow();
    await database.db.delete(planMembers).where(eq(planMembers.userId, jamaica.id));
    await expect(
      database.db
        .insert(planMembers)
        .values({ planId: plan.id, userId: jamaica.id, role: 'coordinator', stateCode: 'PER' }),
    ).rejects.toThrow();
  });

  it('turns a second appointment for a state into a clear conflict', async () => {
    const attempt = appointMember(database.db, {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'someone@ministry.test', role: 'coordinator', stateCode: 'MEX' },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      message: `Mexico already has a coordinator in this plan (${mexico.email})`,
    });
  });

  it('invites an unknown email with a link that expires after 7 days and works once', async () => {
    const result = await appointMember(database.db, {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'focal.point@gob.pa', role: 'coordinator', stateCode: 'PAN' },
    });
    if (result.kind !== 'invitation') throw new Error('expected an invitation');
    const days = (result.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(await describeInvitation(database.db, result.token)).toMatchObject({
      email: 'focal.point@gob.pa',
      state: 'Panama',
    });
    await acceptInvitation(database.db, { token: result.token, name: 'Punto focal', password: 'long-enough' });
    await expect(
      acceptInvitation(database.db, { token: result.token, name: 'Again', password: 'long-enough' }),
    ).rejects.toThrow(/already used/);
    const [stored] = await database.db.select().from(invitations).where(eq(invitations.email, 'focal.point@gob.pa'));
    expect(stored!.tokenHash).not.toContain(result.token);
  });

  it('refuses an expired invitation', async () => {
    const result = await appointMember(database.db, {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'late@ministry.test', role: 'observer' },
    });
    if (result.kind !== 'invitation') throw new Error('expected an invitation');
    await database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, 'late@ministry.test'));
    await expect(describeInvitation(database.db, result.token)).rejects.toThrow(/expired/);
  });

  it('moves the plan one phase at a time, forward and back, chair only', async () => {
    await changePhase(database.db, { actorId: plan.chair.id, planId: plan.id, phase: 'consolidation' });
    await changePhase(database.db, { actorId: plan.chair.id, planId: plan.id, phase: 'drafting' });
    await expect(
      changePhase(database.db, { actorId: plan.chair.id, planId: plan.id, phase: 'adopted' }),
    ).rejects.toThrow(/one phase at a time/);
    await expect(changePhase(database.db, { actorId: peru.id, planId: plan.id, phase: 'goal' })).rejects.toThrow(
      /does not allow/,
    );
  });
});
