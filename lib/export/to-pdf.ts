import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { AppError } from '../errors';
import { appError } from '../i18n/error-text';
import { logger } from '../log';

/** Debian's Chromium; never a browser downloaded by playwright. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type PdfOptions = {
  /** The Chromium that prints; where there is none, PDF export answers with how to install it. */
  executablePath?: string;
};

/**
 * Pages kept open between exports. A page's renderer process, once warm, prints a long plan in about
 * half the time a new one takes; exports beyond this many at once get pages that are closed after.
 */
const IDLE_PAGES = 2;

/**
 * The page is only printed, never shown: hidden on screen, it is laid out once, for print, instead of
 * first for a window and then again for paper, which for a long plan costs nearly as much.
 */
const PRINT_ONLY = '<style>@media screen { body { display: none; } }</style>';

type Printer = { browser: Browser; idle: Page[] };

const PRINTERS = Symbol.for('concordia.pdfPrinters');

/**
 * One browser per executable for the life of the process, started by the first PDF export. On
 * globalThis because Next bundles its own copy of lib/: the server's shutdown closes the browser its
 * routes started.
 */
const printers: Map<string, Promise<Printer>> = ((globalThis as { [PRINTERS]?: Map<string, Promise<Printer>> })[
  PRINTERS
] ??= new Map());

/**
 * Prints the HTML export with headless Chromium: the PDF is what the browser's print of the HTML gives,
 * with the page size and page numbers of its print stylesheet. Concurrent exports print on pages of
 * their own, each in a context without scripts or network.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? DEBIAN_CHROMIUM;
  const printer = await printerAt(executablePath);
  try {
    return await print(printer, html);
  } catch (error) {
    if (printer.browser.isConnected()) throw error;
    // The browser died (a crash, the OOM killer) and has been forgotten: this export starts the next one.
    return print(await printerAt(executablePath), html);
  }
}

/**
 * Closes the browsers, for a process that stops without exiting (a script, a server stopped in tests);
 * a process that exits takes them with it.
 */
export async function closePdfBrowsers(): Promise<void> {
  const closing = [...printers.values()];
  printers.clear();
  await Promise.all(closing.map((printer) => printer.then(({ browser }) => browser.close()).catch(() => {})));
}

async function print(printer: Printer, html: string): Promise<Uint8Array> {
  const waiting = printer.idle.pop();
  if (waiting) {
    try {
      return await printOn(printer, waiting, html);
    } catch {
      // Its renderer may have died while the page waited; a new page takes the export.
    }
  }
  const context = await printer.browser.newContext({ javaScriptEnabled: false, offline: true });
  return printOn(printer, await context.newPage(), html);
}

async function printOn(printer: Printer, page: Page, html: string): Promise<Uint8Array> {
  let pdf: Uint8Array;
  try {
    await page.setContent(html.replace('</head>', `${PRINT_ONLY}</head>`), { waitUntil: 'load' });
    // Tagged (a structure tree for screen readers and PDF/UA checks) and with bookmarks from the headings.
    pdf = new Uint8Array(
      await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    );
    // A waiting page keeps neither the plan's text nor the memory its layout took (and this takes milliseconds).
    await page.setContent('');
  } catch (error) {
    await page
      .context()
      .close()
      .catch(() => {});
    throw error;
  }
  if (printer.idle.length < IDLE_PAGES) printer.idle.push(page);
  else await page.context().close();
  return pdf;
}

/** Why PDF export cannot work on this server (no Chromium), as a user is told; null when it can. */
export function pdfUnavailable(executablePath = DEBIAN_CHROMIUM): string | null {
  // A path outside the project: Next must not trace the whole project into the build for it.
  if (existsSync(/*turbopackIgnore: true*/ executablePath)) return null;
  return pdfMissing(executablePath).message;
}

function pdfMissing(executablePath: string): AppError {
  return appError('unavailable', 'pdfMissing', { path: executablePath });
}

async function printerAt(executablePath: string): Promise<Printer> {
  if (pdfUnavailable(executablePath)) throw pdfMissing(executablePath);
  const running = printers.get(executablePath);
  if (running) return running;
  const launching = launch(executablePath).then((browser) => ({ browser, idle: [] }));
  printers.set(executablePath, launching);
  // A browser that failed to start or crashed is forgotten, so the next export starts a new one.
  const forget = () => {
    if (printers.get(executablePath) === launching) printers.delete(executablePath);
  };
  launching.then(({ browser }) => browser.on('disconnected', forget), forget);
  return launching;
}

async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      args: ['--disable-gpu'],
      // Playwright's own signal handlers would end the process before the server has flushed pending
      // edits; its exit handler still kills the browser whenever the process ends.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    logger('export').error({ err: error, executablePath }, 'Chromium did not start');
    throw appError('unavailable', 'chromiumNotStarted', { path: executablePath });
  }
}
