import type { Db } from './client';

/**
 * A statement built once per database, on first use. Drizzle otherwise renders the SQL anew on every
 * call: for the statements run by every socket that opens, that was a fifth of the server's time while
 * 1,000 observers connected.
 */
export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) built.set(db, (statement = build(db)));
    return statement;
  };
}
