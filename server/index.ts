import { ConfigError, prepareEnvironment } from '../lib/env';
import { logger } from '../lib/log';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { DEMO_ACCOUNTS, type DemoAccount } from '../db/seed';
import { createNextApp } from './next-app';
import { startServer } from './start';
import { startUpBanner } from './start-up-banner';

const dev = process.argv.includes('--dev');

async function main(): Promise<void> {
  const config = prepareEnvironment();
  const log = logger('server');
  const server = await startServer({ config, web: () => createNextApp({ dev }) });
  const demo = config.DEMO_ACCOUNTS ? await existingDemoAccounts(server.database.db) : [];
  process.stdout.write(
    startUpBanner({
      url: server.url,
      dev,
      pgliteDir: config.DATABASE_URL ? null : `${config.DATA_DIR}/pglite`,
      demo,
      defaultPassword: config.DEMO_PASSWORD === 'concordia',
    }),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: flushing pending updates');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The demo accounts this database holds: none when the demo was never seeded (SEED_DEMO off). */
async function existingDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );
  const present = new Set(rows.map((r) => r.email));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.email));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger('server').fatal({ err: error }, 'failed to start');
  }
  process.exit(1);
});
