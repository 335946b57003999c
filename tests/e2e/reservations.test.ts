import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/app-fixture';
import { violations } from '../helpers/axe';
import { browserAvailable, signInAs } from '../helpers/browser';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { httpSignIn } from '../helpers/http-session';

/** Where screenshots go for a person to look at; never into git. */
const SHOTS = process.env.SHOTS_DIR;
const SCHEMA = path.resolve(__dirname, '../../schemas/akn/akomantoso30-subset.xsd');
const CANADA_SAYS = 'Canada will apply this paragraph as far as its federal system allows.';

type Row = {
  anchor: string;
  paragraph: string;
  status: string | null;
  reservations: Array<{ state: string; text: string }>;
};

describe.runIf(browserAvailable())('reservations on agreed paragraphs, through the routes and the page', () => {
  const t = useAppInBrowser();
  const cookies: Record<'chair' | 'canada' | 'observer', string> = { chair: '', canada: '', observer: '' };
  let planId: string;
  let sectionId: string;
  let rows: Row[];

  const call = (method: string, url: string, cookie: string, body?: unknown) =>
    fetch(`${t.app.url}${url}`, {
      method,
      headers: { cookie, origin: t.app.url, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const reserve = (cookie: string, body: unknown) =>
    call('POST', `/api/sections/${sectionId}/reservations`, cookie, body);

  beforeAll(async () => {
    for (const who of ['chair', 'canada', 'observer'] as const)
      cookies[who] = (await httpSignIn(t.app.url, `${who}@demo.test`))!;
    const { plans } = await (await call('GET', '/api/plans', cookies.chair)).json();
    planId = plans[0].id;
    // A section with two numbered paragraphs: one to agree, one left open.
    for (const section of (await (await call('GET', `/api/plans/${planId}`, cookies.chair)).json()).sections) {
      sectionId = section.id;
      rows = (await (await call('GET', `/api/sections/${sectionId}/paragraph-status`, cookies.chair)).json())
        .paragraphs;
      if (rows.length >= 2) break;
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect((await call('POST', `/api/plans/${planId}/phase`, cookies.chair, { phase: 'consolidation' })).status).toBe(
      200,
    );
    const agreed = await call('POST', `/api/sections/${sectionId}/paragraph-status`, cookies.chair, {
      at: rows[0]!.anchor,
      status: 'agreed',
      adRefStates: [],
    });
    expect(agreed.status).toBe(200);
  });

  it('a coordinator records a reservation on an agreed paragraph only; bad input and other roles are refused', async () => {
    expect((await reserve(cookies.canada, { at: rows[1]!.anchor, text: 'Not agreed yet.' })).status).toBe(409);
    const empty = await reserve(cookies.canada, { at: rows[0]!.anchor, text: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      field: 'text',
      error: 'Write your state’s statement of its reservation.',
    });
    expect((await reserve(cookies.observer, { at: rows[0]!.anchor, text: 'No.' })).status).toBe(403);
    expect((await reserve(cookies.chair, { at: rows[0]!.anchor, text: 'No.' })).status).toBe(403);
    const recorded = await reserve(cookies.canada, { at: rows[0]!.anchor, text: CANADA_SAYS });
    expect(recorded.status).toBe(200);
    expect((await recorded.json()).paragraphs[0]).toMatchObject({
      paragraph: rows[0]!.paragraph,
      status: 'agreed',
      reservations: [{ state: 'CAN', text: CANADA_SAYS }],
    });
  });

  it('Mexico records its own on the page; the chair sees both listed; the audit log says who did what', async () => {
    const mexico = await signInAs(t.browser, t.app.url, 'mexico@demo.test');
    const chair = await signInAs(t.browser, t.app.url, 'chair@demo.test');
    const sectionPath = `/plans/${planId}/sections/${sectionId}`;
    const panel = (page: Page) => page.locator('section.paragraph-status');
    await mexico.goto(sectionPath);
    await panel(mexico).getByRole('button', { name: 'Record a reservation' }).click();
    await panel(mexico)
      .getByRole('textbox', { name: `Your state’s reservation on paragraph ${rows[0]!.paragraph}` })
      .fill('Mexico reserves its position pending consultations.');
    await panel(mexico).getByRole('button', { name: 'Record', exact: true }).click();
    await expect
      .poll(() => panel(mexico).locator('li[data-state="MEX"]').innerText())
      .toBe('Mexico: Mexico reserves its position pending consultations.');
    expect(await panel(mexico).getByRole('button', { name: 'Withdraw the reservation' }).count()).toBe(1);

    await chair.goto(sectionPath);
    await expect
      .poll(() => panel(chair).locator('li[data-state]').allInnerTexts())
      .toEqual([`Canada: ${CANADA_SAYS}`, 'Mexico: Mexico reserves its position pending consultations.']);
    // The chair lists reservations but records none.
    expect(await panel(chair).getByRole('button', { name: 'Record a reservation' }).count()).toBe(0);
    expect(await violations(chair)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const [who, page] of [
        ['chair', chair],
        ['mexico', mexico],
      ] as const)
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await panel(page).scrollIntoViewIfNeeded();
          await panel(page).screenshot({ path: `${SHOTS}/reservations-${who}-${width}.png` });
        }
    }

    // The pages this work changed besides: the plan page's exports (Akoma Ntoso) and the document block's paper.
    await chair.goto(`/plans/${planId}/metadata`);
    expect(await chair.getByLabel('Paper of the Word and PDF exports').inputValue()).toBe('letter');
    if (SHOTS)
      for (const path of ['', '/metadata'])
        for (const width of [1280, 390]) {
          await chair.goto(`/plans/${planId}${path}`);
          await chair.setViewportSize({ width, height: 900 });
          await chair.screenshot({ path: `${SHOTS}/plan${path.replace('/', '-')}-${width}.png`, fullPage: true });
        }
    await chair.goto(`/plans/${planId}`);
    expect(await chair.getByRole('link', { name: 'Akoma Ntoso (.xml)' }).getAttribute('href')).toBe(
      `/api/plans/${planId}/export?format=akn`,
    );

    await chair.goto(`/plans/${planId}/audit?kind=paragraph`);
    const entries = await chair.locator('.audit-entries > li p').first().innerText();
    expect(entries).toContain(`Coordinator of Mexico: Reservation recorded on paragraph ${rows[0]!.paragraph}`);
    expect(await chair.locator('.audit-entries').innerText()).toContain(
      `Coordinator of Canada: Reservation recorded on paragraph ${rows[0]!.paragraph}`,
    );
  });

  it('every export through the route carries them as footnotes; the Akoma Ntoso of the demo plan is valid', async () => {
    const exported = (format: string) => call('GET', `/api/plans/${planId}/export?format=${format}`, cookies.observer);
    const paragraph = rows[0]!.paragraph;
    const note = `The delegation of Canada reserves its position on paragraph ${paragraph}: ${CANADA_SAYS}`;
    const docx = new Uint8Array(await (await exported('docx')).arrayBuffer());
    expect((await zipParts(docx, /^word\/footnotes\.xml$/)).replace(/<[^>]+>/g, '')).toContain(note);
    expect(await zipParts(docx, /^word\/document\.xml$/)).toContain('<w:footnoteReference w:id="1"/>');
    const md = await (await exported('md')).text();
    // The paragraph's line ("4\.1 …", its dot escaped) ends with both marks.
    const line = md.split('\n').find((l) => l.startsWith(`${paragraph.replace('.', '\\.')} `));
    expect(line).toMatch(/\[\^1\]\[\^2\]$/);
    expect(md).toContain(`[^1]: ${note}`);

    const akn = await exported('akn');
    expect(akn.headers.get('content-type')).toBe('application/akn+xml');
    const xml = await akn.text();
    const paraId = `sec_${paragraph.split('.')[0]}__para_1`;
    expect(xml).toContain(`<authorialNote marker="1" placement="bottom" eId="${paraId}__authorialNote_1">`);
    const dir = mkdtempSync(path.join(tmpdir(), 'concordia-akn-'));
    try {
      writeFileSync(path.join(dir, 'plan.xml'), xml);
      const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, path.join(dir, 'plan.xml')], {
        encoding: 'utf8',
      });
      expect(run.stderr).toMatch(/validates/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    if (pdfToolsAvailable()) {
      const pdf = readPdf(new Uint8Array(await (await exported('pdf')).arrayBuffer())).text.replace(/\s+/g, ' ');
      expect(pdf).toContain(note);
    }
  });
});
