import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../helpers/axe';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

/** Screenshots of the pages this suite changes, at a desktop's and a phone's width, for a person to look at. */
const SHOTS = process.env.SHOTS_DIR;

describe.runIf(browserAvailable())('changing and resetting a password, through the pages and routes', () => {
  const t = useAppInBrowser();
  let admin: Page;

  beforeAll(async () => {
    admin = await signInAs(t.browser, t.app.url, 'admin@demo.test');
    admin.setDefaultTimeout(10_000);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  /** axe at both widths, and a screenshot of each when SHOTS_DIR is set. */
  async function check(page: Page, name: string) {
    await expect.poll(() => page.title()).not.toBe('');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      expect(await violations(page), `axe-core on ${name} at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  /** The signed-in user's record through the real route, with a cookie: its status. */
  const me = async (cookie: string) => (await fetch(`${t.app.url}/api/me`, { headers: { cookie } })).status;

  it("changes Peru's password from the account page; Peru's other sessions end, this one stays", async () => {
    const elsewhere = (await httpSignIn(t.app.url, 'peru@demo.test'))!;
    expect(await me(elsewhere)).toBe(200);
    const peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    peru.setDefaultTimeout(10_000);
    await peru.getByRole('link', { name: /Coordinator of Peru.*your account/ }).click();
    await peru.waitForURL('**/account');
    expect(await peru.title()).toContain('Your account');

    await peru.getByLabel('Current password').fill('not-my-password');
    await peru.getByLabel('New password').fill('a-new-password');
    await peru.getByRole('button', { name: 'Change password' }).click();
    const wrong = peru.locator('#current-password-error');
    await expect.poll(() => wrong.innerText()).toBe('This is not your current password.');
    expect(await peru.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await check(peru, 'account-error');

    await peru.getByLabel('Current password').fill('concordia');
    await peru.getByLabel('New password').fill('a-new-password');
    await peru.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => peru.getByRole('status').filter({ hasText: 'Password changed' }).innerText())
      .toBe('Password changed. One other session was signed out.');
    expect(await peru.getByLabel('Current password').inputValue()).toBe('');
    await check(peru, 'account-changed');

    expect(await me(elsewhere)).toBe(401);
    // This browser is still signed in: its pages and API calls work.
    await peru.goto('/plans');
    expect(peru.url()).toMatch(/\/plans$/);
    expect(await httpSignIn(t.app.url, 'peru@demo.test', 'concordia')).toBeNull();
    expect(await httpSignIn(t.app.url, 'peru@demo.test', 'a-new-password')).not.toBeNull();
    await peru.context().close();
  });

  it('refuses a bad new password and an unsigned-in change with a sentence, through the route', async () => {
    const cookie = (await httpSignIn(t.app.url, 'mexico@demo.test'))!;
    const post = (body: unknown, headers: Record<string, string> = { cookie }) =>
      fetch(`${t.app.url}/api/me/password`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', origin: t.app.url },
        body: JSON.stringify(body),
      });
    const short = await post({ currentPassword: 'concordia', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual({
      error: 'Choose a new password of at least 8 characters.',
      field: 'newPassword',
    });
    expect((await post({ currentPassword: 'concordia', newPassword: 'long-enough' }, {})).status).toBe(401);
  });

  it("makes a reset link for the observer from the administration page; it works once and ends the observer's sessions", async () => {
    const observerSession = (await httpSignIn(t.app.url, 'observer@demo.test'))!;
    await admin.goto('/admin');
    const form = admin.getByRole('form', { name: 'Reset a password' });
    await form.getByLabel('Email of the account').fill('nobody@ministry.test');
    await form.getByRole('button', { name: 'Make a reset link' }).click();
    await expect.poll(() => admin.locator('#reset-email-error').innerText()).toBe('No account has this email address.');

    await form.getByLabel('Email of the account').fill('observer@demo.test');
    await form.getByRole('button', { name: 'Make a reset link' }).click();
    const link = (await admin.getByTestId('reset-link').innerText()).trim();
    expect(link).toMatch(new RegExp(`^${t.app.url}/password-reset/[A-Za-z0-9_-]{43}$`));
    expect(await form.getByText('This server sends no email').count()).toBe(1);
    await form.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await check(admin, 'admin-reset');

    // Only an administrator may make one.
    const chair = (await httpSignIn(t.app.url, 'chair@demo.test'))!;
    const refused = await fetch(`${t.app.url}/api/password-resets`, {
      method: 'POST',
      headers: { cookie: chair, 'content-type': 'application/json', origin: t.app.url },
      body: JSON.stringify({ email: 'observer@demo.test' }),
    });
    expect(refused.status).toBe(403);

    const context = await t.browser.newContext({ baseURL: t.app.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    expect(await page.getByLabel('Email').inputValue()).toBe('observer@demo.test');
    await page.getByLabel('New password').fill('short');
    // The browser's own check would stop a short password; the server's sentence is what is tested here.
    await page.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect
      .poll(() => page.locator('#reset-password-error').innerText())
      .toBe('Choose a password of at least 8 characters.');
    await check(page, 'password-reset');
    await page.getByLabel('New password').fill('observer-chose-this');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => page.getByText('Your new password is saved. Sign in with it.').count()).toBe(1);
    await check(page, 'password-reset-done');

    expect(await me(observerSession)).toBe(401);
    expect(await httpSignIn(t.app.url, 'observer@demo.test', 'observer-chose-this')).not.toBeNull();
    await page.goto(link);
    expect(await page.locator('p.error').innerText()).toContain('not valid or was already used');
    await context.close();
  });

  it('never puts a password in an address, even when the form is sent before the page has its script', async () => {
    // Without script the forms are sent as the browser sends them: a form without a method would send
    // the password in the address, where histories, proxies and logs keep it.
    const cookie = (await httpSignIn(t.app.url, 'jamaica@demo.test'))!;
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: t.app.url }]);
    const page = await context.newPage();
    const secret = 'do-not-put-me-in-a-url';
    try {
      for (const path of ['/account', '/signin']) {
        // Signed in for the account page; signed out for the sign-in page, which sends a signed-in user on.
        if (path === '/signin') await context.clearCookies();
        await page.goto(`${t.app.url}${path}`);
        const form = page.locator('form:has(input[type="password"])');
        for (const input of await form.locator('input[type="password"]').all()) await input.fill(secret);
        for (const input of await form.locator('input[type="email"]').all()) await input.fill('jamaica@demo.test');
        const sent = page.waitForRequest((request) => request.isNavigationRequest());
        await form.locator('button[type="submit"]').click();
        const request = await sent;
        expect(request.method(), `the ${path} form's method`).toBe('POST');
        expect(request.url()).not.toContain(secret);
        await page.waitForLoadState();
        expect(page.url()).not.toContain(secret);
      }
    } finally {
      await context.close();
    }
  });
});
