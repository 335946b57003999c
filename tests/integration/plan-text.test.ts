import { describe, expect, it } from 'vitest';
import type { Block } from '../../lib/export/blocks';
import { readPlanText } from '../../lib/plans/read-plan-text';
import { buildMember, buildPlan, buildSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';

describe('the plan on one page', () => {
  const t = useCollabServer();

  it('gives any member, observers included, every section numbered with each run’s author; others not_found', async () => {
    const db = t.db;
    const plan = await buildPlan(db);
    const peru = await buildMember(db, { plan, state: 'PER' });
    const observer = await buildMember(db, { plan, role: 'observer' });
    const first = await buildSection(db, {
      plan,
      lead: peru,
      text: ['Peru proposes training.', 'Peru adds exchanges.'],
    });
    const second = await buildSection(db, { plan, lead: 'MEX', text: ['Mexico proposes statistics.'] });

    const { document } = await readPlanText(db, { userId: observer.id, planId: plan.id, language: 'es' });
    expect(document.sections.map((s) => [s.id, s.number])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
    const paragraphs = (blocks: Block[]) =>
      blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ number: b.number, inlines: b.inlines }] : []));
    const [a, b] = paragraphs(document.sections[0]!.blocks);
    expect(a).toMatchObject({ number: '1.1', inlines: [{ text: 'Peru proposes training.', by: peru.id }] });
    expect(b).toMatchObject({ number: '1.2', inlines: [{ text: 'Peru adds exchanges.', by: peru.id }] });
    // Written by the chair (the lead given as a state): attributed to the chair, who speaks for no state.
    expect(paragraphs(document.sections[1]!.blocks)[0]).toMatchObject({
      number: '2.1',
      inlines: [{ text: 'Mexico proposes statistics.', by: plan.chair.id }],
    });

    const outsider = await buildMember(db, { plan: await buildPlan(db), state: 'CAN' });
    await expect(readPlanText(db, { userId: outsider.id, planId: plan.id, language: 'en' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
