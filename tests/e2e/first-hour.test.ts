import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../helpers/axe';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';

/** Screenshots of the pages this suite changes, at a desktop's and a phone's width, for a person to look at. */
const SHOTS = process.env.SHOTS_DIR;

describe.runIf(browserAvailable())("the administrator's first hour: set-up and clean-up", () => {
  const t = useAppInBrowser();
  let admin: Page;

  beforeAll(async () => {
    admin = await signInAs(t.browser, t.app.url, 'admin@demo.test');
    admin.setDefaultTimeout(10_000);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  /** axe at both widths, and a screenshot of each when SHOTS_DIR is set. */
  async function check(page: Page, name: string) {
    // The page's title comes with its streamed metadata: axe reads the page once it is there.
    await expect.poll(() => page.title()).not.toBe('');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      expect(await violations(page), `axe-core on ${name} at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it('says when a title reaches its 300 characters', async () => {
    await admin.goto('/admin');
    const title = admin.getByLabel('Title');
    await title.fill('A'.repeat(250));
    expect(await admin.getByTestId('title-count').innerText()).toBe('250 of 300 characters');
    await title.fill('A'.repeat(320));
    expect((await title.inputValue()).length).toBe(300);
    expect(await admin.getByTestId('title-count').innerText()).toContain('at most 300 characters');
    await check(admin, 'admin-title-full');
    await title.fill('');
    expect(await admin.getByTestId('title-count').count()).toBe(0);
  });

  it('creates a plan, clears the form and says what was created', async () => {
    await admin.goto('/admin');
    await admin.getByLabel('Title').fill('Test plan to clean up');
    await admin.getByLabel('Chair’s email').fill('chair@demo.test');
    await admin.getByRole('button', { name: 'Create plan' }).click();
    await expect
      .poll(() => admin.getByRole('status').first().innerText())
      .toContain('Plan “Test plan to clean up” created');
    expect(await admin.getByLabel('Title').inputValue()).toBe('');
    await expect.poll(() => admin.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(1);
    await check(admin, 'admin');
  });

  it('appoints a coordinator from the manage page, with a link to copy, renew and revoke', async () => {
    await admin.goto('/admin');
    await admin.getByRole('link', { name: /^People and sections of Hemispheric Plan of Action/ }).click();
    await admin.waitForURL('**/manage');
    const appoint = admin.getByRole('form', { name: 'Appoint' });
    await appoint.getByLabel('Email to appoint').fill('coordinacion@minseg.cl');
    await appoint.getByLabel('State').selectOption({ label: 'Chile' });
    await appoint.getByRole('button', { name: 'Appoint' }).click();
    const first = (await admin.getByTestId('invitation-link').innerText()).trim();
    expect(first).toMatch(new RegExp(`^${t.app.url}/invitations/[A-Za-z0-9_-]{43}$`));
    expect(await appoint.getByLabel('Email to appoint').inputValue()).toBe('');

    await admin.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(first);
    expect(await admin.getByText('Link copied').count()).toBe(1);

    const pending = admin.getByTestId('pending-invitation').filter({ hasText: 'coordinacion@minseg.cl' });
    await expect.poll(() => pending.count()).toBe(1);
    await check(admin, 'manage-admin');

    await admin
      .getByRole('button', { name: 'New link for coordinacion@minseg.cl: the previous one stops working' })
      .click();
    await expect.poll(async () => (await admin.getByTestId('invitation-link').innerText()).trim()).not.toBe(first);
    const second = (await admin.getByTestId('invitation-link').innerText()).trim();
    const visitor = await t.browser.newPage();
    await visitor.goto(first);
    expect(await visitor.locator('main [role=alert]').innerText()).toContain('not valid');
    await visitor.goto(second);
    expect(await visitor.getByRole('button', { name: /Join|Accept/ }).count()).toBe(1);

    await admin.getByRole('button', { name: 'Revoke the invitation sent to coordinacion@minseg.cl' }).click();
    await expect.poll(() => pending.count()).toBe(0);
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'was revoked' }).count()).toBe(1);
    await visitor.goto(second);
    expect(await visitor.locator('main [role=alert]').innerText()).toContain('not valid');
    await visitor.close();
  });

  it('reads the audit log as sentences, filtered by kind and state, with the record on demand', async () => {
    await admin.goto('/plans');
    await admin.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await admin.waitForURL('**/plans/*');
    await admin.goto(`${new URL(admin.url()).pathname}/audit`);
    const filters = admin.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('Kind').selectOption({ label: 'People and invitations' });
    await filters.getByLabel('State concerned').selectOption({ label: 'Chile' });
    await filters.getByRole('button', { name: 'Show' }).click();
    await admin.waitForURL('**/audit?kind=member&state=CHL');
    const lines = admin.locator('.audit-entries > li > p');
    await expect
      .poll(() => lines.allInnerTexts())
      .toEqual([
        expect.stringContaining('Instance Administrator: Invitation revoked'),
        expect.stringContaining('Instance Administrator: Invitation sent again with a new link'),
        expect.stringContaining('Instance Administrator: Invitation sent'),
      ]);
    // The revocation's record: the invitation as it was (before), nothing after.
    const record = admin.locator('.audit-entries details').first();
    await record.locator('summary').click();
    expect(await record.locator('pre').first().innerText()).toContain('coordinacion@minseg.cl');
    await check(admin, 'audit');
    await admin.goto(`${new URL(admin.url()).pathname}?kind=amendment`);
    expect(await admin.getByTestId('audit-empty').innerText()).toBe('No entry matches these filters.');
  });

  it(
    'archives a plan out of the lists, read-only, restores it, and deletes it after its title is typed',
    { timeout: 90_000 },
    async () => {
      const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
      chair.setDefaultTimeout(10_000);
      expect(await chair.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(1);
      await chair.getByRole('link', { name: 'Test plan to clean up', exact: true }).click();
      await chair.waitForURL('**/plans/*');
      const planUrl = chair.url();

      await admin.goto('/admin');
      await admin.getByRole('button', { name: 'Archive Test plan to clean up' }).click();
      await expect.poll(() => admin.getByRole('button', { name: 'Restore Test plan to clean up' }).count()).toBe(1);
      await chair.goto('/plans');
      expect(await chair.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(0);
      await chair.goto(planUrl);
      expect(await chair.getByTestId('archived-notice').innerText()).toContain('archived');
      expect(await chair.getByRole('link', { name: 'Manage plan' }).count()).toBe(0);
      await check(chair, 'plan-archived');
      await check(admin, 'admin-archived');

      await admin.getByRole('button', { name: 'Restore Test plan to clean up' }).click();
      await expect.poll(() => admin.getByRole('button', { name: 'Archive Test plan to clean up' }).count()).toBe(1);
      await chair.goto('/plans');
      expect(await chair.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(1);

      await admin.getByRole('button', { name: /^Delete\W*Test plan to clean up\W*$/ }).click();
      const confirm = admin.getByLabel('Title of the plan to delete');
      const deleteForGood = admin.getByRole('button', { name: 'Delete for good' });
      await confirm.fill('Test plan');
      expect(await deleteForGood.isDisabled()).toBe(true);
      await check(admin, 'admin-delete');
      await confirm.fill('Test plan to clean up');
      await deleteForGood.click();
      await expect
        .poll(() => admin.getByRole('status').first().innerText())
        .toBe('“Test plan to clean up” was deleted.');
      await expect.poll(() => admin.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(0);
      await chair.goto('/plans');
      expect(await chair.getByRole('link', { name: 'Test plan to clean up', exact: true }).count()).toBe(0);
      await chair.close();
    },
  );

  it(
    'tells a person at the tenth failed sign-in that the account is locked, and for how long',
    { timeout: 60_000 },
    async () => {
      const page = await t.browser.newPage({ baseURL: t.app.url });
      await page.goto('/signin');
      const error = page.locator('#sign-in-error');
      for (let attempt = 1; attempt <= 10; attempt++) {
        await page.locator('input[name=email]').fill('guessed@demo.test');
        await page.locator('input[name=password]').fill(`wrong ${attempt}`);
        const answered = page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials'));
        await page.locator('form button[type=submit]').click();
        await answered;
        await expect
          .poll(() => error.innerText())
          .toBe(
            attempt < 10
              ? 'Wrong email or password.'
              : 'Too many failed attempts: this account is locked for 15 minutes. Try again then, or ask the administrator.',
          );
      }
      await check(page, 'signin-locked');
      await page.close();
    },
  );

  it("prints a plan's text without its search, export, forms and top bar", async () => {
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    chair.setDefaultTimeout(10_000);
    await chair.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await chair.waitForURL('**/plans/*');
    await chair.emulateMedia({ media: 'print' });
    for (const name of ['Search the plan', 'Export the compiled plan'])
      expect(await chair.getByRole('heading', { name }).isVisible(), name).toBe(false);
    expect(await chair.locator('.top-bar').isVisible()).toBe(false);
    expect(await chair.getByRole('heading', { name: 'Goal of the plan' }).isVisible()).toBe(true);
    if (SHOTS) await chair.screenshot({ path: `${SHOTS}/plan-print-1280.png`, fullPage: true });
    await chair.close();
  });

  it(
    'sets a link in a field under the toolbar that refuses an address nobody can follow',
    { timeout: 90_000 },
    async () => {
      const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
      chair.setDefaultTimeout(10_000);
      await chair.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
      await chair.getByRole('link', { name: 'Professionalisation of police forces' }).first().click();
      await chair.waitForURL('**/sections/*');
      const editor = chair.locator('.prose').last();
      await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true');
      await caretAtEnd(editor);
      await chair.keyboard.type(' OAS');
      await expect.poll(() => editor.innerText(), { timeout: 5_000 }).toContain('OAS');
      for (let i = 0; i < 3; i++) await chair.keyboard.press('Shift+ArrowLeft');
      await chair.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
      const address = chair.getByLabel('Link address (leave empty to remove the link)');
      expect(await address.inputValue()).toBe('https://');
      await address.fill('www.oas.org');
      await chair.getByRole('button', { name: 'Apply link' }).click();
      expect(await chair.locator('.link-field [role=alert]').innerText()).toContain('https://');
      await check(chair, 'link-field');
      await address.fill('https://www.oas.org/');
      await chair.getByRole('button', { name: 'Apply link' }).click();
      await expect.poll(() => editor.locator('a[href="https://www.oas.org/"]').allInnerTexts()).toEqual(['OAS']);
      expect(await address.count()).toBe(0);
      await chair.close();
    },
  );
});
