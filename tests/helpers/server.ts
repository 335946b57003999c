import { prepareEnvironment, type Config } from '../../lib/env';
import { startServer, type RunningServer } from '../../server/start';
import type { TestDatabase } from './database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-jwt-encryption';

export function testConfig(database: TestDatabase, overrides: Record<string, string> = {}): Config {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATA_DIR: database.dataDir,
    NEXTAUTH_SECRET: TEST_SECRET,
    COLLAB_FLUSH_MS: '50',
    COLLAB_IDLE_UNLOAD_MS: '200',
    ...(database.url && { DATABASE_URL: database.url }),
    ...overrides,
  };
  return prepareEnvironment(env);
}

/** The real HTTP + collaboration server on a free port, without the Next.js app. */
export function startCollabServer(
  database: TestDatabase,
  overrides?: Record<string, string>,
  port = 0,
): Promise<RunningServer> {
  return startServer({ config: testConfig(database, overrides), port });
}
