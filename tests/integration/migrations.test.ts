import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// Several instances share one Postgres server; PGlite belongs to one process and cannot be opened twice.
describe.skipIf(!process.env.DATABASE_URL)('migrations on a shared database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lets instances that start together migrate an empty database, each migration applied once', async () => {
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ url: database.url, dataDir: database.dataDir })),
    );
    try {
      const results = await Promise.allSettled(instances.map((instance) => instance.migrate()));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'migrated'))).toEqual([
        'migrated',
        'migrated',
        'migrated',
      ]);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const applied = await sql`select hash, count(*)::int as times from drizzle.__drizzle_migrations group by hash`;
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.every((row) => row.times === 1)).toBe(true);
    } finally {
      await sql.end();
    }
  });
});
