/**
 * How long the plan on one page (/plans/:id/text) takes to open for a large plan: the working group's
 * 35 sections of about 5,000 words. Not part of `npm run bench`'s server comparison: Concordia alone,
 * through the built app (server/index.ts with Next.js) on a new database, in Debian's Chromium.
 *
 *   flock /tmp/heavy.lock node --import tsx bench/plan-page.ts [--sections 35] [--words 5000] [--runs 5]
 *     [--database-url postgres://…]   (a new database on that server; PGlite in /tmp without it)
 *
 * Measures, each first after a restart (every document loaded from the database) and then the median
 * of the next runs: the server's whole HTML response, and in the browser the time from navigation to
 * the last section in the page and to the page answering "Show authorship" (hydrated).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { freePort, startAppProcess, type AppProcess } from '../tests/helpers/app-process';
import { launchBrowser, signInAs } from '../tests/helpers/browser';
import { httpSignIn } from '../tests/helpers/http-session';
import { createBenchDatabase } from './servers/database';
import type { GrownPlan } from './servers/grow-plan';
import { REPO_ROOT } from './servers/launch';
import { median, round } from './stats';

const { values } = parseArgs({
  options: {
    sections: { type: 'string', default: '35' },
    words: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    'database-url': { type: 'string' },
  },
});
const size = { sections: Number(values.sections), words: Number(values.words) };
const runs = Number(values.runs);
const SECRET = 'bench-plan-page-secret-0123456789abcdef';

const database = await createBenchDatabase(values['database-url']);

let app: AppProcess | undefined;
try {
  const drafted = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/servers/draft-plan.ts', JSON.stringify(size)],
    {
      cwd: REPO_ROOT,
      maxBuffer: 1 << 24,
      env: {
        NODE_ENV: 'production',
        DATA_DIR: database.dataDir,
        NEXTAUTH_SECRET: SECRET,
        DEMO_ACCOUNTS: 'true',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        ...(database.url && { DATABASE_URL: database.url }),
      },
    },
  );
  const plan = JSON.parse(drafted.stdout.trim().split('\n').at(-1)!) as GrownPlan;
  console.log(`drafted ${plan.titles.length} sections, ${plan.words} words`);
  const path = `/plans/${plan.planId}/text`;

  const http: number[] = [];
  let bytes = 0;
  app = await startAppProcess(database, await freePort(), { NEXTAUTH_SECRET: SECRET });
  const cookie = await httpSignIn(app.url, 'chair@demo.test');
  if (!cookie) throw new Error('could not sign in');
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
    const body = await response.text();
    http.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    if (!plan.titles.every((title) => body.includes(title))) throw new Error('a section title is missing');
    bytes = Buffer.byteLength(body);
  }
  await app.stop();

  // The browser after a restart too: its first opening loads every document.
  app = await startAppProcess(database, await freePort(), { NEXTAUTH_SECRET: SECRET });
  const browser = await launchBrowser();
  const page = await signInAs(browser, app.url, 'chair@demo.test');
  const lastTitle = plan.titles.at(-1)!;
  const shown: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await page.goto(path, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: lastTitle }).waitFor();
    shown.push(performance.now() - started);
    // Hydrated: the toggle answers.
    await page.getByRole('button', { name: 'Show authorship' }).click();
    await page.locator('.plan-text.authorship').waitFor();
    interactive.push(performance.now() - started);
  }
  await browser.close();

  const summary = (ms: number[]) => ({ firstMs: round(ms[0]!, 0), medianMs: round(median(ms.slice(1)), 0) });
  console.log(
    JSON.stringify(
      {
        sections: plan.titles.length,
        words: plan.words,
        runs,
        htmlKib: round(bytes / 1024, 0),
        response: summary(http),
        lastSectionShown: summary(shown),
        interactive: summary(interactive),
      },
      null,
      2,
    ),
  );
} finally {
  await app?.stop();
  await database.drop();
}
