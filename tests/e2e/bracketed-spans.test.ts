import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, signInAs } from '../helpers/browser';
import { httpSignIn } from '../helpers/http-session';

/** Where screenshots go for a person to look at; never into git. */
const SHOTS = process.env.SHOTS_DIR;

describe.runIf(browserAvailable())('words in brackets and the numbering, in the browser', () => {
  const t = useAppInBrowser();
  let chair: Page, peru: Page;
  let planId: string;
  let sectionPath: string;

  const call = (method: string, url: string, cookie: string, body?: unknown) =>
    fetch(`${t.app.url}${url}`, {
      method,
      headers: { cookie, origin: t.app.url, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    const cookie = (await httpSignIn(t.app.url, 'chair@demo.test'))!;
    planId = (await (await call('GET', '/api/plans', cookie)).json()).plans[0].id;
    expect((await call('POST', `/api/plans/${planId}/phase`, cookie, { phase: 'consolidation' })).status).toBe(200);
    chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    peru = await signInAs(t.browser, t.app.url, 'peru@demo.test');
    await peru.goto(`/plans/${planId}`);
    await peru.getByRole('link', { name: 'Professionalisation of police forces' }).click();
    await peru.waitForURL('**/sections/**');
    sectionPath = new URL(peru.url()).pathname;
    await chair.goto(sectionPath);
  });

  const editor = (page: Page) => page.locator('.prose').last();
  const numbers = (page: Page) =>
    editor(page)
      .locator('p.numbered')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-paragraph-number')));

  it('the chair brackets "regional" with Mexico’s "hemispheric"; Peru sees it live, drawn, not typed', async () => {
    await expect.poll(() => numbers(chair), { timeout: 15_000 }).not.toEqual([]);
    await editor(chair).click();
    await chair.evaluate(() => {
      const paragraph = Array.from(document.querySelectorAll('.prose p')).find((p) =>
        p.textContent?.includes('curriculum'),
      )!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode()) && !node.textContent!.includes('regional'));
      const at = node!.textContent!.indexOf('regional');
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + 'regional'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await chair.getByRole('button', { name: 'Put in brackets' }).first().click();
    const panel = (page: Page) => page.locator('section.bracketed-spans');
    await panel(chair).getByLabel('Alternative 1', { exact: true }).fill('hemispheric');
    await panel(chair).getByLabel('Proposed by (alternative 1)').selectOption('MEX');
    expect(await violations(chair)).toEqual([]);
    await panel(chair).locator('form').getByRole('button', { name: 'Put in brackets' }).click();

    // Peru, who did nothing, sees the span and its alternative in the text and in the list.
    await expect
      .poll(() => editor(peru).locator('.bracketed-span').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['regional']);
    await expect
      .poll(() => editor(peru).locator('.span-alternative').allInnerTexts())
      .toEqual(['[hemispheric(Mexico)]']);
    expect(await panel(peru).innerText()).toContain('[regional][hemispheric] (Mexico)');
    // Drawn, not typed: the shared text still reads as it did.
    const text = await editor(peru).evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[contenteditable="false"]').forEach((n) => n.remove());
      return clone.textContent ?? '';
    });
    expect(text).toContain('a regional curriculum');
    expect(text).not.toContain('hemispheric');
    // Peru, a coordinator, is offered no way to settle it.
    expect(await panel(peru).getByRole('button', { name: /Keep/ }).count()).toBe(0);
    expect(await violations(peru)).toEqual([]);

    const md = await (
      await call('GET', `/api/plans/${planId}/export?format=md`, (await httpSignIn(t.app.url, 'peru@demo.test'))!)
    ).text();
    expect(md).toContain('\\[regional\\]\\[hemispheric\\]');

    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const [who, page] of [
        ['chair', chair],
        ['peru', peru],
      ] as const)
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await editor(page).locator('.bracketed-span').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/span-${who}-${width}.png` });
          await panel(page).scrollIntoViewIfNeeded();
          await panel(page).screenshot({ path: `${SHOTS}/span-panel-${who}-${width}.png` });
        }
      for (const page of [chair, peru]) await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the chair numbers the plan continuously; Peru’s margin follows live; keeping "hemispheric" writes it', async () => {
    const before = await numbers(peru);
    expect(before[0]).toBe('1.1');
    const metadata = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await metadata.goto(`/plans/${planId}/metadata`);
    await metadata.getByLabel('Paragraph numbering').selectOption('continuous');
    await metadata.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => numbers(peru), { timeout: 15_000 }).toEqual(before.map((_, i) => String(i + 1)));
    expect(await violations(metadata)).toEqual([]);
    if (SHOTS)
      for (const width of [1280, 390]) {
        await metadata.setViewportSize({ width, height: 900 });
        await metadata.screenshot({ path: `${SHOTS}/metadata-numbering-${width}.png`, fullPage: true });
        await peru.setViewportSize({ width, height: 900 });
        await peru.screenshot({ path: `${SHOTS}/section-continuous-${width}.png` });
      }

    await chair.locator('section.bracketed-spans').getByRole('button', { name: 'Keep “hemispheric”' }).click();
    await expect.poll(() => editor(peru).textContent(), { timeout: 15_000 }).toContain('a hemispheric curriculum');
    await expect.poll(() => editor(peru).locator('.bracketed-span').count()).toBe(0);
  });

  it('a merge’s cross-reference reads as its paragraph’s number now, in the plan’s numbering', async () => {
    const cookie = (await httpSignIn(t.app.url, 'chair@demo.test'))!;
    const { overlaps } = (await (await call('GET', `/api/plans/${planId}/overlaps`, cookie)).json()) as {
      overlaps: Array<{
        id: string;
        status: string;
        a: { sectionId: string; sectionNumber: number };
        b: { sectionId: string };
      }>;
    };
    const police = sectionPath.split('/').at(-1)!;
    const overlap = overlaps.find(
      (o) => o.status === 'open' && (o.a.sectionId === police || o.b.sectionId === police),
    )!;
    const keep = overlap.a.sectionId === police ? 'a' : 'b';
    const other = keep === 'a' ? overlap.b.sectionId : overlap.a.sectionId;
    expect((await call('POST', `/api/overlaps/${overlap.id}/resolution`, cookie, { kind: 'merge', keep })).status).toBe(
      200,
    );
    // The plan is numbered continuously (the test before): Peru's kept paragraph is the plan's first.
    await peru.goto(`/plans/${planId}/sections/${other}`);
    await expect
      .poll(() => editor(peru).locator('a.reference-number').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['1']);
    expect(await editor(peru).locator('.reference-words').first().isVisible()).toBe(false);
    expect(await violations(peru)).toEqual([]);
    if (SHOTS)
      for (const width of [1280, 390]) {
        await peru.setViewportSize({ width, height: 900 });
        await editor(peru).locator('a.reference-number').scrollIntoViewIfNeeded();
        await peru.screenshot({ path: `${SHOTS}/reference-continuous-${width}.png` });
      }

    // Back to numbering by section: the reference follows, live.
    const metadata = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    await metadata.goto(`/plans/${planId}/metadata`);
    await metadata.getByLabel('Paragraph numbering').selectOption('section');
    await metadata.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => editor(peru).locator('a.reference-number').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['1.1']);
  });

  it('the routes refuse a coordinator, an unknown span and a malformed selection', async () => {
    const peruCookie = (await httpSignIn(t.app.url, 'peru@demo.test'))!;
    const chairCookie = (await httpSignIn(t.app.url, 'chair@demo.test'))!;
    const sectionId = sectionPath.split('/').at(-1)!;
    const { anchor } = (await (await call('GET', `/api/sections/${sectionId}/paragraph-status`, peruCookie)).json())
      .paragraphs[0] as { anchor: string };
    const body = { from: anchor, to: anchor, alternatives: [{ text: 'should', state: 'MEX' }] };
    expect((await call('POST', `/api/sections/${sectionId}/bracketed-spans`, peruCookie, body)).status).toBe(403);
    expect(
      (await call('POST', `/api/sections/${sectionId}/bracketed-spans`, chairCookie, { ...body, from: 'x' })).status,
    ).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('POST', `/api/bracketed-spans/${unknown}`, chairCookie, { action: 'unbracket' })).status).toBe(
      404,
    );
    expect((await call('POST', `/api/bracketed-spans/${unknown}`, peruCookie, { action: 'unbracket' })).status).toBe(
      404,
    );
  });
});
