import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, signInAs } from '../helpers/browser';
import { foreignPieces, interfaceText, messagesOf, piecesIn } from '../helpers/interface-language';

const es = messagesOf('es') as Record<string, Record<string, string>>;
const pt = messagesOf('pt') as Record<string, Record<string, string>>;

/** Pieces of English (and Spanish) that a Spanish (Portuguese) page must not show. */
const notInSpanish = foreignPieces('en', 'es');
const notInPortuguese = [...foreignPieces('en', 'pt'), ...foreignPieces('es', 'pt')];

describe.runIf(browserAvailable())('the interface in the reader’s language', () => {
  const t = useAppInBrowser();

  /** What people named (plan, sections, members): data, shown as written, in any language. */
  let data: string[] = [];
  const found: Record<string, string[]> = {};
  const broken: Record<string, string[]> = {};

  /** Every live editor on the page has its document. */
  const settled = async (page: Page) => {
    await expect.poll(() => page.locator('.badge:not([data-status="connected"])').count(), { timeout: 15_000 }).toBe(0);
  };

  /** Records any foreign words on the page and what axe finds; the test fails at the end with all of them. */
  async function look(page: Page, what: string, pieces: readonly string[]) {
    const foreign = piecesIn(await interfaceText(page), pieces, data);
    if (foreign.length) found[what] = foreign;
    const axe = await violations(page);
    if (axe.length) broken[what] = axe;
  }

  async function inSpanish(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      baseURL: t.app.url,
      locale: 'es-419',
      viewport: { width: 1280, height: 900 },
    });
    return { context, page: await context.newPage() };
  }

  const lang = (page: Page) => page.locator('html').getAttribute('lang');

  it(
    'speaks Spanish to a browser in es-419, switches to Portuguese at once, and keeps it on the account',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await inSpanish(t.browser);
      await page.goto('/signin');
      expect(await lang(page)).toBe('es');
      await look(page, 'sign-in (es)', notInSpanish);
      await page.getByLabel(es.SignInForm!.email!).fill('chair@demo.test');
      await page.getByLabel(es.SignInForm!.password!).fill('concordia');
      await page.getByRole('button', { name: es.SignInForm!.signIn }).click();
      await page.waitForURL('**/plans');
      await page.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
      await page.waitForURL(/\/plans\/[0-9a-f-]+$/);
      const planPath = new URL(page.url()).pathname;
      const plan = (await (await page.request.get(`/api${planPath}`)).json()) as {
        title: string;
        sections: Array<{ title: string }>;
        people: Array<{ name: string }>;
      };
      data = [plan.title, ...plan.sections.map((s) => s.title), ...plan.people.map((p) => p.name)];

      await page.goto('/plans');
      await look(page, 'plans (es)', notInSpanish);
      await page.goto(planPath);
      await settled(page);
      await look(page, 'plan (es)', notInSpanish);
      // Dates follow the interface's language, in the browser's variant of it.
      const lastEdit = page.getByTestId('section-figures').first().locator('time');
      const at = new Date((await lastEdit.getAttribute('datetime'))!);
      await expect
        .poll(() => lastEdit.innerText())
        .toBe(new Intl.DateTimeFormat('es-419', { dateStyle: 'medium', timeStyle: 'short' }).format(at));

      await page.getByRole('link', { name: 'Professionalisation of police forces', exact: true }).click();
      await page.waitForURL('**/sections/**');
      await settled(page);
      await page.getByRole('button', { name: es.DocumentViews!.history }).click();
      await page.getByRole('region', { name: es.HistoryPanel!.label }).waitFor();
      await look(page, 'section with its history (es)', notInSpanish);

      await page.goto(`${planPath}/consolidation`);
      await settled(page);
      await page.getByRole('button', { name: es.ConsolidationBoard!.openSideBySide }).first().click();
      await page.getByRole('region', { name: es.OverlapWorkbench!.label }).waitFor();
      await settled(page);
      await look(page, 'consolidation board, an overlap open (es)', notInSpanish);

      // Every label changes at once, without leaving the page.
      await page.getByLabel(es.LanguageSwitch!.label!).selectOption('pt');
      await expect.poll(() => lang(page)).toBe('pt');
      await expect
        .poll(async () => piecesIn(await interfaceText(page), notInPortuguese, data), { timeout: 10_000 })
        .toEqual([]);
      expect(
        await page.getByRole('region', { name: pt.OverlapWorkbench!.label }).count(),
        'the open overlap stays open',
      ).toBe(1);
      await look(page, 'consolidation board after switching (pt)', notInPortuguese);

      await page.reload();
      await settled(page);
      expect(await lang(page)).toBe('pt');
      await look(page, 'consolidation board, reloaded (pt)', notInPortuguese);
      await context.close();

      // Another browser of the same user, set to English: the account's choice comes first once signed in.
      const other = await signInAs(t.browser, t.app.url, 'chair@demo.test', { locale: 'en-US' });
      expect(await lang(other)).toBe('pt');
      await look(other, 'plans in another browser (pt)', notInPortuguese);
      await other.goto(planPath);
      await settled(other);
      await look(other, 'plan in another browser (pt)', notInPortuguese);
      await other.context().close();

      expect(found).toEqual({});
      expect(broken).toEqual({});
    },
  );

  it('says what is wrong with a field under that field, in Spanish', async () => {
    const page = await signInAs(t.browser, t.app.url, 'chair@demo.test', { locale: 'es-419' });
    const chooseSpanish = await page.request.patch('/api/me', {
      data: { locale: 'es' },
      headers: { origin: t.app.url },
    });
    expect(chooseSpanish.status()).toBe(204);
    await page.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]+$/);
    await page.goto(`${new URL(page.url()).pathname}/metadata`);
    const form = es.PlanMetadataForm as unknown as { fields: { symbol: { label: string } }; save: string };
    const symbol = page.getByRole('textbox', { name: form.fields.symbol.label });
    await symbol.fill('CP/doc. #5800');
    await page.getByRole('button', { name: form.save }).click();
    const sentence = (es.FieldErrors as unknown as { metadata: { symbol: { invalid: string } } }).metadata.symbol
      .invalid;
    await expect.poll(() => symbol.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await symbol.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe(sentence);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps a signed-out reader’s choice in a cookie, and reads Accept-Language without one', async () => {
    for (const [browserLocale, expected] of [
      ['pt-BR', 'pt'],
      ['fr-CA', 'fr'],
      ['de-DE', 'en'],
    ] as const) {
      const context = await t.browser.newContext({ baseURL: t.app.url, locale: browserLocale });
      const page = await context.newPage();
      await page.goto('/signin');
      expect(await lang(page)).toBe(expected);
      await context.close();
    }
    const { context, page } = await inSpanish(t.browser);
    await page.goto('/signin');
    await page.getByLabel(es.LanguageSwitch!.label!).selectOption('fr');
    await expect.poll(() => lang(page)).toBe('fr');
    await page.reload();
    expect(await lang(page)).toBe('fr');
    expect(await page.title()).toBe(`${(messagesOf('fr').SignInPage as Record<string, string>).title} — Concordia`);
    await context.close();
  });
});
