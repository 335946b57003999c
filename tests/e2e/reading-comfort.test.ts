import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';

/** Where screenshots go for a person to look at; never into git. */
const SHOTS = process.env.SHOTS_DIR;

/** The relative luminance of a computed CSS colour (`rgb(…)`), 0 for black to 1 for white. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The page's ground and its main text colour, as luminances. */
const colours = (page: Page) =>
  page.evaluate(() => ({
    ground: getComputedStyle(document.documentElement).backgroundColor,
    text: getComputedStyle(document.querySelector('main') ?? document.body).color,
  }));

describe.runIf(browserAvailable())('dark mode, initials in the margin, carets and account activity', () => {
  const t = useAppInBrowser();
  let peru: Page;
  let mexico: Page;
  let planPath: string;
  let sectionPath: string;

  const editor = (page: Page) => page.locator('.prose').last();
  /** Every live editor on the page has its document. */
  const settled = (page: Page) =>
    expect.poll(() => page.locator('.badge:not([data-status="connected"])').count(), { timeout: 15_000 }).toBe(0);

  /** The page is dark (ground and text), axe finds nothing at 1280 and 390 px, and screenshots are taken. */
  async function checkDark(page: Page, name: string) {
    await expect.poll(() => page.title()).not.toBe('');
    const { ground, text } = await colours(page);
    expect(luminance(ground), `${name}: ground ${ground}`).toBeLessThan(0.02);
    expect(luminance(text), `${name}: text ${text}`).toBeGreaterThan(0.6);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/dark-${name}-${width}.png`, fullPage: true });
      expect(await violations(page), `axe-core on ${name} (dark) at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test', { colorScheme: 'dark' });
    mexico = await signInAs(t.browser, t.app.url, 'mexico@demo.test');
    await peru.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await peru.waitForURL('**/plans/*');
    planPath = new URL(peru.url()).pathname;
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
    sectionPath = new URL(peru.url()).pathname;
    await mexico.goto(sectionPath);
  });

  it("shows another person's caret label while they type, then a flag that leaves the line above readable", async () => {
    await settled(peru);
    await settled(mexico);
    await caretAtEnd(editor(peru));
    await peru.keyboard.press('Enter');
    await peru.keyboard.type('Peru proposes a shared curriculum for police academies across the region.');
    await expect.poll(() => editor(mexico).innerText()).toContain('police academies across the region.');
    await caretAtEnd(editor(mexico));
    await mexico.keyboard.press('Enter');
    await mexico.keyboard.type('Mexico adds a certification scheme for instructors.');

    // On Peru's screen, Mexico's label is whole while Mexico types.
    const caret = editor(peru).locator('.collab-caret');
    const label = caret.locator('.collab-caret-label');
    await expect.poll(() => label.innerText()).toBe('Coordinator of Mexico · Mexico');
    const idle = () => caret.evaluate((element) => element.classList.contains('idle'));
    await expect.poll(idle).toBe(false);
    expect((await label.boundingBox())!.width).toBeGreaterThan(60);

    // Once Mexico is still, it shrinks to a flag clear of the line it is on and of the line above.
    await expect.poll(idle, { timeout: 6000 }).toBe(true);
    await peru.waitForTimeout(400); // the shrinking's transition
    const boxes = await caret.evaluate((element) => {
      const flag = element.querySelector('.collab-caret-label')!.getBoundingClientRect();
      // The text of the caret's line: the characters before it in its paragraph.
      const text = element.previousSibling ?? element.parentElement!.previousSibling;
      const range = document.createRange();
      range.selectNodeContents(text!);
      const rects = [...range.getClientRects()];
      const line = rects.at(-1)!;
      // The line above, if the paragraph has one, else the paragraph before.
      const above = rects.filter((r) => r.bottom <= line.top + 1).at(-1) ?? {
        bottom: element.closest('p')!.previousElementSibling!.getBoundingClientRect().bottom,
      };
      return {
        flag: { top: flag.top, bottom: flag.bottom, width: flag.width, height: flag.height },
        line: { top: line.top, bottom: line.bottom },
        aboveBottom: above.bottom,
      };
    });
    if (SHOTS) await editor(peru).screenshot({ path: `${SHOTS}/caret-flag-idle.png` });
    expect(boxes.flag.width).toBeLessThanOrEqual(8);
    expect(boxes.flag.height).toBeLessThanOrEqual(5);
    expect(boxes.flag.bottom, JSON.stringify(boxes)).toBeLessThanOrEqual(boxes.line.top + 0.5);
    expect(boxes.flag.top, JSON.stringify(boxes)).toBeGreaterThanOrEqual(boxes.aboveBottom - 0.5);
    // The name stays on it: for the pointer (hover opens it, with a tooltip) and in the "who is here" list.
    expect(await label.getAttribute('title')).toBe('Coordinator of Mexico · Mexico');
    await label.hover();
    await expect.poll(async () => (await label.boundingBox())!.width).toBeGreaterThan(60);
    await peru.mouse.move(0, 0);

    // Mexico types again: the whole label is back.
    await mexico.keyboard.type(' And mentors.');
    await expect.poll(idle).toBe(false);
  });

  it("shows the states' codes beside the paragraphs they wrote, remembered for the next visit", async () => {
    const initials = peru.getByRole('button', { name: 'Initials in the margin' });
    await initials.click();
    expect(await initials.getAttribute('aria-pressed')).toBe('true');
    const beside = (text: string) =>
      editor(peru)
        .locator('p', { hasText: text })
        .locator('.margin-initials')
        .evaluate((m) => [...m.children].map((c) => c.textContent));
    await expect.poll(() => beside('police academies across the region')).toEqual(['PER']);
    await expect.poll(() => beside('certification scheme')).toEqual(['MEX']);
    // Peru adds words to Mexico's paragraph: both codes, Mexico's first (more of its words).
    await editor(peru).locator('p', { hasText: 'certification scheme' }).click();
    await peru.keyboard.press('End');
    await peru.keyboard.type(' Peru agrees.');
    await expect.poll(() => beside('certification scheme')).toEqual(['MEX', 'PER']);

    // In the margin, outside the text: right of every word, and no part of the document (neither read nor typed into).
    const place = await editor(peru)
      .locator('p', { hasText: 'certification scheme' })
      .evaluate((p) => {
        const codes = p.querySelector('.margin-initials')!;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let right = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (codes.contains(node) || node.parentElement?.closest('.collab-caret')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) right = Math.max(right, rect.right);
        }
        return {
          codesLeft: codes.getBoundingClientRect().left,
          textRight: right,
          hidden: codes.getAttribute('aria-hidden'),
          editable: codes.getAttribute('contenteditable'),
        };
      });
    expect(place.codesLeft).toBeGreaterThanOrEqual(place.textRight);
    expect([place.hidden, place.editable]).toEqual(['true', 'false']);
    await checkDark(peru, 'section-initials');

    // Printed: the codes are on paper, in dark ink on white.
    await peru.emulateMedia({ media: 'print' });
    const printed = await colours(peru);
    expect(luminance(printed.ground)).toBeGreaterThan(0.9);
    expect(luminance(printed.text)).toBeLessThan(0.1);
    expect(await editor(peru).locator('.margin-initials').first().isVisible()).toBe(true);
    await peru.emulateMedia({ media: 'screen' });

    await peru.reload();
    await settled(peru);
    await expect
      .poll(() => peru.getByRole('button', { name: 'Initials in the margin' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => beside('police academies across the region')).toEqual(['PER']);
    // Mexico never asked for them.
    expect(await editor(mexico).locator('.margin-initials').count()).toBe(0);
    if (SHOTS) {
      // The light page, for a person to compare.
      const toggle = mexico.getByRole('button', { name: 'Initials in the margin' });
      await toggle.click();
      await expect.poll(() => editor(mexico).locator('.margin-initials').count()).toBeGreaterThan(0);
      for (const width of [1280, 390]) {
        await mexico.setViewportSize({ width, height: 900 });
        await mexico.screenshot({ path: `${SHOTS}/light-section-initials-${width}.png`, fullPage: true });
      }
      await mexico.setViewportSize({ width: 1200, height: 900 });
      await toggle.click();
    }

    // The plan's text on one page follows the same choice.
    await peru.goto(`${planPath}/text`);
    const codes = peru.locator('.plan-text .margin-initials', { hasText: 'PER' }).first();
    await expect.poll(() => codes.isVisible()).toBe(true);
    await peru.getByRole('button', { name: 'Show authorship' }).click();
    await checkDark(peru, 'plan-text-initials-authorship');
    await peru.getByRole('button', { name: 'Initials in the margin' }).click();
    await expect.poll(() => codes.isVisible()).toBe(false);
  });

  it('reads every main page in dark, axe clean, and prints them light', async () => {
    await peru.goto('/plans');
    await checkDark(peru, 'plans');
    await peru.goto(planPath);
    await settled(peru);
    await checkDark(peru, 'plan');
    await peru.goto(sectionPath);
    await settled(peru);
    await peru.getByRole('button', { name: 'Show authorship' }).click();
    await expect.poll(() => editor(peru).locator('.ychange.by-state').count()).toBeGreaterThan(0);
    await checkDark(peru, 'section-authorship');
    await peru.getByRole('button', { name: 'Hide authorship' }).click();
    await peru.getByRole('button', { name: 'History' }).click();
    await checkDark(peru, 'section-history');
    await peru.goto(`${planPath}/consolidation`);
    await settled(peru);
    await checkDark(peru, 'consolidation');
    await peru.goto('/account');
    await checkDark(peru, 'account');
    await peru.goto(`${planPath}/sections/00000000-0000-4000-8000-000000000000`);
    await checkDark(peru, 'section-not-found');

    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test', { colorScheme: 'dark' });
    for (const page of ['manage', 'audit']) {
      await chair.goto(`${planPath}/${page}`);
      await checkDark(chair, page);
    }
    const admin = await signInAs(t.browser, t.app.url, 'admin@demo.test', { colorScheme: 'dark' });
    await admin.goto('/admin');
    await checkDark(admin, 'admin');

    const signedOut = await (await t.browser.newContext({ baseURL: t.app.url, colorScheme: 'dark' })).newPage();
    await signedOut.goto('/signin');
    await checkDark(signedOut, 'signin');
    await signedOut.goto('/no-such-page');
    await checkDark(signedOut, 'not-found');

    // Paper gets the light colours, whatever the screen's.
    await peru.goto(planPath);
    await peru.emulateMedia({ media: 'print' });
    const printed = await colours(peru);
    expect(luminance(printed.ground)).toBeGreaterThan(0.9);
    expect(luminance(printed.text)).toBeLessThan(0.1);
    await peru.emulateMedia({ media: 'screen' });
    await chair.context().close();
    await admin.context().close();
  });

  it('lists the activity of an account to its owner, and to an administrator by email, in sentences', async () => {
    const mine = peru.getByRole('list', { name: 'Recent activity on your account' }).getByRole('listitem');
    // Through the top bar's link: the page is live (hydrated) before the form is used.
    await peru.goto('/plans');
    await peru.getByRole('link', { name: /Coordinator of Peru.*your account/ }).click();
    await peru.waitForURL('**/account');
    await expect.poll(() => mine.first().innerText()).toMatch(/You signed in$/);

    await peru.getByLabel('Current password').fill('concordia');
    await peru.getByLabel('New password (at least 8 characters)').fill('a-new-password-for-peru');
    await peru.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => peru.locator('p[role=status]').allInnerTexts())
      .toEqual([expect.stringContaining('Password changed.')]);
    await expect.poll(() => mine.first().innerText()).toMatch(/You changed your password$/);
    await checkDark(peru, 'account-activity');

    const admin = await signInAs(t.browser, t.app.url, 'admin@demo.test');
    await admin.goto('/admin');
    const find = admin.getByRole('form', { name: 'Account activity' });
    await find.getByLabel('Email of the account').fill('peru@demo.test');
    await find.getByRole('button', { name: 'Show its activity' }).click();
    await admin.waitForURL('**/admin/activity?email=peru%40demo.test');
    const theirs = admin.getByRole('list', { name: 'Activity of Coordinator of Peru (peru@demo.test)' });
    const lines = await theirs.getByRole('listitem').allInnerTexts();
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/Coordinator of Peru changed their password$/),
      expect.stringMatching(/Coordinator of Peru signed in$/),
    ]);
    for (const width of [1280, 390]) {
      await admin.setViewportSize({ width, height: 800 });
      if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-activity-${width}.png`, fullPage: true });
      expect(await violations(admin), `axe-core on admin activity at ${width} px`).toEqual([]);
    }
    await admin.goto('/admin/activity?email=nobody%40demo.test');
    expect(await admin.locator('main [role=alert]').innerText()).toBe('No account has the email nobody@demo.test.');

    // Someone else's activity is not a delegate's to read.
    await peru.goto('/admin/activity?email=mexico%40demo.test');
    expect(await peru.locator('main').innerText()).not.toContain('Coordinator of Mexico');
    await admin.context().close();
  });

  it('marks amendments, brackets and agreed text readably in dark', async () => {
    await mexico.goto(sectionPath);
    await settled(mexico);
    // Words are selected once the editor shows the section's text.
    await expect.poll(() => editor(mexico).innerText(), { timeout: 30_000 }).toContain('regional');
    await editor(mexico).click();
    await mexico.evaluate(() => {
      const paragraph = [...document.querySelectorAll('.prose p')].find((p) => p.textContent?.includes('regional'))!;
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
    await form.getByRole('button', { name: 'Propose' }).click();

    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    const planId = planPath.split('/')[2]!;
    expect(
      await chair.evaluate(
        async (id) =>
          (
            await fetch(`/api/plans/${id}/phase`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ phase: 'consolidation' }),
            })
          ).status,
        planId,
      ),
    ).toBeLessThan(300);
    await chair.goto(sectionPath);
    const setStatus = async (number: string, label: string) => {
      const status = chair.getByRole('form', { name: `Set the status of paragraph ${number}` });
      await expect.poll(() => status.count(), { timeout: 15_000 }).toBe(1);
      await status.getByLabel(`Status of paragraph ${number}`).selectOption({ label });
      await status.getByRole('button').click();
    };
    await setStatus('1.2', 'Bracketed');
    await setStatus('1.3', 'Agreed');

    await peru.goto(sectionPath);
    await settled(peru);
    await expect.poll(() => editor(peru).locator('.amendment-mark').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => editor(peru).locator('.status-bracket').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => editor(peru).locator('p.status-agreed').count(), { timeout: 15_000 }).toBe(1);
    await checkDark(peru, 'section-negotiation');
    await chair.context().close();
  });
});
