import { config } from '../lib/env';
import { openDatabase, sharedDatabase, type Db } from './client';

/** The database of this process, opened on first use with the process configuration. */
export async function getDb(): Promise<Db> {
  const database = await sharedDatabase(() => {
    const { DATABASE_URL, DATA_DIR } = config();
    return openDatabase({ url: DATABASE_URL, dataDir: DATA_DIR });
  });
  return database.db;
}
