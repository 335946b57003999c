import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../errors';

/** Debian's Chromium; never a browser downloaded by playwright. */
const CHROMIUM = '/usr/bin/chromium';
/** How long an unused browser is kept, so a run of exports pays for one start only. */
const IDLE_CLOSE_MS = 30_000;

/**
 * Prints the HTML export with headless Chromium: the PDF is what the browser's print of the HTML gives,
 * with the page size and page numbers of its print stylesheet.
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  return withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  });
}

let browser: Promise<Browser> | null = null;
let pagesOpen = 0;
let idleTimer: NodeJS.Timeout | undefined;

/** One shared browser for every export (bounded memory), each in its own context with scripts off. */
async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM)) {
    throw new AppError('unavailable', `PDF export needs Chromium on the server at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) and try again. HTML export printed from a browser gives the same pages.`);
  }
  clearTimeout(idleTimer);
  pagesOpen++;
  try {
    browser ??= launch();
    const context = await (await browser).newContext({ javaScriptEnabled: false });
    try {
      return await use(await context.newPage());
    } finally {
      await context.close();
    }
  } finally {
    if (--pagesOpen === 0) idleTimer = setTimeout(closeBrowser, IDLE_CLOSE_MS).unref();
  }
}

function launch(): Promise<Browser> {
  const launching = import('playwright-core').then(({ chromium }) =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }),
  );
  launching.then(
    (b) => b.on('disconnected', () => (browser = null)),
    () => (browser = null),
  );
  return launching;
}

function closeBrowser(): void {
  const closing = browser;
  browser = null;
  void closing?.then((b) => b.close()).catch(() => {});
}
