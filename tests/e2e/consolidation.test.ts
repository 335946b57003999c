import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, signInAs } from '../helpers/browser';
import { useAppInBrowser } from '../helpers/app-fixture';

describe.runIf(browserAvailable())('the chair consolidates overlaps in the browser', () => {
  const t = useAppInBrowser();
  let chair: Page;
  let jamaica: Page;
  let observer: Page;
  /** An observer following the overlaps board, as delegations do in a plenary. */
  let board: Page;
  let overlapFetches = 0;
  let boardFetches = 0;

  beforeAll(async () => {
    chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    jamaica = await signInAs(t.browser, t.app.url, 'jamaica@demo.test');
    observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await chair.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await chair.waitForURL(/\/plans\/[0-9a-f-]+$/);
    const planPath = new URL(chair.url()).pathname;
    await jamaica.goto(planPath);
    await jamaica.getByRole('link', { name: 'International cooperation' }).click();
    await jamaica.waitForURL('**/sections/**');
    observer.on('request', (request) => {
      if (/\/api\/sections\/[^/]+\/overlaps$/.test(new URL(request.url()).pathname)) overlapFetches++;
    });
    await observer.goto(new URL(jamaica.url()).pathname);
    await chair.goto(`${planPath}/consolidation`);
    board = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    board.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api${planPath}/overlaps`) boardFetches++;
    });
    await board.goto(`${planPath}/consolidation`);
  });

  const openOverlaps = (page: Page) => page.getByRole('list', { name: 'Open overlaps' }).locator('li');

  it('marks the open overlap in the coordinators’ and observers’ live text', async () => {
    for (const page of [jamaica, observer]) {
      await expect.poll(() => page.locator('.prose .overlap-highlight').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('.overlap-highlight').getAttribute('title')).toMatch(
        /Overlaps \(\d+%\) with section 1, .+ — Peru/,
      );
    }
    expect(await observer.getByText('The chair will resolve it.').count()).toBe(1);
    // Fetched when the page opened; from then on its connection brings changes (pages used to poll every
    // 3 s, which with hundreds of readers took the server's whole core).
    // The board fetches the plan's list when it opens and when the list changes, and not in between.
    expect(boardFetches).toBeGreaterThan(0);
    const boardFetched = boardFetches;
    // The wait is the point: longer than two of the old polls, and nothing may be fetched during it.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(overlapFetches).toBe(1);
    expect(boardFetches, 'the board fetched its list while nothing changed').toBe(boardFetched);
  });

  it('shows both passages highlighted side by side in their live editors, then merges; the coordinator sees the reference without reloading', async () => {
    const card = openOverlaps(chair).filter({ hasText: 'Jamaica' }).first();
    await card.getByRole('button', { name: /^Open side by side/ }).click();
    const workbench = chair.getByRole('region', { name: 'Overlap side by side' });
    await expect
      .poll(() => workbench.locator('.prose .overlap-highlight.focused').count(), { timeout: 15_000 })
      .toBe(2);
    mkdirSync('test-artifacts', { recursive: true });
    await chair.screenshot({ path: 'test-artifacts/consolidation-side-by-side.png', fullPage: true });

    await workbench.getByLabel(/Peru's wording/).check();
    await workbench.getByRole('button', { name: 'Merge' }).click();
    // Before anything changes, the chair is told which of Jamaica's words leave the text.
    const confirmation = workbench.getByRole('region', { name: 'No longer in the text after the merge' });
    expect(await confirmation.innerText()).toMatch(/Jamaica's words “.+” will be removed from section 5\./);
    await chair.screenshot({ path: 'test-artifacts/consolidation-merge-preview.png', fullPage: true });
    await workbench.getByRole('button', { name: 'Confirm: merge and remove these words' }).click();
    await expect.poll(() => workbench.count()).toBe(0);

    // The merge writes "section 1, paragraph 2" into the text; the editor shows that paragraph's number now.
    const reference = jamaica.locator('.prose a.reference-number', { hasText: /^1\.\d+$/ });
    await expect.poll(() => reference.count(), { timeout: 10_000 }).toBe(1);
    expect(await reference.getAttribute('href')).toMatch(/\/sections\/[0-9a-f-]+#merged-[0-9a-f-]+$/);
    expect(await jamaica.locator('.prose').last().innerText()).toContain('co-sponsored by Peru and Jamaica');
    // The section's overlaps reach its pages through their connections when the chair resolves one.
    await expect.poll(() => jamaica.locator('.prose .overlap-highlight').count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => jamaica.getByRole('region', { name: 'Overlaps with other sections' }).innerText(), {
        timeout: 10_000,
      })
      .toMatch(/Merged by .+ the wording there stays/);
    // Jamaica's page keeps the wording the merge replaced, one click away.
    await jamaica.getByText("Jamaica's previous wording").click();
    await expect.poll(() => jamaica.locator('.previous-wording').innerText()).toMatch(/Removed by the merge: “.+”/);
    await jamaica.screenshot({ path: 'test-artifacts/consolidation-reference.png', fullPage: true });

    // Following the reference lands on the kept paragraph, marked as co-sponsored.
    await reference.click();
    await jamaica.waitForURL(/#merged-/);
    const kept = jamaica.locator('.prose .cosponsored');
    await expect.poll(() => kept.count(), { timeout: 10_000 }).toBe(1);
    expect(await kept.getAttribute('data-cosponsored-by')).toBe('Co-sponsored by Peru and Jamaica');
    await expect
      .poll(() => chair.getByRole('list', { name: 'Resolved overlaps' }).innerText(), { timeout: 10_000 })
      .toContain('Merged by');
    await expect
      .poll(() => board.getByRole('list', { name: 'Resolved overlaps' }).innerText(), { timeout: 10_000 })
      .toContain('Merged by');

    // One click takes the merge back: Jamaica's paragraph returns and the overlap is open again.
    await chair
      .getByRole('list', { name: 'Resolved overlaps' })
      .getByRole('button', { name: 'Undo merge' })
      .first()
      .click();
    await expect.poll(() => jamaica.locator('.prose a[href*="#merged-"]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => openOverlaps(chair).filter({ hasText: 'Jamaica' }).count(), { timeout: 10_000 }).toBe(1);
  });
});
