import { openDatabase } from '../db/client';
import { seed } from '../db/seed';
import { prepareEnvironment } from '../lib/env';

const config = prepareEnvironment();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await database.migrate();
const { seeded } = await seed(database.db, { demoPassword: config.DEMO_PASSWORD });
await database.close();
process.stdout.write(seeded ? 'Seeded the demo plan and accounts.\n' : 'The database already has a plan; member states checked, nothing else changed.\n');
