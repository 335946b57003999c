import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlanOverlaps } from '../../lib/consolidation/find-plan-overlaps';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { demoPlan } from '../helpers/fixtures';
import { openProvider, waitForSync } from '../helpers/provider';
import { startCollabServer } from '../helpers/server';


describe('overlaps in the live plan', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database);
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('shows the demo plan its seeded overlap: Peru and Jamaica propose the same police curriculum', async () => {
    const plan = await demoPlan(server.database.db);
    const [first] = await findPlanOverlaps(server.database.db, { userId: plan.ids.observer, planId: plan.planId });
    expect([first!.a.leadState.name, first!.b.leadState.name].sort()).toEqual(['Jamaica', 'Peru']);
  });

  it('finds the same proposal typed by two coordinators in their sections, with sections and states', async () => {
    const plan = await demoPlan(server.database.db);
    const peru = openProvider(server.url, plan.police.room, plan.cookies.peru);
    const brazil = openProvider(server.url, plan.victims.room, plan.cookies.brazil);
    await Promise.all([waitForSync(peru.provider), waitForSync(brazil.provider)]);
    appendParagraph(peru.doc, 'Establish a regional network of specialised prosecutors for crimes against women, with shared training and common protocols.');
    appendParagraph(brazil.doc, 'Create a regional network of prosecutors specialised in crimes against women, sharing training and common protocols.');
    appendParagraph(brazil.doc, 'Open shelters for victims of domestic violence in every capital city.');

    const overlaps = await eventually(async () => {
      const found = await findPlanOverlaps(server.database.db, { userId: plan.ids.chair, planId: plan.planId });
      expect(found.some((o) => (o.a.text + o.b.text).includes('regional network'))).toBe(true);
      return found;
    });
    const typed = overlaps.find((o) => (o.a.text + o.b.text).includes('regional network'))!;
    expect([typed.a.leadState.name, typed.b.leadState.name].sort()).toEqual(['Brazil', 'Peru']);
    expect(overlaps.some((o) => (o.a.text + o.b.text).includes('shelters'))).toBe(false);
    peru.provider.destroy();
    brazil.provider.destroy();
  });
});
