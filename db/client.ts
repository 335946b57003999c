import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  /**
   * Applies the committed drizzle-kit migrations, then `afterwards` (the seed), holding the start-up
   * lock throughout: processes starting together on one database take turns, so each finds what the
   * one before it wrote and none writes it again.
   */
  migrate(afterwards?: (db: Db) => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
  kind: 'postgres' | 'pglite';
};

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
/** PGlite's shared buffers (see openDatabase). */
const PGLITE_SHARED_BUFFERS = '32MB';
/** Named as when it covered the migrations alone, so older processes of a rolling deploy take turns too. */
const START_UP_LOCK = 'concordia:migrations';

export type DatabaseOptions = { url?: string | undefined; dataDir: string };

/** The one place that opens a database: Postgres when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const url = options.url;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // fetch_types off: postgres.js (3.4.9) runs an array-type query on every new connection and drops
    // its promise, so a database restarting during that query crashes the process with an unhandled
    // rejection (porsager/postgres#1192, #1223). Our schema has no array columns to need it.
    const client = postgres(url, { max: 10, onnotice: () => {}, fetch_types: false });
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      async migrate(afterwards) {
        // Instances starting together would each create drizzle's bookkeeping, apply the same migration
        // and seed a demo plan of their own; a session lock makes them take turns. It is held on a
        // connection of its own, not a reserved one from the pool: reserve() on a fresh pool never
        // settles with fetch_types off (porsager/postgres#751). A process that dies holding the lock
        // loses it with its connection.
        const lock = postgres(url, { max: 1, onnotice: () => {}, fetch_types: false });
        try {
          await lock`select pg_advisory_lock(hashtext(${START_UP_LOCK}))`;
          await migrate(db, { migrationsFolder });
          await afterwards?.(db as unknown as Db);
        } finally {
          await lock.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = path.resolve(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // Postgres's default 128 MB of shared buffers lives in PGlite's WASM heap, resident once touched:
  // 32 MB of them took a restarted server from 368 to about 240 MiB (docs/benchmarks.md#memory); the
  // files under DATA_DIR are still cached by the operating system.
  const client = await PGlite.create(dir, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    // One process owns a PGlite directory: nobody to take turns with.
    async migrate(afterwards) {
      await migrate(db, { migrationsFolder });
      await afterwards?.(db as unknown as Db);
    },
    close: () => client.close(),
  };
}

const KEY = Symbol.for('concordia.database');
type Holder = { [KEY]?: Promise<Database> };

/**
 * The process-wide database. Shared through globalThis because Next bundles its own copy of this
 * module, and PGlite must be opened exactly once per process.
 */
export function sharedDatabase(open: () => Promise<Database>): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open();
  return holder[KEY];
}

export function setSharedDatabase(database: Database): void {
  (globalThis as Holder)[KEY] = Promise.resolve(database);
}
