import { openDatabase } from '../db/client';
import { prepareEnvironment } from '../lib/env';

const config = prepareEnvironment();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await database.migrate();
await database.close();
process.stdout.write(`Migrations applied (${database.kind}).\n`);
