import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';

describe.runIf(browserAvailable())('accessibility of every page, for every role', () => {
  const t = useAppInBrowser();

  /** Every live editor on the page has its document and says so, and the text the skip link leads to is there. */
  const settled = async (page: Page) => {
    await expect.poll(() => page.locator('.badge:not([data-status="connected"])').count(), { timeout: 15_000 }).toBe(0);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a.skip-link')].every((link) =>
        document.getElementById(link.hash.slice(1)),
      ),
    );
  };

  it('breaks no WCAG 2.1 A or AA rule that axe-core checks', { timeout: 120_000 }, async () => {
    const found: Record<string, string[]> = {};
    const check = async (page: Page, what: string) => {
      const broken = await violations(page);
      if (broken.length) found[what] = broken;
    };

    const signedOut = await (await t.browser.newContext({ baseURL: t.app.url })).newPage();
    await signedOut.goto('/signin');
    await check(signedOut, 'sign-in');

    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await check(chair, 'plans');
    await chair.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await chair.waitForURL('**/plans/*');
    const planPath = new URL(chair.url()).pathname;
    await settled(chair);
    await check(chair, 'plan (chair)');
    await chair.getByLabel('Words to find in the goal, the sections and their discussions').fill('curriculum');
    await chair.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => chair.locator('.search-hit').count()).toBe(2);
    await check(chair, 'plan with search results (chair)');
    await chair.getByRole('link', { name: 'Professionalisation of police forces', exact: true }).click();
    await chair.waitForURL('**/sections/**');
    const sectionPath = new URL(chair.url()).pathname;
    await settled(chair);
    await check(chair, 'section (chair)');
    // The table tools show inside a table; the history panel opens below the buttons.
    await caretAtEnd(chair.locator('.prose').last());
    await chair.getByRole('button', { name: 'Insert table', exact: true }).click();
    await chair.getByRole('button', { name: 'History' }).click();
    await check(chair, 'section with a table and its history (chair)');
    // A message about a passage, being changed.
    await chair.locator('.prose').last().locator('p').first().click({ clickCount: 3 });
    await chair.getByRole('button', { name: 'Discuss this passage' }).click();
    await chair.getByLabel('Your message').fill('Please align this with section 5.');
    await check(chair, 'section with a passage quoted in the discussion form (chair)');
    await chair.getByRole('button', { name: 'Send' }).click();
    await chair.getByRole('list', { name: 'Threads' }).getByRole('button', { name: 'Edit' }).click();
    await check(chair, 'section with a quoted message being changed (chair)');
    for (const page of ['consolidation', 'manage', 'audit', 'metadata']) {
      await chair.goto(`${planPath}/${page}`);
      await settled(chair);
      await check(chair, `${page} (chair)`);
    }

    const observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await observer.goto(planPath);
    await settled(observer);
    await check(observer, 'plan (observer)');
    await observer.goto(sectionPath);
    await settled(observer);
    await check(observer, 'section (observer)');

    const admin = await signInAs(t.browser, t.app.url, 'admin@demo.test');
    await admin.goto('/admin');
    await check(admin, 'administration');

    expect(found).toEqual({});
  });
});
