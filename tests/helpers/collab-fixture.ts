import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from './database';
import { demoPlan } from './fixtures';
import { startCollabServer } from './server';

export type CollabFixture = { database: TestDatabase; server: RunningServer; plan: Awaited<ReturnType<typeof demoPlan>> };

/** A fresh database, the collaboration server on it and the seeded demo plan, for one test file. */
export function useCollabServer(overrides?: Record<string, string>): CollabFixture {
  const fixture = {} as CollabFixture;
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    fixture.server = await startCollabServer(fixture.database, overrides);
    fixture.plan = await demoPlan(fixture.server.database.db);
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.database?.drop();
  });
  return fixture;
}
