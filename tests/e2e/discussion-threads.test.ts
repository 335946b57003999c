import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, signInAs } from '../helpers/browser';

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
});
