import { mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app-fixture';
import { browserAvailable, caretAtEnd, launchBrowser, signInAs } from '../helpers/browser';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { httpSignIn } from '../helpers/http-session';
import { violations } from '../helpers/axe';

const METADATA = {
  council: 'Permanent Council of the Organization of American States',
  committee: 'Committee on Hemispheric Security',
  workingGroup: 'Working Group on Citizen Security',
  symbol: 'OEA/Ser.G CSH/GT/DSS-4/11',
  date: '2026-11-26',
  originalLanguage: 'es',
};

async function wordFile(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Imported standards' }),
          new Paragraph({
            children: [new TextRun('A '), new TextRun({ text: 'binding', bold: true }), new TextRun(' curriculum.')],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Measure'), cell('Deadline')] }),
              new TableRow({ children: [cell('Training'), cell('2027')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('export, import and the document block over HTTP and in the browser', () => {
  const t = useApp();
  const cookies: Record<'chair' | 'peru' | 'observer', string> = { chair: '', peru: '', observer: '' };
  let planId: string;
  let policeId: string;

  beforeAll(async () => {
    for (const who of ['chair', 'peru', 'observer'] as const)
      cookies[who] = (await httpSignIn(t.app.url, `${who}@demo.test`))!;
    const { plans } = await (await fetch(`${t.app.url}/api/plans`, { headers: { cookie: cookies.peru } })).json();
    planId = plans[0].id;
    const plan = await (await fetch(`${t.app.url}/api/plans/${planId}`, { headers: { cookie: cookies.peru } })).json();
    policeId = plan.sections[0].id;
  });

  const call = (method: string, url: string, cookie?: string, body?: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${t.app.url}${url}`, {
      method,
      body,
      headers: { origin: t.app.url, ...headers, ...(cookie && { cookie }) },
    });
  const putMetadata = (cookie: string, body: unknown) =>
    call('PUT', `/api/plans/${planId}/metadata`, cookie, JSON.stringify(body), { 'content-type': 'application/json' });
  const upload = (cookie: string, bytes: Uint8Array, name = 'draft.docx') => {
    const form = new FormData();
    form.set('file', new Blob([Uint8Array.from(bytes)]), name);
    return call('POST', `/api/sections/${policeId}/import`, cookie, form);
  };

  it('the chair edits the document block; members read it; the body is validated field by field', async () => {
    expect((await call('GET', `/api/plans/${planId}/metadata`)).status).toBe(401);
    // The demo plan comes with its document block, and its files are named by it, not by a cut title.
    expect(await (await call('GET', `/api/plans/${planId}/metadata`, cookies.observer)).json()).toMatchObject({
      council: 'Permanent Council of the Organization of American States',
      committee: 'Committee on Hemispheric Security',
      symbol: 'OEA/Ser.G CP/CSH-2271/26',
      date: '2026-11-26',
      // Drafted in Spanish; the demo's text, and so the plan's language, is English.
      originalLanguage: 'es',
      language: 'en',
    });
    expect(
      (await call('GET', `/api/plans/${planId}/export?format=docx`, cookies.observer)).headers.get(
        'content-disposition',
      ),
    ).toBe('attachment; filename="OEA-Ser.G-CP-CSH-2271-26_2026-11-26.docx"');
    expect((await putMetadata(cookies.peru, METADATA)).status).toBe(403);
    const bad = await putMetadata(cookies.chair, { ...METADATA, date: '26/11/2026' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'date', error: expect.stringContaining('YYYY-MM-DD') });
    const badLanguage = await putMetadata(cookies.chair, { ...METADATA, originalLanguage: 'de' });
    expect(await badLanguage.json()).toMatchObject({
      field: 'originalLanguage',
      error: 'Choose the language of the original: English, Spanish, Portuguese or French.',
    });
    expect((await putMetadata(cookies.chair, METADATA)).status).toBe(200);
    // Paper left out: Letter; the plan's language left out: the original's; numbering left out: by section.
    expect(await (await call('GET', `/api/plans/${planId}/metadata`, cookies.observer)).json()).toEqual({
      ...METADATA,
      language: 'es',
      paperSize: 'letter',
      numbering: 'section',
    });
  });

  it('any member exports DOCX, HTML, Markdown and PDF named by symbol and date; others are refused', async () => {
    expect((await call('GET', `/api/plans/${planId}/export?format=docx`)).status).toBe(401);
    const bogus = await call('GET', `/api/plans/${planId}/export?format=odt`, cookies.observer);
    expect(bogus.status).toBe(400);
    expect(
      (
        await call(
          'GET',
          `/api/plans/${planId}/export?format=md&version=00000000-0000-4000-8000-000000000000`,
          cookies.observer,
        )
      ).status,
    ).toBe(404);

    const docx = await call('GET', `/api/plans/${planId}/export?format=docx`, cookies.observer);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe(
      'attachment; filename="OEA-Ser.G-CSH-GT-DSS-4-11_2026-11-26.docx"',
    );
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await zipParts(new Uint8Array(await docx.arrayBuffer()), /^word\/document\.xml$/)).toContain(
      'Professionalisation of police forces',
    );

    const html = await call('GET', `/api/plans/${planId}/export?format=html&annex=1`, cookies.observer);
    expect(html.headers.get('content-disposition')).toBe(
      'attachment; filename="OEA-Ser.G-CSH-GT-DSS-4-11_2026-11-26.html"',
    );
    // In the plan's language unless another of the four is asked for.
    expect(await html.text()).toContain('Anexo: contribuciones por Estado');
    const english = await call('GET', `/api/plans/${planId}/export?format=html&annex=1&lang=en`, cookies.observer);
    expect(await english.text()).toContain('Annex: contributions by state');
    expect(await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text()).toContain(
      '## 5. International cooperation',
    );

    if (browserAvailable() && pdfToolsAvailable()) {
      const pdf = await call('GET', `/api/plans/${planId}/export?format=pdf`, cookies.observer);
      expect(pdf.status).toBe(200);
      expect(readPdf(new Uint8Array(await pdf.arrayBuffer())).text).toContain('HEMISPHERIC PLAN OF ACTION');
    }
  });

  it('imports a .docx for a coordinator of the section, and refuses bad files with the stated errors', async () => {
    const before = await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text();
    expect((await upload(cookies.observer, await wordFile())).status).toBe(403);
    const notDocx = await upload(cookies.peru, new TextEncoder().encode('just text'), 'notes.docx');
    expect(notDocx.status).toBe(400);
    expect(await notDocx.json()).toEqual({ error: 'file: not a Word document (.docx)' });
    const huge = await upload(cookies.peru, new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(
      (await call('POST', `/api/sections/${policeId}/import`, cookies.peru, 'x', { 'content-type': 'text/plain' }))
        .status,
    ).toBe(400);
    expect(await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text()).toBe(before);

    const ok = await upload(cookies.peru, await wordFile());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ blocks: 3, notices: [] });
    const after = await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text();
    expect(after).toContain(
      '### Imported standards\n\n1\\.2 A **binding** curriculum.\n\n| Measure | Deadline |\n| --- | --- |\n| Training | 2027 |',
    );
  });

  it('stops reading a chunked upload (no Content-Length) with 413 as soon as it passes 10 MB; nothing changes', async () => {
    const before = await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text();
    const offered = 64 * 1024 * 1024;
    const answer = await chunkedUpload(`${t.app.url}/api/sections/${policeId}/import`, cookies.peru, offered);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'file: larger than 10 MB' });
    // Refused while the client was still sending: far from all it offered had gone out.
    expect(answer.sent).toBeLessThan(offered / 2);
    expect(await (await call('GET', `/api/plans/${planId}/export?format=md`, cookies.observer)).text()).toBe(before);
  });

  describe.runIf(browserAvailable())('in the browser', () => {
    let browser: Browser;
    let peru: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
      peru = await signInAs(browser, t.app.url, 'peru@demo.test');
      await peru.goto(`/plans/${planId}/sections/${policeId}`);
      await peru.locator('.prose[contenteditable="true"]').waitFor();
      // Editable comes with the connection, the document with the sync: wait for what the import added.
      await peru.locator('.prose table', { hasText: 'Training' }).waitFor();
    });

    afterAll(async () => {
      await browser?.close();
    });

    const editor = (page: Page) => page.locator('.prose').last();

    it('inserts a table and adds and removes rows and columns from the toolbar', async () => {
      await caretAtEnd(editor(peru));
      const tables = editor(peru).locator('table');
      const before = await tables.count();
      await peru.getByRole('button', { name: 'Insert table', exact: true }).click();
      const table = tables.nth(before);
      await expect.poll(() => table.locator('tr').count()).toBe(3);
      expect(await table.locator('tr').first().locator('th').count()).toBe(3);
      await peru.getByRole('button', { name: 'Add row below' }).click();
      await peru.getByRole('button', { name: 'Add column to the right' }).click();
      await expect.poll(() => table.locator('tr').count()).toBe(4);
      expect(await table.locator('tr').last().locator('td').count()).toBe(4);
      await peru.getByRole('button', { name: 'Remove column' }).click();
      await peru.getByRole('button', { name: 'Remove row' }).click();
      await expect.poll(() => table.locator('tr').count()).toBe(3);
      expect(await table.locator('tr').first().locator('th, td').count()).toBe(3);
      await table.locator('th').first().click();
      mkdirSync('test-artifacts', { recursive: true });
      await peru.screenshot({ path: 'test-artifacts/section-table.png' });
      await peru.getByRole('button', { name: 'Toggle header row' }).click();
      await expect.poll(() => table.locator('th').count()).toBe(0);
      await peru.getByRole('button', { name: 'Delete table' }).click();
      await expect.poll(() => tables.count()).toBe(before);
    });

    it('pasting from Word or a web page keeps headings, lists and tables and drops the styling', async () => {
      // In a fresh paragraph after the first top-level one: a caret left inside an imported table would
      // nest the pasted table in a cell.
      await editor(peru).locator(':scope > p').first().click();
      await peru.keyboard.press('End');
      await peru.keyboard.press('Enter');
      const html =
        '<h2 style="color:#c00;font-family:Calibri">Pasted heading</h2><ul><li><span style="font-size:14pt">first point</span></li></ul>' +
        '<table style="border:3px solid red"><tr><td><p class="MsoNormal">cell one</p></td><td>cell two</td></tr></table>';
      await editor(peru).evaluate((element, pasted) => {
        const data = new DataTransfer();
        data.setData('text/html', pasted);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, html);
      await expect.poll(() => editor(peru).locator('h2', { hasText: 'Pasted heading' }).count()).toBe(1);
      expect(await editor(peru).locator('ul li', { hasText: 'first point' }).count()).toBe(1);
      const pasted = editor(peru)
        .locator(':scope > table, :scope > .tableWrapper > table')
        .filter({ hasText: 'cell two' });
      expect(await pasted.count()).toBe(1);
      expect(await pasted.locator('td').allInnerTexts()).toEqual(['cell one', 'cell two']);
      expect(await editor(peru).locator('[style*="Calibri"], [style*="14pt"], .MsoNormal').count()).toBe(0);
    });

    it('imports a .docx from the editor bar; observers have no import button', async () => {
      await peru
        .getByLabel('Word document to import')
        .setInputFiles({ name: 'focal-points.docx', mimeType: 'application/octet-stream', buffer: await wordFile() });
      await expect
        .poll(() => peru.getByRole('status').filter({ hasText: 'Imported focal-points.docx' }).count())
        .toBe(1);
      await expect.poll(() => editor(peru).locator('h2', { hasText: 'Imported standards' }).count()).toBe(2);

      const observer = await signInAs(browser, t.app.url, 'observer@demo.test');
      await observer.goto(`/plans/${planId}/sections/${policeId}`);
      await expect.poll(() => editor(observer).innerText()).toContain('Imported standards');
      expect(await observer.getByRole('button', { name: 'Import .docx' }).count()).toBe(0);
    });

    it('the plan page offers the exports, and the chair a form for the document block', async () => {
      const chair = await signInAs(browser, t.app.url, 'chair@demo.test');
      await chair.goto(`/plans/${planId}`);
      await chair.screenshot({ path: 'test-artifacts/plan-export.png', fullPage: true });
      expect(await chair.getByRole('link', { name: 'Word (.docx)' }).getAttribute('href')).toBe(
        `/api/plans/${planId}/export?format=docx`,
      );
      await chair.getByRole('link', { name: 'Document block' }).click();
      await chair.getByLabel('Document symbol').fill('OEA/Ser.G CSH/GT/DSS-4/12');
      // The plan's language and the original's are chosen apart: an English text drafted in Spanish.
      expect(await chair.getByLabel('Original language').inputValue()).toBe('es');
      await chair.getByLabel(/^Plan language/).selectOption('en');
      expect(await violations(chair)).toEqual([]);
      if (process.env.SHOTS_DIR)
        for (const width of [1280, 390]) {
          await chair.setViewportSize({ width, height: 900 });
          await chair.screenshot({ path: `${process.env.SHOTS_DIR}/document-block-${width}.png`, fullPage: true });
        }
      await chair.getByRole('button', { name: 'Save document block' }).click();
      await expect.poll(() => chair.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
      const saved = await chair.request.get(`/api/plans/${planId}/metadata`);
      expect(await saved.json()).toMatchObject({ language: 'en', originalLanguage: 'es' });
      const html = await (await chair.request.get(`/api/plans/${planId}/export?format=html`)).text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<p>Original: Spanish</p>');
      const download = chair.waitForEvent('download');
      await chair.goto(`/plans/${planId}`);
      await chair.getByRole('link', { name: 'Markdown' }).click();
      expect((await download).suggestedFilename()).toBe('OEA-Ser.G-CSH-GT-DSS-4-12_2026-11-26.md');
    });
  });
});

/**
 * Streams a multipart upload of `size` bytes with chunked transfer encoding (no Content-Length), and
 * stops sending as soon as the server answers; `sent` is how much had gone out by then.
 */
function chunkedUpload(
  url: string,
  cookie: string,
  size: number,
): Promise<{ status: number; body: string; sent: number }> {
  const boundary = 'concordia-upload';
  const req = request(url, {
    method: 'POST',
    headers: { cookie, origin: new URL(url).origin, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  let answered = false;
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const send = () => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', send);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    req.write(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.docx"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    );
    send();
  });
}
