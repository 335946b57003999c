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
 * the whole text parsed (every section in the page) and to the page hydrated (answering input); then
 * the frames while scrolling the whole plan a screen at a time (median and 95th percentile).
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
import { median, percentile, round } from './stats';

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
  const frames: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    // The browser's own clock from navigation: the whole document parsed (every section's text in the page),
    // then the page hydrated (it answers input). A locator's polling would add its own cost to a DOM this large.
    await page.waitForFunction(() => performance.getEntriesByName('plan-text-hydrated').length > 0);
    const timing = await page.evaluate(() => ({
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      hydrated: performance.getEntriesByName('plan-text-hydrated')[0]!.startTime,
    }));
    if (!(await page.locator('h2').last().textContent())?.includes(lastTitle)) throw new Error('last section missing');
    shown.push(timing.parsed);
    interactive.push(timing.hydrated);
    // Scrolling the whole plan, a screen per frame: the slowest frames say whether it stays smooth.
    frames.push(
      ...(await page.evaluate(async () => {
        const gaps: number[] = [];
        let last = performance.now();
        while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
          window.scrollBy(0, window.innerHeight);
          await new Promise(requestAnimationFrame);
          const now = performance.now();
          gaps.push(now - last);
          last = now;
        }
        return gaps;
      })),
    );
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
        scrollFrameMs: {
          median: round(median(frames), 0),
          p95: round(percentile(frames, 95), 0),
          frames: frames.length,
        },
      },
      null,
      2,
    ),
  );
} finally {
  await app?.stop();
  await database.drop();
}
