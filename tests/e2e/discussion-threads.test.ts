import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, caretAtStart, signInAs } from '../helpers/browser';

/** Screenshots for a person to look at, outside git; unset: none taken. */
const SHOTS = process.env.SCREENSHOT_DIR;

describe.runIf(browserAvailable())('threads, mentions and the bell in a browser', () => {
  const t = useAppInBrowser();
  let peru: Page, mexico: Page;
  let sectionPath: string;

  const shoot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  };

  beforeAll(async () => {
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    mexico = await signInAs(t.browser, t.app.url, 'mexico@demo.test');
    await peru.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
    sectionPath = new URL(peru.url()).pathname;
    await mexico.goto(sectionPath);
  });

  it(
    'names a state with @, rings its coordinator live, replies under the thread and resolves it',
    { timeout: 120_000 },
    async () => {
      const threads = (page: Page) => page.getByRole('list', { name: 'Threads' }).locator(':scope > li');
      const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });
      await expect.poll(() => bell(mexico).innerText()).toContain('Notifications');

      // Peru types "@mex" and chooses Mexico from the suggestions with the keyboard.
      const field = peru.getByLabel('Your message');
      await field.click();
      await field.pressSequentially('Could @mex');
      const options = peru.getByRole('listbox', { name: 'Members and states to name' }).getByRole('option');
      await expect.poll(() => options.first().innerText()).toContain('@Mexico');
      // The field stays a text box; the suggestion under the keyboard is the one announced.
      expect(await field.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
      await field.press('Enter');
      await field.pressSequentially('check the training figures?');
      expect(await field.inputValue()).toBe('Could @Mexico check the training figures?');
      await shoot(peru, 'discussion-mention-autocomplete');
      await peru.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => threads(peru).count()).toBe(1);
      expect(await threads(peru).first().getByRole('link', { name: '@Mexico' }).count()).toBe(1);

      // Mexico's bell counts it without a reload; opening it lists it and marks it read.
      await expect.poll(() => bell(mexico).innerText(), { timeout: 10_000 }).toContain('1 unread');
      await bell(mexico).click();
      const panel = mexico.getByRole('region', { name: 'Latest notifications' });
      await expect.poll(() => panel.innerText()).toContain('mentioned you in “Professionalisation of police forces”');
      await shoot(mexico, 'bell-open');
      await expect.poll(() => bell(mexico).innerText()).not.toContain('unread');
      await bell(mexico).click();

      // Mexico replies under Peru's thread; Peru, who opened it, resolves it and it folds away.
      await expect.poll(() => threads(mexico).count()).toBe(1);
      await threads(mexico).first().getByRole('button', { name: 'Reply' }).click();
      await mexico.getByLabel('Your reply').fill('Yes, by Friday.');
      await mexico.getByRole('button', { name: 'Send reply' }).click();
      for (const page of [peru, mexico])
        await expect.poll(() => threads(page).first().locator('li.comment').count()).toBe(2);
      // Mexico co-edits the section but does not lead it: it may reply, not resolve Peru's thread.
      expect(await threads(mexico).first().getByRole('button', { name: 'Resolve' }).count()).toBe(0);
      await shoot(peru, 'discussion-thread');
      expect(await violations(peru)).toEqual([]);

      await threads(peru).first().getByRole('button', { name: 'Resolve' }).click();
      await expect.poll(() => threads(peru).count()).toBe(0);
      expect(await peru.getByTestId('thread-counts').innerText()).toContain('No open threads');
      await peru.getByRole('button', { name: 'Show 1 resolved thread' }).click();
      await expect.poll(() => threads(peru).first().innerText()).toContain('Resolved by Coordinator of Peru.');
      await shoot(peru, 'discussion-resolved');
      expect(await violations(peru)).toEqual([]);
      await threads(peru).first().getByRole('button', { name: 'Reopen' }).click();
      await expect.poll(() => peru.getByTestId('thread-counts').innerText()).toContain('1 open thread');
    },
  );

  it(
    "underlines the passages of open threads for everyone, and opens an observers' channel",
    { timeout: 180_000 },
    async () => {
      const text = (page: Page) => page.locator('.prose').last();
      const underlined = async (page: Page) =>
        (await text(page).locator('.discussed-passage').allTextContents()).join('');
      // Peru opens a thread about the section's first paragraph.
      const paragraph = text(peru).locator('p').first();
      const passage = (await paragraph.innerText()).trim();
      await paragraph.click({ clickCount: 3 });
      await peru.getByRole('button', { name: 'Discuss this passage' }).click();
      await peru.keyboard.type('Should this paragraph name a deadline?');
      await peru.getByRole('button', { name: 'Send', exact: true }).click();

      // Mexico sees it underlined, and pointing at it shows the thread's first message.
      await expect.poll(() => underlined(mexico), { timeout: 10_000 }).toBe(passage);
      await text(mexico).locator('.discussed-passage').first().hover();
      const note = mexico.locator('.discussed-note');
      await expect.poll(() => note.innerText()).toContain('Under discussion — Coordinator of Peru');
      expect(await note.innerText()).toContain('Should this paragraph name a deadline?');
      await shoot(mexico, 'discussed-passage');
      expect(await violations(mexico)).toEqual([]);

      // Peru writes before it: the underline stays on the same words.
      await caretAtStart(text(peru));
      await peru.keyboard.type('As agreed, ');
      expect(await text(peru).locator('p').first().innerText()).toContain(`As agreed, ${passage}`);
      await expect.poll(() => text(mexico).locator('p').first().innerText()).toContain('As agreed, ');
      expect(await underlined(mexico)).toBe(passage);

      // Resolved, it is no longer under discussion.
      const thread = peru
        .getByRole('list', { name: 'Threads' })
        .locator(':scope > li')
        .filter({ hasText: 'Should this paragraph name a deadline?' });
      await thread.getByRole('button', { name: 'Resolve' }).click();
      await expect.poll(() => text(mexico).locator('.discussed-passage').count()).toBe(0);

      // The chair opens the observers' channel while an observer reads the section: the observer's page
      // offers the channel's form without being reloaded, and the observer comments there, apart from the delegations.
      const observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
      await observer.goto(sectionPath);
      await expect.poll(() => observer.locator('.prose').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const form = observer.getByRole('form', { name: 'Write in the observers’ channel' });
      expect(await form.count()).toBe(0);
      await observer.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
      await chair.goto(`${sectionPath.split('/sections/')[0]}/manage`);
      await chair.getByRole('checkbox', { name: 'Let observers comment' }).check();
      await expect.poll(() => chair.getByText('Observers may comment.').count()).toBe(1);
      await shoot(chair, 'manage-observers-channel');
      await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(1);
      expect(await observer.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(await observer.getByRole('form', { name: 'Write in the discussion' }).count()).toBe(0);
      await form.getByLabel('Your message').fill('The Inter-American Commission offers its training materials.');
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      const observed = (page: Page) => page.getByRole('list', { name: 'Observers’ threads' }).locator(':scope > li');
      await expect.poll(() => observed(peru).count(), { timeout: 10_000 }).toBe(1);
      expect(await observed(peru).first().innerText()).toContain('Observer');
      await shoot(observer, 'observers-channel');
      expect(await violations(observer)).toEqual([]);
      // Closed again: the form goes, what was written stays.
      await chair.getByRole('checkbox', { name: 'Let observers comment' }).uncheck();
      await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(0);
      expect(await observed(observer).count()).toBe(1);
      await chair.context().close();
      await observer.context().close();
    },
  );
});
