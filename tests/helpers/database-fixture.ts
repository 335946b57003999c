import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type Db } from '../../db/client';
import { seed } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from './database';

/** Migrates a test database and adds the member states, as a starting server does, without the demo plan. */
function prepare(opened: Database): Promise<void> {
  return opened.migrate((db) => seed(db, { demoPassword: 'not-used-here', demoPlan: false }));
}

/**
 * Builds data into a test database before a server process of its own opens it, then closes it again
 * (PGlite serves one process at a time).
 */
export async function buildBeforeStart<T>(database: TestDatabase, build: (db: Db) => Promise<T>): Promise<T> {
  const opened = await openDatabase({ url: database.url, dataDir: database.dataDir });
  try {
    await prepare(opened);
    return await build(opened.db);
  } finally {
    await opened.close();
  }
}

export type DatabaseFixture = { database: TestDatabase; opened: Database; readonly db: Db };

/**
 * A fresh database for one test file, migrated and holding the member states (no demo plan), for
 * tests of domain functions that need no server; the file builds its data with tests/factories.ts.
 */
export function useDatabase(): DatabaseFixture {
  const fixture = {
    get db() {
      return fixture.opened.db;
    },
  } as DatabaseFixture;
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    fixture.opened = await openDatabase({ url: fixture.database.url, dataDir: fixture.database.dataDir });
    await prepare(fixture.opened);
  });
  afterAll(async () => {
    await fixture.opened?.close();
    await fixture.database?.drop();
  });
  return fixture;
}
