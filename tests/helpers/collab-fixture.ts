import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../db/client';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from './database';
import { startCollabServer } from './server';

export type CollabFixture = {
  database: TestDatabase;
  server: RunningServer;
  /** The server's database connection (a new one after `restart`). */
  readonly db: Db;
  /** Stops the server gracefully (everything stored) and starts it again on the same port and database. */
  restart(): Promise<void>;
};

/**
 * A fresh database and the collaboration server on it, for one test file; the file builds its data
 * with tests/factories.ts. `overrides`: settings as environment variables. The demo plan is seeded
 * only with `SEED_DEMO: 'true'`, for tests about it (tests/helpers/demo-plan.ts).
 */
export function useCollabServer(overrides: Record<string, string> = {}): CollabFixture {
  const settings = { SEED_DEMO: 'false', ...overrides };
  const fixture = {
    get db() {
      return fixture.server.database.db;
    },
    async restart() {
      const { port } = fixture.server;
      await fixture.server.close();
      fixture.server = await startCollabServer(fixture.database, settings, port);
    },
  } as CollabFixture;
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    fixture.server = await startCollabServer(fixture.database, settings);
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.database?.drop();
  });
  return fixture;
}
