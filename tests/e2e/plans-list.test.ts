import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../helpers/axe';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

const SHOTS = process.env.SHOTS_DIR;

describe.runIf(browserAvailable())('the plans list says what waits in each plan', () => {
  const t = useAppInBrowser();
  let peru: Page;

  beforeAll(async () => {
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    peru.setDefaultTimeout(10_000);
  });

  it("shows Peru's sections, the last edit and a message Mexico posted since, at both widths", async () => {
    const mexico = (await httpSignIn(t.app.url, 'mexico@demo.test'))!;
    const call = async (method: string, path: string, body?: unknown) =>
      (
        await fetch(`${t.app.url}${path}`, {
          method,
          headers: { cookie: mexico, 'content-type': 'application/json', origin: t.app.url },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    const { plans } = await call('GET', '/api/plans');
    const plan = await call('GET', `/api/plans/${plans[0].id}`);
    await call('POST', `/api/sections/${plan.sections[0].id}/comments`, { body: 'Mexico asks about the figures.' });

    await peru.goto('/plans');
    const card = peru.getByTestId('plan-card').first();
    const text = await card.innerText();
    expect(text).toMatch(/\d+ sections? for your state/);
    expect(text).toMatch(/Last edit .+|Nothing written yet/);
    expect(text).toMatch(/[1-9]\d* unread messages?/);
    expect(await peru.title()).not.toBe('');
    for (const width of [1280, 390]) {
      await peru.setViewportSize({ width, height: 800 });
      if (SHOTS) await peru.screenshot({ path: `${SHOTS}/plans-${width}.png`, fullPage: true });
      expect(await violations(peru), `axe-core on the plans list at ${width} px`).toEqual([]);
      // Nothing wider than the screen, the top bar included.
      expect(await peru.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });

  it("opens an archived plan's audit log for the chair, a page of entries with the archiving first", async () => {
    const admin = (await httpSignIn(t.app.url, 'admin@demo.test'))!;
    const headers = { cookie: admin, 'content-type': 'application/json', origin: t.app.url };
    const { plans } = await (await fetch(`${t.app.url}/api/plans`, { headers })).json();
    const planId = plans[0].id;
    const archived = await fetch(`${t.app.url}/api/plans/${planId}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ archived: true }),
    });
    expect(archived.status).toBeLessThan(300);
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    const response = await chair.goto(`/plans/${planId}/audit`);
    expect(response?.status()).toBe(200);
    expect(await chair.getByRole('heading', { level: 1 }).innerText()).toBe('Audit log');
    await expect.poll(() => chair.locator('.audit-entries > li').first().innerText()).toContain('Plan archived');
    // Filtered by the database: the plan's own events, the archiving first.
    await chair.getByLabel('Kind').selectOption('plan');
    await chair.getByRole('button', { name: 'Show' }).click();
    await chair.waitForURL('**/audit?kind=plan&state=');
    await expect.poll(() => chair.locator('.audit-entries > li').first().innerText()).toContain('Plan archived');
    for (const width of [1280, 390]) {
      await chair.setViewportSize({ width, height: 800 });
      if (SHOTS) await chair.screenshot({ path: `${SHOTS}/audit-archived-${width}.png`, fullPage: true });
      expect(await violations(chair), `axe-core on an archived plan's audit log at ${width} px`).toEqual([]);
    }
    // A coordinator still may not.
    expect((await peru.goto(`/plans/${planId}/audit`))?.status()).toBe(404);
  });
});
