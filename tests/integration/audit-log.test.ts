import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, listAudit } from '../../lib/audit/list-audit';
import { recordAudit } from '../../lib/audit/record-audit';
import { archivePlan } from '../../lib/plans/archive-plan';
import { buildMember, buildPlan, type BuiltMember, type BuiltPlan } from '../factories';
import { useDatabase } from '../helpers/database-fixture';

/** The audit log as the chair reads it: filtered by the database however old the entry, a page at a time. */
describe('the audit log', () => {
  const t = useDatabase();
  let plan: BuiltPlan;
  let peru: BuiltMember;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    peru = await buildMember(t.db, { plan, state: 'PER' });
    // An old change concerning Mexico (in a list of states), then 600 newer ones about other things.
    await recordAudit(t.db, {
      planId: plan.id,
      actorId: plan.chair.id,
      action: 'section.updated',
      target: 'section:old',
      before: { leadState: 'PER' },
      after: { coEditingStates: ['MEX', 'BRA'] },
    });
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 600; i++)
        await recordAudit(tx, {
          planId: plan.id,
          actorId: plan.chair.id,
          action: 'plan.metadata_updated',
          target: `plan:${plan.id}`,
          after: { symbol: `OEA/Ser.G ${i}` },
        });
    });
  });

  it('finds an entry older than the latest 500 by its kind and its state', async () => {
    const read = (filter: Parameters<typeof listAudit>[1]['filter']) =>
      listAudit(t.db, { userId: plan.chair.id, planId: plan.id, filter });
    const mexico = await read({ state: 'MEX' });
    expect(mexico.entries.map((e) => e.target)).toEqual(['section:old']);
    expect(mexico.olderBefore).toBeNull();
    expect((await read({ state: 'PER' })).entries.map((e) => e.action)).toContain('section.updated');
    expect((await read({ kind: 'section', state: 'MEX' })).entries).toHaveLength(1);
    expect((await read({ kind: 'member', state: 'MEX' })).entries).toHaveLength(0);
    // Peru's appointment names Peru in its after.
    expect((await read({ kind: 'member', state: 'PER' })).entries.map((e) => e.target)).toContain(`member:${peru.id}`);
  });

  it('pages through the whole log, newest first, without repeating an entry', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await listAudit(t.db, { userId: plan.chair.id, planId: plan.id, filter: { before } });
      expect(page.entries.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...page.entries.map((e) => e.id));
      before = page.olderBefore ?? undefined;
    } while (before);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen.length).toBeGreaterThan(601);
  });

  it("lets the chair and the administrator read an archived plan's log, and not a coordinator", async () => {
    await archivePlan(t.db, { actorId: plan.admin.id, planId: plan.id, archived: true });
    for (const reader of [plan.chair, plan.admin]) {
      const { entries } = await listAudit(t.db, { userId: reader.id, planId: plan.id });
      expect(entries[0]!.action).toBe('plan.archived');
    }
    await expect(listAudit(t.db, { userId: peru.id, planId: plan.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
