import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { apertiumAvailable } from '../helpers/apertium';
import { violations } from '../helpers/axe';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';

const SHOTS = process.env.SHOTS_DIR;

/** Axe on the page, less the other coordinator's caret label, whose contrast is the editor's own concern. */
const ownViolations = async (page: Page) => (await violations(page)).filter((v) => !v.includes('.collab-caret-label'));

describe.runIf(browserAvailable() && apertiumAvailable())('reading a Spanish section in English', () => {
  const t = useAppInBrowser();
  let mexico: Page;
  let observer: Page;
  let sectionPath = '';

  beforeAll(async () => {
    mexico = await signInAs(t.browser, t.app.url, 'mexico@demo.test');
    await mexico.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await mexico.waitForURL(/\/plans\/[0-9a-f-]+$/);
    await mexico.getByRole('link', { name: 'Prevention of violence and crime' }).click();
    await mexico.waitForURL('**/sections/**');
    sectionPath = new URL(mexico.url()).pathname;
    observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await observer.goto(sectionPath);
  });

  const reading = (page: Page) => page.getByRole('region', { name: 'Machine translation into English' });

  it("shows the section machine-translated, marked as such, and follows the coordinator's live edits", async () => {
    await caretAtEnd(mexico.locator('.prose').last());
    await mexico.keyboard.press('Enter');
    await mexico.keyboard.type(
      'Ampliar los programas municipales de prevención de la violencia dirigidos a los jóvenes de los barrios más pobres.',
    );
    await observer.getByRole('button', { name: 'Read in English' }).click();
    const panel = reading(observer);
    await expect
      .poll(() => panel.innerText(), { timeout: 20_000 })
      .toMatch(/municipal programs of prevention of the violence/i);
    expect(await panel.innerText()).toContain('Machine translation, for reading only');
    expect(await observer.getByRole('button', { name: 'Read in English' }).getAttribute('aria-pressed')).toBe('true');

    await caretAtEnd(mexico.locator('.prose').last());
    await mexico.keyboard.press('Enter');
    await mexico.keyboard.type('Crear observatorios nacionales del delito con datos abiertos.');
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/national observatories of the crime/i);
    // Never the section's text: the coordinator's editor holds the Spanish only.
    expect(await mexico.locator('.prose').last().innerText()).not.toMatch(/observatories/);
    expect(await ownViolations(observer)).toEqual([]);
    if (SHOTS) {
      for (const width of [1280, 390]) {
        await observer.setViewportSize({ width, height: 900 });
        await observer.screenshot({ path: `${SHOTS}/section-read-in-${width}.png`, fullPage: true });
      }
    }
  }, 90_000);

  it('shows the chair a Spanish and an English proposal side by side, each with its machine translation', async () => {
    const canada = await signInAs(t.browser, t.app.url, 'canada@demo.test');
    await canada.goto(sectionPath.replace(/\/sections\/.*$/, ''));
    await canada.getByRole('link', { name: 'Information systems and statistics' }).click();
    await canada.waitForURL('**/sections/**');
    // Typed into once it shows the section's text, as a person would.
    await expect
      .poll(() => canada.locator('.prose[contenteditable="true"]').innerText(), { timeout: 30_000 })
      .toContain('Canada proposes');
    await caretAtEnd(canada.locator('.prose[contenteditable="true"]'));
    await canada.keyboard.press('Enter');
    await canada.keyboard.type(
      'Expand municipal programmes that prevent violence among young people in the poorest neighbourhoods.',
    );
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await chair.goto(`${sectionPath.replace(/\/sections\/.*$/, '')}/consolidation`);
    const card = chair
      .getByRole('list', { name: 'Open overlaps' })
      .locator('li')
      .filter({ hasText: 'poorest' })
      .filter({ hasText: 'barrios' })
      .first();
    // The analysis waits for typing to pause, then translates the plan on the overlap thread, which may
    // first start again (it stops when idle): on a loaded machine that can take more than 30 s.
    await expect
      .poll(() => card.innerText(), { timeout: 90_000 })
      .toContain('Machine translation into English, for comparison only');
    expect(await card.locator('mark').count()).toBeGreaterThan(2);
    expect(await ownViolations(chair)).toEqual([]);
    if (SHOTS) {
      for (const width of [1280, 390]) {
        await chair.setViewportSize({ width, height: 900 });
        await chair.screenshot({ path: `${SHOTS}/board-${width}.png`, fullPage: true });
      }
    }
  }, 180_000);
});
