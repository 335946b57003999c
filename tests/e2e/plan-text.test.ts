import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../helpers/axe';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';

const SHOTS = '/work/shots-27';

describe.runIf(browserAvailable())('the plan on one page', () => {
  const t = useAppInBrowser();
  let peru: Page;
  let observer: Page;
  let textPath: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await observer.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await observer.getByRole('link', { name: 'Whole plan on one page' }).click();
    await observer.waitForURL('**/text');
    textPath = new URL(observer.url()).pathname;
    await peru.goto(textPath.replace(/\/text$/, ''));
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
  });

  const section = (page: Page, title: string) =>
    page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });

  it('shows the goal and every section in order, numbered, and follows typing live', async () => {
    const headings = await observer.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings[0]).toBe('Goal of the plan');
    expect(headings[1]).toBe('1. Professionalisation of police forces');
    expect(headings.length).toBeGreaterThan(3);
    const first = section(observer, 'Professionalisation of police forces');
    expect(await first.getByText('Lead: Peru').count()).toBe(1);
    expect(await first.locator('p.numbered').first().getAttribute('data-paragraph-number')).toBe('1.1');

    const editor = peru.locator('.prose').last();
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true');
    await caretAtEnd(editor);
    await peru.keyboard.press('Enter');
    await peru.keyboard.type('Peru proposes a regional police academy.');
    await expect
      .poll(() => first.innerText(), { timeout: 10_000 })
      .toContain('Peru proposes a regional police academy.');
    const added = first.locator('p.numbered', { hasText: 'Peru proposes a regional police academy.' });
    expect(await added.getAttribute('data-paragraph-number')).toMatch(/^1\.\d+$/);
  });

  it('colours the whole plan by state when authorship is shown', async () => {
    const first = section(observer, 'Professionalisation of police forces');
    const peruText = first.locator('.by[data-state="PER"]', { hasText: 'regional police academy' });
    const colour = () => peruText.evaluate((el) => getComputedStyle(el).borderBottomStyle);
    expect(await colour()).toBe('none');
    await observer.getByRole('button', { name: 'Show authorship' }).click();
    expect(await colour()).toBe('solid');
    expect(await observer.getByRole('list', { name: 'Colours by state' }).innerText()).toContain('Peru');
    expect(await violations(observer)).toEqual([]);
    await observer.screenshot({ path: `${SHOTS}/plan-text-authorship-1280.png` });
    await observer.getByRole('button', { name: 'Hide authorship' }).click();
    expect(await colour()).toBe('none');
  });

  it('prints the document alone, and fits a phone', async () => {
    await observer.setViewportSize({ width: 1280, height: 900 });
    await observer.screenshot({ path: `${SHOTS}/plan-text-1280.png` });
    await observer.emulateMedia({ media: 'print' });
    expect(await observer.locator('.top-bar').isVisible()).toBe(false);
    expect(await observer.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await observer.getByRole('heading', { name: '1. Professionalisation of police forces' }).isVisible()).toBe(
      true,
    );
    await observer.screenshot({ path: `${SHOTS}/plan-text-print.png`, fullPage: true });
    await observer.emulateMedia({ media: 'screen' });
    await observer.setViewportSize({ width: 390, height: 844 });
    expect(await observer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await observer.screenshot({ path: `${SHOTS}/plan-text-390.png` });
    await peru.goto(textPath.replace(/\/text$/, ''));
    await peru.setViewportSize({ width: 1280, height: 900 });
    await peru.screenshot({ path: `${SHOTS}/plan-page-1280.png` });
    await peru.setViewportSize({ width: 390, height: 844 });
    await peru.screenshot({ path: `${SHOTS}/plan-page-390.png` });
  });

  it('compares two named versions of the plan, section by section, by state', async () => {
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    const planPath = textPath.replace(/\/text$/, '');
    await chair.goto(`${planPath}/manage`);
    const name = async (version: string) => {
      await chair.getByLabel('Plan version name').fill(version);
      await chair.getByRole('button', { name: 'Name a version of the whole plan' }).click();
      await expect.poll(() => chair.getByText(version, { exact: true }).count()).toBe(1);
    };
    await name('First reading');
    await peru.goto(planPath);
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    const editor = peru.locator('.prose').last();
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true');
    await caretAtEnd(editor);
    await peru.keyboard.press('Enter');
    await peru.keyboard.type('Peru adds exchanges between academies.');
    // The server's room holds it once the observer's page shows it; a plan version snapshots the room.
    await observer.setViewportSize({ width: 1280, height: 900 });
    await expect
      .poll(() => section(observer, 'Professionalisation of police forces').innerText(), { timeout: 10_000 })
      .toContain('Peru adds exchanges between academies.');
    await name('Second reading');

    await chair.goto(planPath);
    await chair.getByRole('link', { name: 'Compare versions' }).click();
    await chair.waitForURL('**/compare');
    await chair.screenshot({ path: `${SHOTS}/compare-first-look.png`, fullPage: true });
    const police = chair.getByRole('region', { name: '1. Professionalisation of police forces' });
    // One passage per stretch of one state's words: Peru's new paragraph may join Peru's words around it.
    await expect
      .poll(async () => (await police.locator('ins').allInnerTexts()).join(' '))
      .toContain('Peru adds exchanges between academies.');
    expect(await police.innerText()).toContain('— Peru');
    expect(await chair.getByRole('region', { name: '2. Prevention of violence and crime' }).innerText()).toContain(
      'No changes.',
    );
    expect(await violations(chair)).toEqual([]);
    await chair.setViewportSize({ width: 1280, height: 900 });
    await chair.screenshot({ path: `${SHOTS}/compare-1280.png` });
    await chair.setViewportSize({ width: 390, height: 844 });
    expect(await chair.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await chair.screenshot({ path: `${SHOTS}/compare-390.png` });

    // Peru moves its first paragraph to the end: the comparison says moved, at both ends, not removed and added.
    const moved =
      'Peru proposes a regional curriculum for police training grounded in human rights and community policing.';
    await editor.locator('p', { hasText: moved }).click({ clickCount: 3 });
    await peru.keyboard.press('Backspace');
    await peru.keyboard.press('Delete');
    await caretAtEnd(editor);
    await peru.keyboard.press('Enter');
    await peru.keyboard.type(moved);
    await expect
      .poll(() => section(observer, 'Professionalisation of police forces').innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`academies\\.[^]*${moved}`));
    await chair.setViewportSize({ width: 1280, height: 900 });
    await chair.goto(`${planPath}/manage`);
    await name('Third reading');
    await chair.goto(`${planPath}/compare`);
    const movedPassages = police.locator('[data-moved]');
    await expect
      .poll(() => movedPassages.allInnerTexts())
      .toEqual([
        expect.stringContaining('Moved here from elsewhere in this section.'),
        expect.stringContaining('Moved elsewhere in this section.'),
      ]);
    expect(await police.innerText()).toContain('Peru: no words added, none removed, 15 words moved');
    expect(await violations(chair)).toEqual([]);
    await chair.screenshot({ path: `${SHOTS}/compare-moved-1280.png`, fullPage: true });
    await chair.setViewportSize({ width: 390, height: 844 });
    await chair.screenshot({ path: `${SHOTS}/compare-moved-390.png`, fullPage: true });
  });
});
