import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, startAppProcess, type AppProcess } from './app-process';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './database';

/** Settings as environment variables (undefined: unset); a function of the port for those that name the app's address. */
type AppEnv = Record<string, string | undefined> | ((port: number) => Record<string, string | undefined>);

export type AppFixture = {
  database: TestDatabase;
  app: AppProcess;
  /**
   * Stops the app with `signal` (nothing to do if it is down already) and starts it again on the same
   * port and database, with the file's settings and `env` on top.
   */
  restart(options?: { signal?: NodeJS.Signals; env?: Record<string, string> }): Promise<void>;
};

/** A fresh database and the whole app on it (production build, demo plan seeded), for one test file. */
export function useApp(env: AppEnv = {}): AppFixture {
  const settings = (port: number) => (typeof env === 'function' ? env(port) : env);
  const fixture = {
    async restart({ signal, env: more = {} } = {}) {
      const { port } = fixture.app;
      await fixture.app.stop(signal);
      fixture.app = await startAppProcess(fixture.database, port, { ...settings(port), ...more });
    },
  } as AppFixture;
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    const port = await freePort();
    fixture.app = await startAppProcess(fixture.database, port, settings(port));
  });
  // Registered first, so it runs after the test file's own afterAll.
  afterAll(async () => {
    await fixture.app?.stop();
    await fixture.database?.drop();
  });
  return fixture;
}

/** The app as useApp gives it, and Chromium. */
export function useAppInBrowser(env: AppEnv = {}): AppFixture & { browser: Browser } {
  const fixture = useApp(env) as AppFixture & { browser: Browser };
  beforeAll(async () => {
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
  });
  return fixture;
}
