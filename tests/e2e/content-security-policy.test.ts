import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, caretAtEnd } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

type Violation = { url: string; directive: string; blocked: string };

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/**
 * Scripts run only with the nonce of their own response: pages render per request and carry a fresh
 * nonce on every script Next writes, so they hydrate and work, while a script or event handler
 * injected into a page does not run.
 */
describe.runIf(browserAvailable())('the Content-Security-Policy of pages', () => {
  const t = useAppInBrowser();

  /** A page's policy and HTML, as the server sends them. */
  async function load(path: string, cookie?: string) {
    const response = await fetch(`${t.app.url}${path}`, { headers: cookie ? { cookie } : {} });
    const policy = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = directives(policy).get('script-src') ?? [];
    const nonce = scriptSrc.map((s) => /^'nonce-(.+)'$/.exec(s)?.[1]).find(Boolean);
    return { status: response.status, html: await response.text(), scriptSrc, nonce };
  }

  it('gives every page a fresh nonce, no inline or eval scripts, and the nonce on each script it writes', async () => {
    const chair = (await httpSignIn(t.app.url, 'chair@demo.test'))!;
    const { plans } = await (await fetch(`${t.app.url}/api/plans`, { headers: { cookie: chair } })).json();
    const nonces = new Set<string>();
    for (const [path, status] of [
      ['/signin', 200],
      ['/signin', 200],
      ['/plans', 200],
      [`/plans/${plans[0].id}`, 200],
      ['/no-such-page', 404],
    ] as const) {
      const page = await load(path, chair);
      expect(page.status, path).toBe(status);
      expect(page.scriptSrc, path).toEqual(["'self'", `'nonce-${page.nonce}'`, "'strict-dynamic'"]);
      expect(page.nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(page.nonce!);
      const scripts = page.html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(
        scripts.filter((tag) => !tag.includes(` nonce="${page.nonce}"`)),
        path,
      ).toEqual([]);
    }
    expect(nonces.size).toBe(5);
  });

  /** A signed-in browser that reports every policy violation of its pages to `violations`. */
  async function signIn(email: string, violations: Violation[]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await t.browser.newContext({ baseURL: t.app.url, viewport: { width: 1200, height: 900 } });
    await context.exposeBinding('reportViolation', ({ page }, v: Omit<Violation, 'url'>) =>
      violations.push({ url: page.url(), ...v }),
    );
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: unknown) => void }).reportViolation({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
        }),
      ),
    );
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('concordia');
    // The form signs in through next-auth's client: only a hydrated page gets to the plans.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/plans');
    return { context, page };
  }

  it('lets the app hydrate and work on its main pages without a single violation', async () => {
    const violations: Violation[] = [];
    const { context, page } = await signIn('chair@demo.test', violations);
    await page.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await page.waitForURL('**/plans/*');
    const planPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await page.waitForURL('**/sections/**');
    const editor = page.locator('.prose').last();
    await expect.poll(() => page.locator('.badge').last().getAttribute('data-status')).toBe('connected');
    await caretAtEnd(editor);
    await page.keyboard.type(' The chair types under a strict policy.');
    await expect.poll(() => page.locator('.badge').last().innerText()).toBe('All changes saved');
    await page.reload();
    await expect.poll(() => editor.innerText()).toContain('The chair types under a strict policy.');

    for (const path of ['consolidation', 'manage', 'metadata', 'audit']) {
      await page.goto(`${planPath}/${path}`);
      await page.locator('main h1').first().waitFor();
    }
    await page.goto('/no-such-page');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('does not run a script or an event handler injected into a page', async () => {
    const violations: Violation[] = [];
    const { context, page } = await signIn('chair@demo.test', violations);
    // What a future HTML injection would bring into the page the server sends: an inline script and an
    // inline event handler, without the response's nonce. The server's own headers are kept.
    await page.route('**/plans', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.injectedScriptRan = true</script><img src="data:," alt="" onload="window.injectedHandlerRan = true" onerror="window.injectedHandlerRan = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/plans');
    await expect
      .poll(() => [...new Set(violations.map((v) => v.directive))].sort())
      .toEqual(['script-src-attr', 'script-src-elem']);
    // Handlers added to the page later are refused too.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="data:," alt="" onerror="window.injectedHandlerRan = true">',
      ),
    );
    await expect.poll(() => violations.filter((v) => v.directive === 'script-src-attr').length).toBeGreaterThan(1);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { injectedScriptRan?: boolean; injectedHandlerRan?: boolean };
      return { script: Boolean(w.injectedScriptRan), handler: Boolean(w.injectedHandlerRan) };
    });
    expect(ran).toEqual({ script: false, handler: false });
    // The page's own scripts, with the nonce, still ran: the plans list is a working page.
    await page.getByRole('link', { name: /Hemispheric Plan of Action/ }).click();
    await page.waitForURL('**/plans/*');
    await context.close();
  });
});
