import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { expect } from 'vitest';
import { eventually } from './eventually';

export type TestDatabase = { url: string | undefined; dataDir: string; drop(): Promise<void> };

/**
 * A fresh, empty database for one test file: a new database on the Postgres server of DATABASE_URL
 * when it is set (CI), otherwise a PGlite directory of its own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concordia-test-'));
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `concordia_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async drop() {
      const conn = postgres(base, { max: 1, onnotice: () => {} });
      await conn.unsafe(`drop database if exists ${name} with (force)`);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until a statement on the database at `url` (Postgres) waits for a lock: the moment a test that
 * holds one knows that the code under test has come up against it.
 */
export async function lockAwaited(url: string): Promise<void> {
  const observer = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await eventually(async () => {
      const [row] =
        await observer`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      expect(row?.waiting).toBeGreaterThan(0);
    });
  } finally {
    await observer.end();
  }
}
