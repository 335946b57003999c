import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether end-to-end tests can run. Without Chromium they are skipped with a message, except in CI,
 * where a missing browser must fail the run rather than pass it silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium package`);
  console.warn(`Skipping end-to-end tests: ${CHROMIUM} not found (apt-get install chromium to run them).`);
  return false;
}

/** Headless Debian Chromium; playwright gives each launch a fresh, temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Signs in through the real sign-in page, in a browser set to `locale` (English unless said: the
 * interface follows it), `timezoneId` and `colorScheme` (the system's light or dark), and waits for the plans list. Finds the form's fields by
 * name, so it signs in whatever the page's language.
 */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  email: string,
  {
    password = 'concordia',
    locale = 'en-US',
    timezoneId,
    colorScheme,
  }: { password?: string; locale?: string; timezoneId?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1200, height: 900 },
    locale,
    timezoneId,
    colorScheme,
  });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL('**/plans');
  return page;
}

/**
 * Clicks into an editor and puts the caret at the end (or start) of its text. On a busy machine
 * ProseMirror can apply the click's caret after a key pressed right behind it, so the caret is checked
 * where it settled (two frames later) and moved again until it is there; with other work on the machine
 * (load average 6–8) it has taken over 15 s.
 */
export async function caretAtEnd(editor: Locator): Promise<void> {
  await placeCaret(editor, 'Control+End', 'end');
}

export async function caretAtStart(editor: Locator): Promise<void> {
  await placeCaret(editor, 'Control+Home', 'start');
}

async function placeCaret(editor: Locator, key: string, where: 'start' | 'end'): Promise<void> {
  await editor.click();
  await expect
    .poll(
      async () => {
        // Clicked again when the selection is no longer in it: the page may have drawn the editor anew.
        if (!(await editor.evaluate(holdsSelection))) await editor.click();
        await editor.page().keyboard.press(key);
        return editor.evaluate(settledAt, where);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

function holdsSelection(element: Element): boolean {
  const focus = element.ownerDocument.getSelection()?.focusNode;
  return !!focus && element.contains(focus);
}

/**
 * Presses `key` (Control+End, Control+Home) in the focused editor until the caret has settled at the end
 * or start of its text: keys only, for tests that must not click.
 */
export async function pressUntilCaret(editor: Locator, key: string, where: 'start' | 'end'): Promise<void> {
  await expect
    .poll(
      async () => {
        await editor.page().keyboard.press(key);
        return editor.evaluate(settledAt, where);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function settledAt(element: Element, where: 'start' | 'end'): Promise<boolean> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const selection = element.ownerDocument.getSelection();
  if (!selection?.isCollapsed || !selection.focusNode || !element.contains(selection.focusNode)) return false;
  const beyond = element.ownerDocument.createRange();
  beyond.selectNodeContents(element);
  if (where === 'end') beyond.setStart(selection.focusNode, selection.focusOffset);
  else beyond.setEnd(selection.focusNode, selection.focusOffset);
  // Other people's carets are decorations in the text, not part of it.
  const walker = element.ownerDocument.createTreeWalker(beyond.cloneContents(), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent && !node.parentElement?.closest('[contenteditable="false"]')) return false;
  }
  return true;
}
