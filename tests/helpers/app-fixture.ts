import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, startAppProcess, type AppProcess } from './app-process';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './database';

export type AppFixture = { database: TestDatabase; app: AppProcess; browser: Browser };

/** A fresh database, the whole app on it (production build) and Chromium, for one test file. */
export function useAppInBrowser(): AppFixture {
  const fixture = {} as AppFixture;
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    fixture.app = await startAppProcess(fixture.database, await freePort());
    fixture.browser = await launchBrowser();
  });
  // Registered first, so it runs after the test file's own afterAll.
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.app?.stop();
    await fixture.database?.drop();
  });
  return fixture;
}
