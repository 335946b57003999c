import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

/**
 * A page one may not see is a 404 in the app's frame with a way back; within a plan that exists, it
 * names whom to ask (the chair) and nothing else of the plan.
 */
describe.runIf(browserAvailable())('pages one may not see', () => {
  const t = useAppInBrowser();

  it('say whom to ask, link back to the plans, and keep a private plan private', { timeout: 120_000 }, async () => {
    const admin = (await httpSignIn(t.app.url, 'admin@demo.test'))!;
    const created = await fetch(`${t.app.url}/api/plans`, {
      method: 'POST',
      headers: { cookie: admin, origin: t.app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Confidential plan on border controls', chairEmail: 'chair@demo.test' }),
    });
    const { planId: privatePlan } = (await created.json()) as { planId: string };

    const peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    await peru.locator('ul.cards a').first().click();
    await peru.waitForURL(/\/plans\/[0-9a-f-]+$/);
    const demoPlan = new URL(peru.url()).pathname;

    const visit = async (path: string) => {
      const response = await peru.goto(path);
      return { status: response?.status(), text: await peru.locator('main').innerText() };
    };

    const outside = await visit(`/plans/${privatePlan}`);
    expect(outside.status).toBe(404);
    expect(outside.text).toContain(
      'You are not a member of this plan. To take part, ask its chair, Working Group Chair, to appoint you.',
    );
    expect(await peru.content()).not.toContain('Confidential plan');
    expect(await peru.locator('.top-bar').count()).toBe(1);
    expect(await violations(peru)).toEqual([]);
    await peru.getByRole('link', { name: 'Back to the plans' }).click();
    await peru.waitForURL('**/plans');

    for (const path of [`${demoPlan}/manage`, `${demoPlan}/sections/${randomUUID()}`]) {
      const member = await visit(path);
      expect(member.status).toBe(404);
      expect(member.text).toContain("If you need it, ask the plan's chair, Working Group Chair.");
    }

    const unknown = await visit(`/plans/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain('chair');
    expect(unknown.text).toContain('Back to the plans');
    await peru.context().close();
  });
});
