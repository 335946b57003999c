import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, caretAtEnd, signInAs } from '../helpers/browser';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';

describe.runIf(browserAvailable())('the chair appoints, the coordinator joins and drafts', () => {
  const t = useAppInBrowser();
  let chair: Page;
  /** The invited coordinator, in her section from the second test on. */
  let chile: Page;
  let planPath: string;
  let invitation: string;

  beforeAll(async () => {
    chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await chair.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await chair.waitForURL('**/plans/*');
    planPath = new URL(chair.url()).pathname;
  });

  const editor = (page: Page) => page.locator('.prose').last();

  it('appoints a new coordinator by email and shows the invitation link', async () => {
    await chair.getByRole('link', { name: 'Manage plan' }).click();
    const appoint = chair.getByRole('form', { name: 'Appoint' });
    await appoint.getByLabel('Email to appoint').fill('coordinacion@minseg.cl');
    await appoint.getByLabel('State').selectOption({ label: 'Chile' });
    await appoint.getByRole('button', { name: 'Appoint' }).click();
    invitation = (await chair.getByTestId('invitation-link').innerText()).trim();
    expect(invitation).toMatch(new RegExp(`^${t.app.url}/invitations/[A-Za-z0-9_-]{43}$`));

    const add = chair.getByRole('form', { name: 'New section' });
    await add.getByLabel('New section title').fill('Firearms trafficking');
    await add.getByLabel('Lead state of the new section').selectOption({ label: 'Chile' });
    await add.getByRole('button', { name: 'Add section' }).click();
    await expect.poll(() => chair.getByLabel('Settings of Firearms trafficking').count()).toBe(1);

    // Co-editing states are ticked in a list that opens under the section.
    const settings = chair.getByLabel('Settings of Firearms trafficking');
    const coEditing = settings.locator('details.co-editing');
    await coEditing.getByText('Co-editing states: none').click();
    const states = settings.getByRole('group', { name: 'Co-editing states of Firearms trafficking' });
    expect(
      await states.getByRole('checkbox', { name: 'Chile' }).count(),
      'the lead state offered as its own co-editor',
    ).toBe(0);
    await states.getByRole('checkbox', { name: 'Mexico' }).check();
    await states.getByRole('checkbox', { name: 'Peru' }).check();
    // A state made lead is no longer also a co-editor.
    await settings.getByLabel('Lead state').selectOption({ label: 'Peru' });
    expect(await coEditing.locator('summary').innerText()).toBe('Co-editing states: Mexico');
    await settings.getByLabel('Lead state').selectOption({ label: 'Chile' });
    await states.getByRole('checkbox', { name: 'Peru' }).check();
    expect(await coEditing.locator('summary').innerText()).toBe('Co-editing states: Mexico and Peru');
    expect(await violations(chair), 'axe-core on the manage page with the states listed').toEqual([]);
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => settings.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    const plan = await chair.context().newPage();
    await plan.goto(planPath);
    expect(await plan.locator('li.section-row', { hasText: 'Firearms trafficking' }).innerText()).toContain(
      'Lead: Chile · Co-editing: Mexico and Peru',
    );
    await plan.close();
  });

  it('lets the invited coordinator join through the link and type in their section', async () => {
    const context = await t.browser.newContext({ baseURL: t.app.url });
    chile = await context.newPage();
    await chile.goto(invitation);
    await chile.getByLabel('Your name').fill('Coordinadora de Chile');
    await chile.getByLabel(/Choose a password/).fill('a-long-password');
    await chile.getByRole('button', { name: 'Join' }).click();
    await chile.waitForURL(`**${planPath}`);
    await chile.getByRole('link', { name: 'Firearms trafficking' }).click();
    await chile.waitForURL('**/sections/**');
    await expect.poll(() => editor(chile).getAttribute('contenteditable')).toBe('true');
    await editor(chile).click();
    await chile.keyboard.type('Chile propone un registro regional de armas de fuego.');

    const observer = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await observer.goto(chile.url());
    await expect.poll(() => editor(observer).innerText()).toContain('Chile propone un registro regional');
    expect(await editor(observer).getAttribute('contenteditable')).toBe('false');
    expect(await observer.getByText('Read-only — observer').count()).toBe(1);
    // Observers are counted, not named; this one is told it is among them.
    await observer.locator('.presence summary').last().click();
    await expect
      .poll(() => observer.getByLabel('People in this document').last().innerText())
      .toContain('you are observing');

    // The chair freezes the section: the coordinator's open editor turns read-only without a reload.
    await chair.getByLabel('Settings of Firearms trafficking').getByRole('button', { name: 'Freeze' }).click();
    await expect.poll(() => editor(chile).getAttribute('contenteditable'), { timeout: 5_000 }).toBe('false');
    await chair.getByLabel('Settings of Firearms trafficking').getByRole('button', { name: 'Unfreeze' }).click();
    await expect.poll(() => editor(chile).getAttribute('contenteditable'), { timeout: 5_000 }).toBe('true');
  });

  it(
    'keeps a plan page current without rendering it again, and renders it once when the plan changes',
    { timeout: 60_000 },
    async () => {
      const page = await signInAs(t.browser, t.app.url, 'observer@demo.test');
      await page.goto(planPath);
      const renders: string[] = [];
      page.on('request', (request) => {
        if (request.headers()['rsc'] === '1' && new URL(request.url()).pathname === planPath)
          renders.push(request.url());
      });
      const firearms = page.locator('li.section-row', { hasText: 'Firearms trafficking' });
      const figures = firearms.getByTestId('section-figures');
      const words = async () => Number(/(\d+) words/.exec(await figures.innerText())?.[1]);
      expect(await figures.innerText()).toContain('Coordinadora de Chile');
      // What she typed in the test before: "Chile propone un registro regional de armas de fuego."
      await expect.poll(words, { timeout: 15_000 }).toBe(9);

      await caretAtEnd(editor(chile));
      await chile.keyboard.press('Enter');
      await chile.keyboard.type('Y un fondo común.');
      await expect.poll(words, { timeout: 15_000 }).toBe(13);
      await chile.close();
      await expect.poll(() => figures.innerText(), { timeout: 10_000 }).not.toContain('Coordinadora de Chile');
      expect(renders, 'rendered again for figures the server sends').toEqual([]);

      await chair.getByLabel('Settings of Firearms trafficking').getByRole('button', { name: 'Freeze' }).click();
      await expect.poll(() => firearms.innerText(), { timeout: 10_000 }).toContain('Frozen');
      expect(renders).toHaveLength(1);
      await chair.getByLabel('Settings of Firearms trafficking').getByRole('button', { name: 'Unfreeze' }).click();
      await page.context().close();
    },
  );

  it("shows each reader the plan's times in their own time zone and language", async () => {
    const page = await signInAs(t.browser, t.app.url, 'observer@demo.test', {
      locale: 'es-PE',
      timezoneId: 'America/Lima',
    });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(planPath);
    const lastEdit = page
      .locator('li.section-row', { hasText: 'Firearms trafficking' })
      .getByTestId('section-figures')
      .locator('time');
    const at = new Date((await lastEdit.getAttribute('datetime'))!);
    const inLima = new Intl.DateTimeFormat('es-PE', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Lima',
    }).format(at);
    // The server rendered UTC; the browser shows Lima's time once the page is live, without a mismatch.
    await expect.poll(() => lastEdit.innerText()).toBe(inLima);
    expect(inLima).not.toBe(
      new Intl.DateTimeFormat('es-PE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the invitation link works once', async () => {
    const page = await (await t.browser.newContext({ baseURL: t.app.url })).newPage();
    await page.goto(invitation);
    expect(await page.locator('main [role=alert]').innerText()).toMatch(/not valid or was already used/);
  });

  it('finds words in every section of the plan, and opens a section with them marked', async () => {
    const page = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await page.goto(planPath);
    await page.getByLabel('Words to find in the goal, the sections and their discussions').fill('Regional Curriculum');
    await page.getByRole('button', { name: 'Search' }).click();
    // Grouped by section, in the plan's order, at the top of the page.
    const groups = page.getByTestId('search-group');
    const found = page.locator('.search-hit');
    await expect.poll(() => found.count()).toBe(2);
    expect(await page.getByText('2 paragraphs in 2 sections.').count()).toBe(1);
    expect(await groups.locator('h3').allInnerTexts()).toEqual([
      '1. Professionalisation of police forces · Peru',
      '5. International cooperation · Jamaica',
    ]);
    expect(await found.allInnerTexts()).toEqual([
      'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
      'Develop a regional curriculum for training police officers, grounded in human rights and community policing.',
    ]);
    const searchTop = await page.locator('.plan-search').evaluate((e) => e.getBoundingClientRect().top);
    const goalTop = await page.locator('#goal-heading').evaluate((e) => e.getBoundingClientRect().top);
    expect(searchTop).toBeLessThan(goalTop);
    if (process.env.SHOTS_DIR)
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `${process.env.SHOTS_DIR}/plan-search-${width}.png`, fullPage: false });
      }

    await found.nth(1).getByRole('link').click();
    await page.waitForURL('**/sections/**');
    const marked = page.locator('.prose .find-match.focused');
    await expect.poll(() => marked.innerText().catch(() => '')).toBe('regional curriculum');
    expect(await page.locator('.prose .find-match').count()).toBe(1);
    await page.getByRole('link', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('.prose .find-match').count()).toBe(0);

    await page.goto(planPath);
    await page.getByLabel('Words to find in the goal, the sections and their discussions').fill('nowhere to be found');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByText('Nothing found for “nowhere to be found”.').count()).toBe(1);
    await page.context().close();
  });

  it('marks words found across formatting, as the search finds them', async () => {
    const jamaica = await signInAs(t.browser, t.app.url, 'jamaica@demo.test');
    await jamaica.goto(planPath);
    await jamaica.getByRole('link', { name: 'International cooperation' }).click();
    await jamaica.waitForURL('**/sections/**');
    const text = jamaica.locator('.prose').last();
    await expect.poll(() => text.getAttribute('contenteditable')).toBe('true');
    await caretAtEnd(text);
    await jamaica.keyboard.press('Enter');
    await jamaica.keyboard.type('Share a ');
    await jamaica.keyboard.press('Control+b');
    await jamaica.keyboard.type('common');
    await jamaica.keyboard.press('Control+b');
    await jamaica.keyboard.type(' register of trainers.');
    await expect.poll(() => text.locator('strong').allInnerTexts()).toEqual(['common']);
    await expect.poll(() => jamaica.getByText('All changes saved').count()).toBe(1);

    const page = await signInAs(t.browser, t.app.url, 'observer@demo.test');
    await page.goto(planPath);
    await page.getByLabel('Words to find in the goal, the sections and their discussions').fill('a Common register');
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.locator('.search-hit');
    await expect.poll(() => found.allInnerTexts()).toEqual(['Share a common register of trainers.']);
    expect(await page.getByTestId('search-group').locator('h3').allInnerTexts()).toEqual([
      '5. International cooperation · Jamaica',
    ]);
    await found.first().getByRole('link').click();
    await page.waitForURL('**/sections/**');
    // One match, marked in pieces: plain, bold, plain.
    await expect
      .poll(() => page.locator('.prose .find-match').allTextContents())
      .toEqual(['a ', 'common', ' register']);
    await Promise.all([page.context().close(), jamaica.context().close()]);
  });
});
