import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { XmlElement, XmlText } from 'yjs';
import { auditLog, plans } from '../../db/schema';
import { acceptInvitation } from '../../lib/plans/accept-invitation';
import { appointMember } from '../../lib/plans/appoint-member';
import { archivePlan } from '../../lib/plans/archive-plan';
import { deletePlan } from '../../lib/plans/delete-plan';
import { describeInvitation } from '../../lib/plans/describe-invitation';
import { listMembers } from '../../lib/plans/list-members';
import { listPlans } from '../../lib/plans/list-plans';
import { resendInvitation } from '../../lib/plans/resend-invitation';
import { revokeInvitation } from '../../lib/plans/revoke-invitation';
import { ACCESS_MESSAGE, readAccessMessage } from '../../lib/shared/app-messages';
import { CloseCode } from '../../lib/shared/close-codes';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually, within } from '../helpers/eventually';
import { openProvider, saveCheck, upgradeStatus, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';

describe("the administrator's set-up and clean-up", () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    peru = await buildMember(t.db, { plan, state: 'PER' });
  });

  it('lets the administrator appoint a coordinator, and not a coordinator', async () => {
    await appointMember(t.db, {
      actorId: plan.admin.id,
      planId: plan.id,
      input: { email: 'focal@cancilleria.gob.cl', role: 'coordinator', stateCode: 'CHL' },
    });
    const { invitations } = await listMembers(t.db, { userId: plan.admin.id, planId: plan.id });
    expect(invitations.map((i) => i.email)).toContain('focal@cancilleria.gob.cl');
    await expect(
      appointMember(t.db, {
        actorId: peru.id,
        planId: plan.id,
        input: { email: 'friend@ministry.test', role: 'observer' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('archives a plan: hidden from lists, read-only over an open socket, restorable', async () => {
    const section = await buildSection(t.db, { plan, lead: peru, text: ['Peru drafts a paragraph.'] });
    const writer = openProvider(t.server.url, section.room, peru.cookie);
    await waitForSync(writer.provider);
    const access: string[] = [];
    writer.provider.messageHandlers[ACCESS_MESSAGE] = (_e: unknown, d: Parameters<typeof readAccessMessage>[0]) => {
      access.push(readAccessMessage(d));
    };
    await expect(archivePlan(t.db, { actorId: plan.chair.id, planId: plan.id, archived: true })).rejects.toMatchObject({
      code: 'forbidden',
    });

    await archivePlan(t.db, { actorId: plan.admin.id, planId: plan.id, archived: true });
    expect((await listPlans(t.db, peru.id)).map((p) => p.id)).not.toContain(plan.id);
    expect((await listPlans(t.db, plan.admin.id)).map((p) => p.id)).not.toContain(plan.id);
    await eventually(() => expect(access).toContain('read'), 2_000);

    const paragraph = new XmlElement('paragraph');
    paragraph.insert(0, [new XmlText('Typed after archiving')]);
    writer.doc.getXmlFragment('default').push([paragraph]);
    expect(await saveCheck(writer.provider, 1)).toBe('read-only');
    await t.server.collab.flush();
    expect(await storedText(t.db, section.room)).not.toContain('Typed after archiving');
    expect(await storedText(t.db, section.room)).toContain('Peru drafts');
    // A socket opened while archived is a reader too: its raw writes are dropped.
    const raw = await openRawClient(t.server.url, section.room, plan.chair.cookie);
    raw.sendUpdate('chair via update');
    await raw.saveCheck(1);
    raw.close();
    await t.server.collab.flush();
    expect(await storedText(t.db, section.room)).not.toContain('chair via update');
    await expect(
      appointMember(t.db, {
        actorId: plan.chair.id,
        planId: plan.id,
        input: { email: 'late@ministry.test', role: 'observer' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await archivePlan(t.db, { actorId: plan.admin.id, planId: plan.id, archived: false });
    expect((await listPlans(t.db, peru.id)).map((p) => p.id)).toContain(plan.id);
    await eventually(() => expect(access.at(-1)).toBe('write'), 2_000);
    writer.provider.destroy();
    const actions = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.planId, plan.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['plan.archived', 'plan.restored']));
  });

  it('deletes a plan only for the administrator, only when its title is repeated, and audits it', async () => {
    const doomed = await buildPlan(t.db, { title: 'Test plan to delete' });
    const mexico = await buildMember(t.db, { plan: doomed, state: 'MEX' });
    const section = await buildSection(t.db, { plan: doomed, lead: mexico });
    const raw = await openRawClient(t.server.url, section.room, mexico.cookie);
    await expect(
      deletePlan(t.db, { actorId: doomed.chair.id, planId: doomed.id, confirmTitle: doomed.title }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      deletePlan(t.db, { actorId: doomed.admin.id, planId: doomed.id, confirmTitle: 'Another plan' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.db.select().from(plans).where(eq(plans.id, doomed.id))).toHaveLength(1);

    await deletePlan(t.db, { actorId: doomed.admin.id, planId: doomed.id, confirmTitle: ' Test plan to delete ' });
    expect(await t.db.select().from(plans).where(eq(plans.id, doomed.id))).toHaveLength(0);
    expect(await within(raw.closed, 2_000)).toBe(CloseCode.Gone);
    expect(await upgradeStatus(t.server.url, section.room, mexico.cookie)).toBe(404);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.planId), eq(auditLog.target, `plan:${doomed.id}`)));
    expect(entry).toMatchObject({ action: 'plan.deleted', actorId: doomed.admin.id, before: { title: doomed.title } });
  });
});

describe('pending invitations', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
  });

  async function invite(email: string) {
    const result = await appointMember(t.db, {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email, role: 'observer' },
    });
    if (result.kind !== 'invitation') throw new Error('expected an invitation');
    const { invitations } = await listMembers(t.db, { userId: plan.chair.id, planId: plan.id });
    return { token: result.token, id: invitations.find((i) => i.email === email)!.id };
  }

  it('revokes one: its link is refused and it is no longer pending', async () => {
    const { token, id } = await invite('revoked@ministry.test');
    await revokeInvitation(t.db, { actorId: plan.chair.id, planId: plan.id, invitationId: id });
    await expect(describeInvitation(t.db, token)).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation(t.db, { token, name: 'Too late', password: 'long-enough' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const { invitations } = await listMembers(t.db, { userId: plan.chair.id, planId: plan.id });
    expect(invitations.map((i) => i.email)).not.toContain('revoked@ministry.test');
    await expect(
      revokeInvitation(t.db, { actorId: plan.chair.id, planId: plan.id, invitationId: id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('resends one with a new link that works while the old one is refused', async () => {
    const { token, id } = await invite('resent@ministry.test');
    const renewed = await resendInvitation(t.db, { actorId: plan.chair.id, planId: plan.id, invitationId: id });
    expect(renewed.token).not.toBe(token);
    await expect(describeInvitation(t.db, token)).rejects.toMatchObject({ code: 'not_found' });
    const joined = await acceptInvitation(t.db, { token: renewed.token, name: 'Resent', password: 'long-enough' });
    expect(joined).toEqual({ email: 'resent@ministry.test', planId: plan.id });
  });

  it('lets only those who manage the plan revoke or resend', async () => {
    const observer = await buildMember(t.db, { plan, role: 'observer' });
    const { id } = await invite('kept@ministry.test');
    for (const call of [revokeInvitation, resendInvitation])
      await expect(call(t.db, { actorId: observer.id, planId: plan.id, invitationId: id })).rejects.toMatchObject({
        code: 'forbidden',
      });
  });
});
