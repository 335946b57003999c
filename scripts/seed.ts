import { openDatabase } from '../db/client';
import { seed } from '../db/seed';
import { prepareEnvironment } from '../lib/env';

const config = prepareEnvironment();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
let seeded = false;
// Asked for explicitly, so whatever SEED_DEMO says; under the start-up lock, as a starting server seeds.
await database.migrate(async (db) => {
  ({ seeded } = await seed(db, { demoPassword: config.DEMO_PASSWORD, demoPlan: true }));
});
await database.close();
process.stdout.write(
  seeded
    ? 'Seeded the demo plan and accounts.\n'
    : 'The database already has a plan; member states checked, nothing else changed.\n',
);
