import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLAN_TITLE } from '../../db/seed';
import { useAppInBrowser } from '../helpers/app-fixture';
import { browserAvailable, pressUntilCaret } from '../helpers/browser';

/** The element that has the keyboard's focus, as a screen reader would name it, and whether it is on screen. */
type Focused = { tag: string; name: string; editable: boolean; inView: boolean; underBar: boolean };

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const label =
      el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    // In the text, what must be in view is the caret, clear of the editor's sticky bar.
    const range =
      el.isContentEditable && document.getSelection()?.rangeCount ? document.getSelection()!.getRangeAt(0) : null;
    const caret = range && (range.getClientRects()[0] ?? firstCharacter(range) ?? boxOf(range.startContainer));
    // A caret between elements (the start of a paragraph) has no box of its own: the character after it has.
    function firstCharacter(at: Range): DOMRect | undefined {
      const from = at.startContainer.childNodes[at.startOffset] ?? at.startContainer;
      const walker = document.createTreeWalker(from, NodeFilter.SHOW_TEXT);
      const text = from.nodeType === Node.TEXT_NODE ? from : walker.nextNode();
      if (!text?.textContent) return undefined;
      const probe = document.createRange();
      probe.setStart(text, 0);
      probe.setEnd(text, 1);
      return probe.getClientRects()[0];
    }
    function boxOf(node: Node): DOMRect | undefined {
      return (node instanceof Element ? node : node.parentElement)?.getBoundingClientRect();
    }
    const bar = el.closest('.editor-frame')?.querySelector('.editor-bar')?.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      name: label.trim().replace(/\s+/g, ' '),
      editable: el.isContentEditable,
      inView: caret
        ? caret.top >= 0 && caret.bottom <= innerHeight
        : r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      underBar: Boolean(caret && bar && caret.top < bar.bottom - 1),
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element's name matches; each stop is checked to be on screen. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 40 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now && name.test(now.name)) {
      expect(now.inView, `${now.name} is off screen`).toBe(true);
      return presses;
    }
  }
  throw new Error(`${name} not reached in ${max} presses`);
}

/** Where the focus is now: its name matches and it is on screen (the caret clear of the bar, in the text). */
async function expectFocus(page: Page, name: RegExp): Promise<Focused> {
  await expect.poll(async () => (await focused(page))?.name ?? '', { timeout: 10_000 }).toMatch(name);
  const now = (await focused(page))!;
  expect(now.inView, `${now.name} is off screen`).toBe(true);
  expect(now.underBar, 'the caret is under the sticky bar').toBe(false);
  return now;
}

/** Two frames: time for the editor to take in a caret the browser moved. */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

const announced = (page: Page) => page.locator('#announcer').ariaSnapshot();

async function signInByKeyboard(
  browser: Browser,
  url: string,
  email: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: url, viewport, locale: 'en-US' })).newPage();
  await page.goto('/signin');
  await tabTo(page, /^Email/);
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expectFocus(page, /^Password/);
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  // A failed sign-in marks the fields and says why, where the focus stays.
  await expect
    .poll(() => page.locator('input[name=password]').getAttribute('aria-invalid'), { timeout: 15_000 })
    .toBe('true');
  expect(await page.locator('input[name=password]').getAttribute('aria-describedby')).toBe('sign-in-error');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('concordia');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plans');
  return page;
}

describe.runIf(browserAvailable())('the editor and its page with the keyboard and a screen reader', () => {
  const t = useAppInBrowser();
  let sectionPath = '';
  let planPath = '';

  it(
    'takes a coordinator from signing in to writing, formatting, discussing and history with key presses only',
    { timeout: 180_000 },
    async () => {
      const peru = await signInByKeyboard(t.browser, t.app.url, 'peru@demo.test');
      await tabTo(peru, /Hemispheric Plan of Action/);
      await peru.keyboard.press('Enter');
      await peru.waitForURL(/\/plans\/[0-9a-f-]+$/);
      planPath = new URL(peru.url()).pathname;
      await tabTo(peru, /^Professionalisation of police forces$/);
      await peru.keyboard.press('Enter');
      await peru.waitForURL('**/sections/**');
      sectionPath = new URL(peru.url()).pathname;
      await expect
        .poll(() => peru.title())
        .toBe(`Professionalisation of police forces — ${DEMO_PLAN_TITLE} — Concordia`);
      await expect.poll(() => peru.locator('.prose[contenteditable="true"]').count(), { timeout: 15_000 }).toBe(1);

      // The first Tab stop skips to the text.
      expect(await tabTo(peru, /^Skip to the text$/)).toBe(1);
      await peru.keyboard.press('Enter');
      await expectFocus(peru, /^Text of the section Professionalisation of police forces$/);
      await pressUntilCaret(peru.locator('#section-text'), 'Control+End', 'end');
      await peru.keyboard.press('Enter');
      await peru.keyboard.type('Peru adds ');

      // Alt+F10 reaches the toolbar at its first button; Enter there formats and returns to the text.
      await peru.keyboard.press('Alt+F10');
      await expectFocus(peru, /^Bold$/);
      await peru.keyboard.press('Enter');
      await expectFocus(peru, /^Text of the section/);
      await peru.keyboard.type('regional training');
      await expect.poll(() => peru.locator('.prose strong', { hasText: 'regional training' }).count()).toBe(1);
      await peru.keyboard.press('Control+B');
      await peru.keyboard.type(' academies.');
      // Who wrote the paragraph under the caret is said, not only shown in colour.
      await peru.keyboard.press('Alt+Shift+A');
      await expect.poll(() => announced(peru)).toMatch(/This paragraph: Peru, 100\s?%/);

      // Arrow keys move within the toolbar, which is one Tab stop; Escape goes back to the text.
      await peru.keyboard.press('Alt+F10');
      await peru.keyboard.press('ArrowRight');
      await expectFocus(peru, /^Italic$/);
      await peru.keyboard.press('End');
      await expectFocus(peru, /^Redo$/);
      await peru.keyboard.press('Escape');
      await expectFocus(peru, /^Text of the section/);
      expect(await peru.locator('.toolbar button[tabindex="0"]').count()).toBe(1);

      // Ctrl+Home and ArrowUp keep the caret clear of the sticky bar.
      for (let i = 0; i < 8; i++) await peru.keyboard.press('Enter');
      await peru.keyboard.type('The last line.');
      await peru.keyboard.press('Control+Home');
      await frames(peru);
      await expectFocus(peru, /^Text of the section/);
      await peru.keyboard.press('Control+End');
      await frames(peru);
      for (let i = 0; i < 10; i++) {
        await peru.keyboard.press('ArrowUp');
        await expectFocus(peru, /^Text of the section/);
      }
      // Takes back "The last line." and the eight empty paragraphs before it. The editor takes in a caret
      // the browser moved on the next selection change: the keys wait for it.
      await pressUntilCaret(peru.locator('#section-text'), 'Control+End', 'end');
      for (let i = 0; i < 'The last line.'.length + 8; i++) await peru.keyboard.press('Backspace');
      await expect.poll(() => peru.locator('#section-text').innerText()).toMatch(/regional training academies\.$/);

      // A selected passage is discussed: the focus goes to the message, and sending is said.
      await peru.keyboard.press('Shift+Home');
      await frames(peru);
      await expect.poll(() => peru.getByRole('button', { name: 'Discuss this passage' }).count()).toBe(1);
      await peru.keyboard.press('Alt+F10');
      await tabTo(peru, /^Discuss this passage$/);
      await peru.keyboard.press('Enter');
      await expectFocus(peru, /^Your message$/);
      await peru.keyboard.type('Could Mexico join this?');
      await tabTo(peru, /^Send$/);
      await peru.keyboard.press('Enter');
      await expect.poll(() => announced(peru)).toContain('Message sent');
      await expectFocus(peru, /^Send$/);
      expect(await peru.getByRole('list', { name: 'Threads' }).innerText()).toContain('Could Mexico join this?');

      // History: name a version, view it (said), and come back to the live text with the focus in it.
      await tabTo(peru, /^History$/, { back: true });
      await peru.keyboard.press('Enter');
      await tabTo(peru, /^Version name$/);
      await peru.keyboard.type('Before the meeting');
      await peru.keyboard.press('Enter');
      await expect
        .poll(() => peru.getByRole('button', { name: /^View version of Before the meeting/ }).count())
        .toBe(1);
      await tabTo(peru, /^View version of Before the meeting/);
      await peru.keyboard.press('Enter');
      await expect.poll(() => announced(peru)).toContain('Now showing version of Before the meeting');
      await tabTo(peru, /^Back to the live text$/, { back: true });
      await peru.keyboard.press('Enter');
      const back = await expectFocus(peru, /^Text of the section/);
      expect(back.editable).toBe(true);
      await expect.poll(() => announced(peru)).toContain('Now showing the live text');
    },
  );

  it(
    'lets the chair open an overlap side by side and keep both with key presses only',
    { timeout: 120_000 },
    async () => {
      const chair = await signInByKeyboard(t.browser, t.app.url, 'chair@demo.test');
      await chair.goto(`${planPath}/consolidation`);
      await expect
        .poll(() => chair.getByRole('button', { name: /^Open side by side/ }).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await tabTo(chair, /^Open side by side: \d+\s?% similar, section \d+ and section \d+$/);
      await chair.keyboard.press('Enter');
      // The side-by-side view opens above the list: its heading takes the focus, in view.
      await expectFocus(chair, /similar: section \d+ and section \d+$/);
      await tabTo(chair, /^Why both stay$/);
      await chair.keyboard.type('Both regions need it.');
      await chair.keyboard.press('Enter');
      await expect.poll(() => announced(chair)).toContain('Overlap kept: both wordings stay');
      await expectFocus(chair, /^Open \(\d+\)$/);
    },
  );

  it(
    'keeps carets out of the text read aloud, and names landmarks, pages and people',
    { timeout: 120_000 },
    async () => {
      const peru = await signInByKeyboard(t.browser, t.app.url, 'peru@demo.test');
      const chair = await signInByKeyboard(t.browser, t.app.url, 'chair@demo.test');
      await chair.goto(sectionPath);
      await peru.goto(sectionPath);
      await expect.poll(() => chair.locator('.prose[contenteditable="true"]').count(), { timeout: 15_000 }).toBe(1);
      await tabTo(chair, /^Skip to the text$/);
      await chair.keyboard.press('Enter');
      await chair.keyboard.press('Control+End');
      await frames(chair);
      await expect
        .poll(
          async () => (await peru.locator('.collab-caret-label').allInnerTexts()).some((label) => /Chair/.test(label)),
          { timeout: 15_000 },
        )
        .toBe(true);

      // Chromium's own accessibility tree: the text box holds the document's words and no caret label.
      const cdp = await peru.context().newCDPSession(peru);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      const textBox = nodes.find(
        (n) => n.role?.value === 'textbox' && /^Text of the section/.test(String(n.name?.value)),
      );
      expect(textBox).toBeDefined();
      const inside = descendants(nodes, textBox!.nodeId).map((n) => String(n.name?.value ?? ''));
      expect(inside.join(' ')).toContain('academies');
      expect(inside.filter((name) => /Chair/.test(name))).toEqual([]);
      const roles = new Set(nodes.filter((n) => !n.ignored).map((n) => n.role?.value));
      for (const landmark of ['banner', 'navigation', 'main']) expect(roles, landmark).toContain(landmark);

      // Who is here, and where: the list names the chair's paragraph.
      await tabTo(peru, /^Who is here: 2 people\b/);
      await peru.keyboard.press('Enter');
      await expect
        .poll(() => peru.getByRole('list', { name: 'People in this document' }).innerText())
        .toMatch(/Chair.*: in paragraph \d+, “/);

      // Every page a title of its own.
      const titles = new Set<string>();
      for (const path of ['/plans', planPath, sectionPath, `${planPath}/consolidation`]) {
        await peru.goto(path);
        titles.add(await peru.title());
      }
      expect(titles.size).toBe(4);
    },
  );
});

type AxNode = {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: unknown };
  childIds?: string[];
};

function descendants(nodes: AxNode[], id: string): AxNode[] {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out: AxNode[] = [];
  const walk = (nodeId: string) => {
    for (const child of byId.get(nodeId)?.childIds ?? []) {
      const node = byId.get(child);
      if (!node) continue;
      out.push(node);
      walk(child);
    }
  };
  walk(id);
  return out;
}
