import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { searchPlan } from '../../lib/search/search-plan';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

describe('searching a plan', () => {
  const t = useCollabServer();
  const db = () => t.server.database.db;

  it("finds the paragraphs of every section that hold the words, in the plan's order, with their context", async () => {
    const { hits, paragraphs } = await searchPlan(db(), { userId: t.plan.ids.observer, planId: t.plan.planId, query: 'REGIONAL CURRICULUM' });
    expect(paragraphs).toBe(2);
    expect(hits.map((h) => [h.section.title, h.section.number, h.section.state.name, h.block])).toEqual([
      ['Professionalisation of police forces', 1, 'Peru', 0],
      ['International cooperation', 5, 'Jamaica', 1],
    ]);
    expect(hits[0]).toMatchObject({
      before: 'Peru proposes a ',
      match: 'regional curriculum',
      after: ' for police training grounded in human rights and community policing.',
      matches: 1,
    });
  });

  it('finds what is being typed now, whatever its accents', async () => {
    const mexico = openProvider(t.server.url, t.plan.prevention.room, t.plan.cookies.mexico);
    await waitForSync(mexico.provider);
    appendParagraph(mexico.doc, 'La Policía Nacional capacitará a 500 agentes; la policia municipal también.');
    await eventually(async () => {
      const { hits } = await searchPlan(db(), { userId: t.plan.ids.chair, planId: t.plan.planId, query: 'policia' });
      expect(hits.map((h) => [h.section.title, h.block, h.match, h.matches])).toEqual([['Prevention of violence and crime', 1, 'Policía', 2]]);
    });
    mexico.provider.destroy();
  });

  it('is for members of the plan only', async () => {
    const [outsider] = await db().insert(users).values({ email: 'outsider@example.org', name: 'Outsider', passwordHash: 'x' }).returning();
    await expect(searchPlan(db(), { userId: outsider!.id, planId: t.plan.planId, query: 'curriculum' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
