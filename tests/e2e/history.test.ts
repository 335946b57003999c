import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';
import { useAppInBrowser } from '../helpers/app-fixture';

describe.runIf(browserAvailable())('authorship and history in the browser', () => {
  const t = useAppInBrowser();
  let peru: Page;
  let mexico: Page;
  let chair: Page;
  let sectionPath: string;

  beforeAll(async () => {
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    mexico = await signInAs(t.browser, t.app.url, 'mexico@demo.test');
    chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await peru.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
    sectionPath = new URL(peru.url()).pathname;
    await Promise.all([mexico.goto(sectionPath), chair.goto(sectionPath)]);
  });

  const editor = (page: Page) => page.locator('.prose').last();
  async function typeAtEnd(page: Page, text: string) {
    await expect.poll(() => editor(page).getAttribute('contenteditable')).toBe('true');
    await caretAtEnd(editor(page));
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  }

  it('colours the text by state when authorship is shown, with a legend', async () => {
    await typeAtEnd(peru, 'Peru drafts the training curriculum.');
    await expect.poll(() => editor(mexico).innerText()).toContain('Peru drafts the training curriculum.');
    await typeAtEnd(mexico, 'Mexico adds certification.');
    await expect.poll(() => editor(peru).innerText()).toContain('Mexico adds certification.');

    await peru.getByRole('button', { name: 'Show authorship' }).click();
    const byState = (state: string) => editor(peru).locator(`.ychange[data-state="${state}"]`).allInnerTexts();
    await expect.poll(async () => (await byState('Peru')).join('')).toContain('Peru drafts the training curriculum.');
    await expect.poll(async () => (await byState('Mexico')).join('')).toContain('Mexico adds certification.');
    expect((await byState('Peru')).join('')).not.toContain('Mexico');
    expect(await peru.getByRole('list', { name: 'Colours by state' }).innerText()).toMatch(
      /Peru[\s\S]*Mexico|Mexico[\s\S]*Peru/,
    );
    expect(await editor(peru).locator('.ychange[data-state="Mexico"]').first().getAttribute('title')).toBe(
      'Written by Mexico — Coordinator of Mexico',
    );
    await peru.getByRole('button', { name: 'Hide authorship' }).click();
    await expect.poll(() => editor(peru).locator('.ychange').count()).toBe(0);
  });

  it('names versions, compares them coloured by state, and restores one live', async () => {
    await chair.getByRole('button', { name: 'History' }).click();
    await chair.getByLabel('Version name').fill('Draft circulated 12 March');
    await chair.getByRole('button', { name: 'Name this version' }).click();
    await expect.poll(() => chair.locator('.version').count()).toBe(1);
    const original = await editor(mexico).innerText();

    await typeAtEnd(mexico, 'Mexico adds a late paragraph.');
    await expect.poll(() => editor(chair).innerText()).toContain('Mexico adds a late paragraph.');
    await chair.getByLabel('Version name').fill('After Mexico');
    await chair.getByRole('button', { name: 'Name this version' }).click();
    await expect.poll(() => chair.locator('.version').count()).toBe(2);

    // Newest first: after the placeholder come "After Mexico", then "Draft circulated 12 March".
    await chair.getByLabel('Compare from').selectOption({ index: 2 });
    await chair.getByLabel('Compare to').selectOption({ index: 1 });
    await chair.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect
      .poll(async () => (await editor(chair).locator('.ychange-added').allInnerTexts()).join(''))
      .toContain('Mexico adds a late paragraph.');
    expect(await editor(chair).locator('.ychange-added[data-state="Mexico"]').count()).toBeGreaterThan(0);
    mkdirSync('test-artifacts', { recursive: true });
    await chair.screenshot({ path: 'test-artifacts/compare-view.png', fullPage: true });

    await chair.getByRole('button', { name: 'Back to the live text' }).click();

    // What changed since a version, up to the live text, marked as people go on typing.
    await chair
      .locator('.version', { hasText: 'Draft circulated 12 March' })
      .getByRole('button', { name: /^Changes since version of / })
      .click();
    // The text runs marked, by state (a new paragraph is also marked as a node), sorted: on a busy machine a
    // click's caret can land after the key that moves it to the end, and the paragraph goes elsewhere.
    const added = async () =>
      (await editor(chair).locator('.ychange-added[data-state]').allTextContents()).sort().join(' | ');
    await expect.poll(added).toBe('Mexico adds a late paragraph.');
    await typeAtEnd(mexico, 'Mexico adds one more.');
    await expect.poll(added).toBe('Mexico adds a late paragraph. | Mexico adds one more.');
    expect(await chair.getByText('highlighted: added since Draft circulated 12 March').count()).toBe(1);
    await chair.getByRole('button', { name: 'Back to the live text' }).click();

    chair.once('dialog', (dialog) => void dialog.accept());
    await chair
      .locator('.version', { hasText: 'Draft circulated 12 March' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect.poll(() => editor(mexico).innerText(), { timeout: 10_000 }).toBe(original);
    await expect
      .poll(() => chair.locator('.version', { hasText: 'Restored “Draft circulated 12 March”' }).count())
      .toBe(1);
  });

  it(
    'marks on the plan page what changed in a section since the reader last had it open',
    { timeout: 60_000 },
    async () => {
      const planPath = sectionPath.split('/sections/')[0]!;
      const figures = (page: Page) =>
        page
          .locator('li', { has: page.getByRole('link', { name: 'Professionalisation of police forces' }) })
          .getByTestId('section-figures');
      // Mexico leaves the section for the plan page: nothing in it is news to Mexico.
      await mexico.goto(planPath);
      await expect.poll(() => figures(mexico).innerText()).toContain('words');
      expect(await figures(mexico).innerText()).not.toContain('since your last visit');
      // Edits stored within 2 s of a visit count as the visitor's own last words: the wait is the point,
      // so that Peru's edit comes after that time.
      await new Promise((resolve) => setTimeout(resolve, 2_500));

      await typeAtEnd(peru, 'Peru adds a mentoring scheme.');
      await expect
        .poll(() => figures(mexico).innerText(), { timeout: 15_000 })
        .toContain('Edited since your last visit');
      await peru.getByLabel('Your message').fill('Please review the mentoring scheme.');
      await peru.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => figures(mexico).innerText(), { timeout: 15_000 })
        .toContain('Edited and new messages since your last visit');
      // The chair, who never left the section, is shown nothing new on arriving.
      await chair.goto(planPath);
      await expect.poll(() => figures(chair).innerText()).toContain('words');
      expect(await figures(chair).innerText()).not.toContain('since your last visit');

      // The link opens the section with what changed since Mexico left marked, and only that.
      await mexico.getByRole('link', { name: 'See what changed in Professionalisation of police forces' }).click();
      await mexico.waitForURL('**/sections/**');
      // A new paragraph is marked twice, as a node and as text.
      const added = async () => [...new Set(await editor(mexico).locator('.ychange-added').allInnerTexts())];
      await expect.poll(added).toEqual(['Peru adds a mentoring scheme.']);
      expect(await editor(mexico).locator('.ychange-added[data-state="Peru"]').allInnerTexts()).toEqual([
        'Peru adds a mentoring scheme.',
      ]);
      const shown = mexico.getByRole('button', { name: 'Hide changes since your last visit' });
      expect(await shown.getAttribute('aria-pressed')).toBe('true');
      await mexico.screenshot({ path: 'test-artifacts/changes-since-visit.png', fullPage: true });
      await shown.click();
      await expect.poll(() => editor(mexico).locator('.ychange').count()).toBe(0);
      await expect.poll(() => editor(mexico).getAttribute('contenteditable')).toBe('true');
      await mexico.goto(planPath);
      await expect.poll(() => figures(mexico).innerText()).toContain('words');
      expect(await figures(mexico).innerText()).not.toContain('since your last visit');
    },
  );
});
