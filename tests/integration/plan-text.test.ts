import { describe, expect, it } from 'vitest';
import type { Block } from '../../lib/export/blocks';
import { readPlanText } from '../../lib/plans/read-plan-text';
import { getPlan } from '../../lib/plans/get-plan';
import { WHOLE_PLAN_PARAMS } from '../../lib/shared/rooms';
import { buildMember, buildPlan, buildSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';

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

  it('follows a section without counting its reader among who is in the section', async () => {
    const db = t.db;
    const plan = await buildPlan(db);
    const observer = await buildMember(db, { plan, role: 'observer' });
    const section = await buildSection(db, { plan, lead: 'PER', text: ['Peru proposes training.'] });
    const online = async () =>
      (await getPlan(db, { userId: plan.chair.id, planId: plan.id })).sections[0]!.online.map((m) => m.name);

    const whole = openProvider(t.server.url, section.room, observer.cookie, { ...WHOLE_PLAN_PARAMS });
    await waitForSync(whole.provider);
    expect(whole.doc.getXmlFragment('default').length).toBeGreaterThan(0);
    const inSection = openProvider(t.server.url, section.room, observer.cookie);
    await waitForSync(inSection.provider);
    await eventually(async () => expect(await online()).toEqual([observer.name]));
    inSection.provider.destroy();
    await eventually(async () => expect(await online()).toEqual([]));
    whole.provider.destroy();
  });
});
