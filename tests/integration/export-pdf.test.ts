import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileRoute } from '../../app/_server/file-route';
import { closePdfBrowsers, pdfUnavailable, renderPdf } from '../../lib/export/to-pdf';
import { browserAvailable, CHROMIUM } from '../helpers/browser';
import { eventually } from '../helpers/eventually';
import { pdfToolsAvailable, readPdf } from '../helpers/exported-files';

const page = (title: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

/** The route a PDF export goes through, printing with the given Chromium. */
const exportPdf = (executablePath: string) =>
  fileRoute(async () => ({
    fileName: 'plan.pdf',
    contentType: 'application/pdf',
    body: await renderPdf(page('Plan of action'), { executablePath }),
  }));

describe('PDF export where Chromium is missing or broken', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concordia-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 501 with how to install Chromium when there is none', async () => {
    const missing = path.join(dir, 'chromium');
    const response = await exportPdf(missing);
    expect(response.status).toBe(501);
    const reason = `PDF export needs Chromium on the server at ${missing}: install Debian's chromium package (apt-get install chromium) and try again. Meanwhile, the HTML export printed from a browser gives the same pages.`;
    expect(await response.json()).toEqual({ error: reason });
    // The export panel shows the same reason instead of a PDF link that would only fail.
    expect(pdfUnavailable(missing)).toBe(reason);
    expect(pdfUnavailable(process.execPath)).toBeNull();
  });

  it('answers 501 naming the path when the Chromium there does not start', async () => {
    const broken = path.join(dir, 'not-a-browser');
    writeFileSync(broken, 'not a program', { mode: 0o644 });
    const response = await exportPdf(broken);
    expect(response.status).toBe(501);
    expect((await response.json()).error).toBe(
      `PDF export could not start Chromium at ${broken}: check that \`${broken} --version\` runs on the server (Debian: apt-get install chromium).`,
    );
  });
});

describe.runIf(browserAvailable() && pdfToolsAvailable())('PDF export with Chromium', () => {
  afterAll(closePdfBrowsers);

  it('prints concurrent exports each on a page of its own', async () => {
    const titles = ['First plan', 'Second plan', 'Third plan'];
    const pdfs = await Promise.all(titles.map((title) => renderPdf(page(title), { executablePath: CHROMIUM })));
    expect(pdfs.map((pdf) => readPdf(pdf).text.trim())).toEqual(titles);
  });

  it('starts a new browser for the next export when the one it kept has crashed', async () => {
    await renderPdf(page('Before the crash'), { executablePath: CHROMIUM });
    const [browser] = chromiumProcesses().filter((p) => p.type === 'browser');
    expect(browser).toBeDefined();
    process.kill(browser!.pid, 'SIGKILL');
    await eventually(() => expect(chromiumProcesses().map((p) => p.pid)).not.toContain(browser!.pid));
    expect(readPdf(await renderPdf(page('After the crash'), { executablePath: CHROMIUM })).text.trim()).toBe(
      'After the crash',
    );
    expect(chromiumProcesses().filter((p) => p.type === 'browser')).toHaveLength(1);
  });

  it('prints on a new page when the renderer of a waiting one has crashed', async () => {
    await renderPdf(page('Before the crash'), { executablePath: CHROMIUM });
    const renderers = chromiumProcesses().filter((p) => p.type === 'renderer');
    expect(renderers.length).toBeGreaterThan(0);
    for (const renderer of renderers) process.kill(renderer.pid, 'SIGKILL');
    expect(readPdf(await renderPdf(page('After the crash'), { executablePath: CHROMIUM })).text.trim()).toBe(
      'After the crash',
    );
  });
});

/** Chromium processes started by this test process: the browser, its renderers and helpers. */
function chromiumProcesses(): Array<{ pid: number; type: string }> {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return [{ pid: Number(pid), parent, command: readFileSync(`/proc/${pid}/cmdline`, 'utf8') }];
      } catch {
        return []; // gone while we looked
      }
    });
  const ours = new Set([process.pid]);
  const found: Array<{ pid: number; type: string }> = [];
  // Parents are listed before their children often enough to need a few passes, not a tree.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (ours.has(p.pid) || !ours.has(p.parent) || !p.command.includes('chromium')) continue;
      ours.add(p.pid);
      found.push({ pid: p.pid, type: /--type=([a-z-]+)/.exec(p.command)?.[1] ?? 'browser' });
      grew = true;
    }
  }
  return found;
}
