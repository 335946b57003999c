/**
 * Screenshots of the main pages in every interface language, at a desktop and a phone width, to look at
 * before a change of wording ships: longer French and Portuguese labels must not overflow or wrap badly.
 *
 *   tsx scripts/screenshot-languages.ts http://localhost:3000 screenshots/
 *
 * Signs in as the demo chair (DEMO_PASSWORD, `concordia` by default) against a running server with the
 * demo plan, through Debian's Chromium. Writes `<page>-<language>-<width>.png`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { LOCALES } from '../lib/i18n/locales';

const [base = 'http://localhost:3000', out = 'screenshots'] = process.argv.slice(2);
const WIDTHS = [1280, 390];
const password = process.argv[4] ?? 'concordia';

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  await giveTheAuditLogEntries();
  for (const width of WIDTHS) {
    const context = await browser.newContext({ baseURL: base, viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const locale of LOCALES) {
      await context.addCookies([{ name: 'concordia-locale', value: locale, url: base }]);
      await page.goto('/signin');
      await shoot(page, `signin-${locale}-${width}`);
      await signIn(page);
      // The account's choice comes before the cookie: set it as the language switch does.
      await page.request.patch('/api/me', { headers: { origin: new URL(base).origin }, data: { locale } });
      await page.reload();
      await shoot(page, `plans-${locale}-${width}`);
      await page.locator('ul.cards a').first().click();
      await page.waitForURL(/\/plans\/[0-9a-f-]+$/);
      const plan = new URL(page.url()).pathname;
      await settle(page);
      await shoot(page, `plan-${locale}-${width}`);
      await page.locator('ol.sections a').first().click();
      await page.waitForURL('**/sections/**');
      await settle(page);
      await page.locator('.views button[aria-expanded]').click();
      await page.locator('section.history').waitFor();
      await shoot(page, `section-history-${locale}-${width}`);
      for (const sub of ['consolidation', 'manage', 'audit', 'metadata']) {
        await page.goto(`${plan}/${sub}`);
        await settle(page);
        await shoot(page, `${sub}-${locale}-${width}`);
      }
      await context.clearCookies();
    }
    await context.close();
  }
} finally {
  await browser.close();
}

/** Freezes and unfreezes the plan's last section, so the audit log has entries to show. */
async function giveTheAuditLogEntries(): Promise<void> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await signIn(page);
  // From the site's own origin, as the page's scripts call (the server refuses cross-site writes).
  const call = async (method: string, path: string, data?: unknown): Promise<unknown> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { origin: new URL(base).origin },
      ...(data !== undefined && { data }),
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.status() === 204 ? null : response.json();
  };
  const { plans } = (await call('GET', '/api/plans')) as { plans: Array<{ id: string }> };
  const plan = (await call('GET', `/api/plans/${plans[0]!.id}`)) as { sections: Array<{ id: string }> };
  const last = plan.sections.at(-1)!.id;
  await call('PATCH', `/api/sections/${last}`, { frozen: true });
  await call('PATCH', `/api/sections/${last}`, { frozen: false });
  await page.context().close();
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/signin');
  await page.locator('input[name=email]').fill('chair@demo.test');
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL('**/plans');
}

/** Every editor on the page connected, and a moment for fonts and carets. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.querySelectorAll('.badge:not([data-status="connected"])').length === 0, undefined, {
      timeout: 15_000,
    })
    .catch(() => {});
  await page.waitForTimeout(300);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  process.stdout.write(`${name}\n`);
}
