import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { memberStates, planMembers, plans, sections, users } from '../../db/schema';
import { DEMO_ACCOUNTS, DEMO_PLAN_TITLE, DEMO_SECTIONS } from '../../db/seed';
import { OAS_MEMBER_STATES } from '../../lib/shared/member-states';
import { freePort } from '../helpers/app-process';
import { startCollabProcess, type CollabProcess } from '../helpers/collab-process';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startCollabServer } from '../helpers/server';

/** What the start-up path left in the database: the demo plan counted by its title, and what hangs off plans. */
async function seeded(database: TestDatabase) {
  const opened = await openDatabase({ url: database.url, dataDir: database.dataDir });
  try {
    const { db } = opened;
    const [demo] = await db.select({ n: count() }).from(plans).where(eq(plans.title, DEMO_PLAN_TITLE));
    const [allPlans] = await db.select({ n: count() }).from(plans);
    const [sectionRows] = await db.select({ n: count() }).from(sections);
    const [userRows] = await db.select({ n: count() }).from(users);
    const [memberRows] = await db.select({ n: count() }).from(planMembers);
    const [stateRows] = await db.select({ n: count() }).from(memberStates);
    return {
      demoPlans: demo!.n,
      plans: allPlans!.n,
      sections: sectionRows!.n,
      users: userRows!.n,
      members: memberRows!.n,
      states: stateRows!.n,
    };
  } finally {
    await opened.close();
  }
}

const ONE_DEMO = {
  demoPlans: 1,
  plans: 1,
  sections: DEMO_SECTIONS.length,
  users: DEMO_ACCOUNTS.length,
  // Every demo account but the administrator belongs to the plan.
  members: DEMO_ACCOUNTS.filter((a) => a.role !== 'admin').length,
  states: OAS_MEMBER_STATES.length,
};

describe('start-up writes', () => {
  let database: TestDatabase | undefined;
  let processes: CollabProcess[] = [];

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    processes = [];
    await database?.drop();
    database = undefined;
  });

  // Processes behind a load balancer start together on one database; PGlite serves one process only.
  describe.skipIf(!process.env.DATABASE_URL)(
    'two processes starting at the same moment on an empty Postgres database',
    () => {
      for (const round of [1, 2, 3, 4, 5]) {
        it(`seed the demo plan once (round ${round} of 5)`, { timeout: 120_000 }, async () => {
          database = await createTestDatabase();
          const ports = await Promise.all([freePort(), freePort()]);
          const started = await Promise.allSettled(ports.map((port) => startCollabProcess(database!, port)));
          processes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
          expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
            'started',
            'started',
          ]);
          expect(await seeded(database)).toEqual(ONE_DEMO);
        });
      }
    },
  );

  it('seeds the demo plan once when a process starts again on the same database', { timeout: 120_000 }, async () => {
    database = await createTestDatabase();
    for (let start = 0; start < 2; start++) {
      const started = await startCollabProcess(database, await freePort());
      await started.kill('SIGTERM');
    }
    expect(await seeded(database)).toEqual(ONE_DEMO);
  });

  it('adds no demo plan in production unless SEED_DEMO asks for one', { timeout: 60_000 }, async () => {
    database = await createTestDatabase();
    await (await startCollabServer(database, { NODE_ENV: 'production' })).close();
    expect(await seeded(database)).toEqual({
      demoPlans: 0,
      plans: 0,
      sections: 0,
      users: 0,
      members: 0,
      states: OAS_MEMBER_STATES.length,
    });
    await (await startCollabServer(database, { NODE_ENV: 'production', SEED_DEMO: 'true' })).close();
    expect(await seeded(database)).toEqual(ONE_DEMO);
  });
});
