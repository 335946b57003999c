import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, caretAtStart, signInAs } from '../helpers/browser';

/** Where screenshots go for a person to look at; never into git. */
const SHOTS = process.env.SHOTS_DIR;

describe.runIf(browserAvailable())('negotiating the text in the browser', () => {
  const t = useAppInBrowser();
  let peru: Page;

  beforeAll(async () => {
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    await peru.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
  });

  const editor = (page: Page) => page.locator('.prose').last();
  const numbers = (page: Page) =>
    editor(page)
      .locator('p.numbered')
      .evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-paragraph-number')} ${p.textContent?.slice(0, 12)}`));

  it('numbers the paragraphs in the margin, outside the text, and renumbers on an insertion above', async () => {
    await expect.poll(() => numbers(peru), { timeout: 15_000 }).not.toEqual([]);
    const before = await numbers(peru);
    expect(before.map((n) => n.split(' ')[0])).toEqual(before.map((_, i) => `1.${i + 1}`));
    // The number is drawn by the stylesheet: not in the text, not in a selection.
    const first = editor(peru).locator('p.numbered').first();
    expect(await first.evaluate((p) => getComputedStyle(p, '::before').content)).toBe('"1.1"');
    expect(await first.textContent()).not.toContain('1.1');
    await editor(peru).click();
    await peru.keyboard.press('Control+A');
    expect(await peru.evaluate(() => window.getSelection()?.toString() ?? '')).not.toMatch(/^1\.1/);

    // A new paragraph above the first takes 1.1; the others move down by one.
    await caretAtStart(editor(peru));
    await peru.keyboard.press('Enter');
    await peru.keyboard.press('ArrowUp');
    await peru.keyboard.type('Adopt a regional code of conduct.');
    await expect
      .poll(() => numbers(peru))
      .toEqual(['1.1 Adopt a regi', ...before.map((n, i) => n.replace(/^1\.\d+/, `1.${i + 2}`))]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const width of [1280, 390]) {
        await peru.setViewportSize({ width, height: 900 });
        await peru.screenshot({ path: `${SHOTS}/section-numbers-${width}.png`, fullPage: true });
      }
      await peru.setViewportSize({ width: 1280, height: 900 });
    }
    expect(await violations(peru)).toEqual([]);
  });
  it('Mexico proposes an amendment, Brazil co-sponsors it, Peru and the chair see it live, Peru accepts it', async () => {
    const pages = {
      mexico: await signInAs(t.browser, t.app.url, 'mexico@demo.test'),
      brazil: await signInAs(t.browser, t.app.url, 'brazil@demo.test'),
      chair: await signInAs(t.browser, t.app.url, 'chair@demo.test'),
    };
    const sectionPath = new URL(peru.url()).pathname;
    for (const page of Object.values(pages)) await page.goto(sectionPath);
    const { mexico, brazil, chair } = pages;
    await expect.poll(() => numbers(mexico), { timeout: 15_000 }).not.toEqual([]);

    // Mexico selects "regional" in Peru's paragraph on the curriculum and proposes "hemispheric".
    await editor(mexico).click();
    await mexico.evaluate(() => {
      const paragraph = Array.from(document.querySelectorAll('.prose p')).find((p) =>
        p.textContent?.includes('curriculum'),
      )!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode()) && !node.textContent!.includes('regional'));
      const at = node!.textContent!.indexOf('regional');
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + 'regional'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await mexico.getByRole('button', { name: 'Propose an amendment' }).click();
    const form = mexico.getByRole('form', { name: 'Propose an amendment' });
    await form.getByLabel('Proposed wording').fill('hemispheric');
    await form.getByLabel('Justification (optional)').fill('The curriculum serves the whole hemisphere.');
    await form.getByRole('button', { name: 'Propose' }).click();

    const sentence = /Mexico proposes to replace “regional” by “hemispheric” in 1\.2\./;
    for (const page of [peru, chair, brazil])
      await expect.poll(() => page.locator('.amendments').textContent(), { timeout: 15_000 }).toMatch(sentence);
    // Marked in the text, which is unchanged until accepted.
    await expect.poll(() => editor(peru).locator('.amendment-mark').count()).toBe(1);
    expect(await editor(peru).textContent()).not.toContain('hemispheric');

    await brazil
      .locator('.amendment')
      .filter({ hasText: sentence })
      .getByRole('button', { name: 'Co-sponsor' })
      .click();
    for (const page of [peru, chair, mexico])
      await expect.poll(() => page.locator('.amendments').textContent()).toContain('Co-sponsored by Brazil.');
    // Mexico may not decide on its own amendment: it is offered no Accept.
    expect(await mexico.locator('.amendment').getByRole('button', { name: 'Accept' }).count()).toBe(0);

    expect(await violations(peru)).toEqual([]);
    if (SHOTS) {
      for (const width of [1280, 390]) {
        await peru.setViewportSize({ width, height: 900 });
        await peru.screenshot({ path: `${SHOTS}/section-amendment-${width}.png`, fullPage: true });
      }
      await peru.setViewportSize({ width: 1280, height: 900 });
    }

    await peru.locator('.amendment').filter({ hasText: sentence }).getByRole('button', { name: 'Accept' }).click();
    for (const page of [peru, chair, mexico, brazil])
      await expect.poll(() => editor(page).textContent(), { timeout: 15_000 }).toContain('a hemispheric curriculum');
    await expect.poll(() => chair.locator('.amendments').textContent()).toContain('Accepted');
    await expect.poll(() => editor(peru).locator('.amendment-mark').count()).toBe(0);
  });

  it("lists the plan's amendments, filtered by state and status, each linked to its place in the section", async () => {
    const brazil = await signInAs(t.browser, t.app.url, 'brazil@demo.test');
    const planPath = new URL(peru.url()).pathname.split('/sections/')[0]!;
    await brazil.goto(planPath);
    await brazil.getByRole('link', { name: 'Amendments', exact: true }).click();
    await brazil.waitForURL('**/amendments');
    const list = brazil.getByRole('list', { name: 'Amendments' });
    const accepted = list
      .getByRole('listitem')
      .filter({ hasText: 'Mexico proposes to replace “regional” by “hemispheric”' });
    await expect.poll(() => accepted.count()).toBe(1);
    expect(await accepted.textContent()).toContain('Co-sponsored by Brazil.');
    expect(await accepted.textContent()).toContain('Accepted');
    expect(await violations(brazil)).toEqual([]);
    if (SHOTS) {
      for (const width of [1280, 390]) {
        await brazil.setViewportSize({ width, height: 900 });
        await brazil.screenshot({ path: `${SHOTS}/plan-amendments-${width}.png`, fullPage: true });
      }
      await brazil.setViewportSize({ width: 1280, height: 900 });
    }

    // Brazil co-sponsored it: it is among Brazil's, and not among the pending ones.
    const filters = brazil.getByRole('form', { name: 'Filter the amendments' });
    await filters.getByLabel('State').selectOption({ label: 'Brazil' });
    await filters.getByRole('button', { name: 'Show' }).click();
    await brazil.waitForURL(/state=BRA/);
    expect(await accepted.count()).toBe(1);
    await filters.getByLabel('Status').selectOption({ label: 'Pending' });
    await filters.getByRole('button', { name: 'Show' }).click();
    await brazil.waitForURL(/status=pending/);
    expect(await brazil.getByTestId('amendments-count').textContent()).toBe('No amendment matches these filters.');
    expect(await accepted.count()).toBe(0);

    await brazil.goto(`${planPath}/amendments?status=accepted`);
    await accepted.getByRole('link').click();
    await brazil.waitForURL(/\/sections\/.*#amendment-/);
    const linked = brazil.locator('.amendments .amendment.linked');
    await expect.poll(() => linked.count(), { timeout: 15_000 }).toBe(1);
    expect(await linked.textContent()).toContain('hemispheric');
    expect(await linked.evaluate((li) => li.getBoundingClientRect().top < innerHeight)).toBe(true);
  });

  it("the chair brackets 1.2, holds it ad referendum for Canada, then agrees it; Peru's page shows each step and keeps typing out", async () => {
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    const sectionPath = new URL(peru.url()).pathname;
    const planId = sectionPath.split('/')[2]!;
    await chair.goto(sectionPath);
    // Statuses are set while the chair consolidates the text.
    const moved = await chair.evaluate(
      async (id) =>
        (
          await fetch(`/api/plans/${id}/phase`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ phase: 'consolidation' }),
          })
        ).status,
      planId,
    );
    expect(moved).toBeLessThan(300);
    await chair.reload();
    await peru.reload();
    const panel = (page: Page) => page.locator('.paragraph-status');
    const row = (page: Page) =>
      panel(page)
        .locator('tr')
        .filter({ has: page.locator('th', { hasText: /^1\.2$/ }) });
    const setStatus = async (label: string, states: string[] = []) => {
      const form = chair.getByRole('form', { name: 'Set the status of paragraph 1.2' });
      await form.getByLabel('Status of paragraph 1.2').selectOption({ label });
      if (states.length) await form.getByLabel('States agreeing to paragraph 1.2 ad referendum').selectOption(states);
      await form.getByRole('button').click();
    };

    // Both pages have loaded their panels before the chair acts.
    for (const page of [chair, peru])
      await expect.poll(() => row(page).textContent(), { timeout: 15_000 }).toContain('No status');
    await setStatus('Bracketed');
    await expect.poll(() => row(peru).textContent(), { timeout: 15_000 }).toContain('Bracketed');
    await expect.poll(() => editor(peru).locator('.status-bracket').allTextContents()).toEqual(['[', ']']);
    // The brackets are drawn, not typed: the shared text has none.
    expect(
      await editor(peru)
        .locator('p.status-bracketed')
        .evaluate((p) => p.textContent),
    ).toMatch(/^\[.*\]$/);

    if (SHOTS)
      for (const width of [1280, 390]) {
        await peru.setViewportSize({ width, height: 900 });
        await peru.screenshot({ path: `${SHOTS}/section-bracketed-${width}.png`, fullPage: true });
      }
    await peru.setViewportSize({ width: 1280, height: 900 });

    await setStatus('Agreed ad referendum', ['CAN']);
    await expect.poll(() => row(peru).textContent()).toContain('Agreed ad referendum: Canada');
    await expect
      .poll(() => editor(peru).locator('.status-note').textContent())
      .toContain('Agreed ad referendum: Canada');
    expect(await editor(peru).locator('.status-bracket').count()).toBe(0);

    await setStatus('Agreed');
    await expect.poll(() => editor(peru).locator('p.status-agreed').count()).toBe(1);
    const agreedText = await editor(peru).locator('p.status-agreed').textContent();
    // Peru cannot type in the agreed paragraph (the server would refuse it too); elsewhere it can.
    await editor(peru).locator('p.status-agreed').click();
    await peru.keyboard.type('XYZ');
    expect(await editor(peru).locator('p.status-agreed').textContent()).toBe(agreedText);

    expect(await violations(peru)).toEqual([]);
    expect(await violations(chair)).toEqual([]);
    if (SHOTS) {
      for (const [name, page] of [
        ['peru', peru],
        ['chair', chair],
      ] as const)
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: `${SHOTS}/section-status-${name}-${width}.png`, fullPage: true });
        }
    }
    // The plan page counts it.
    await peru.goto(`/plans/${planId}`);
    await expect
      .poll(() => peru.getByTestId('plan-progress').textContent())
      .toMatch(/1 agreed, 0 agreed ad referendum/);
    if (SHOTS)
      for (const width of [1280, 390]) {
        await peru.setViewportSize({ width, height: 900 });
        await peru.screenshot({ path: `${SHOTS}/plan-progress-${width}.png`, fullPage: true });
      }
    expect(await violations(peru)).toEqual([]);

    // The chair reopens it: the open plan page counts it again without being reloaded.
    await peru.setViewportSize({ width: 1280, height: 900 });
    await peru.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await setStatus('Bracketed');
    await expect
      .poll(() => peru.getByTestId('plan-progress').textContent(), { timeout: 20_000 })
      .toMatch(/(^|\D)0 agreed, 0 agreed ad referendum/);
    expect(await peru.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
