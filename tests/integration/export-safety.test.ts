import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberStates, plans } from '../../db/schema';
import { exportPlan } from '../../lib/export/export-plan';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { updateSection } from '../../lib/plans/update-section';
import { namePlanVersion } from '../../lib/versions/name-plan-version';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { zipParts } from '../helpers/exported-files';
import { appendRichText } from '../helpers/rich-text';

/**
 * Text a hostile delegate could type, each piece calling `pwned` if it ever runs as script: HTML,
 * Markdown links and images to script addresses, entities, and the characters that end code spans,
 * code blocks, table cells and lines.
 */
const PAYLOADS = [
  '<img src=x onerror=pwned(1)>',
  '<script>pwned(2)</script>',
  '<svg onload=pwned(3)></svg>',
  '<a href="javascript:pwned(4)">a</a>',
  '[md](javascript:pwned(5))',
  '<javascript:pwned(6)>',
  '![i](x" onerror="pwned(7))',
  '&lt;img src=x onerror=pwned(8)&gt;',
  '<details open ontoggle=pwned(9)>',
  '<iframe srcdoc="<script>parent.pwned(10)</script>"></iframe>',
];
const BREAKOUTS = [
  '`',
  '``',
  '```',
  '~~~',
  '|',
  '\\',
  '*',
  '_',
  ']',
  ')',
  '>',
  '-->',
  '</p>',
  '</code>',
  ']]>',
  '</w:t>',
];
/** One line with every breakout before every payload. */
const HOSTILE = BREAKOUTS.map((b, i) => `${b} ${PAYLOADS[i % PAYLOADS.length]}`).join(' ');
/** Several lines, for the places that keep line endings (code blocks) and those that must not (everything else). */
const HOSTILE_LINES = [
  '```',
  '<img src=x onerror=pwned(11)>',
  '````',
  '~~~',
  '<script>pwned(12)</script>',
  '    <img src=x onerror=pwned(13)>',
  '| a | <img src=x onerror=pwned(14)> |',
  '| --- | --- |',
].join('\n');
const HOSTILE_HREFS = [
  'javascript:pwned(20)',
  ' JavaScript:pwned(21)',
  'java\nscript:pwned(22)',
  'data:text/html,<script>pwned(23)</script>',
  'https://example.org/`<img src=x onerror=pwned(24)>`',
  'https://example.org/"onmouseover="pwned(25)',
  'https://example.org/)<img src=x onerror=pwned(26)>',
];

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cell = (type: 'tableHeader' | 'tableCell', ...content: JSONContent[]): JSONContent => ({ type, content });

/** The hostile text in every node and mark a section can hold. */
const HOSTILE_PASSAGE: JSONContent[] = [
  ...[1, 2, 3].map((level) => ({ type: 'heading', attrs: { level }, content: [text(HOSTILE)] })),
  paragraph(
    text(HOSTILE),
    text(HOSTILE, [{ type: 'bold' }]),
    text(HOSTILE, [{ type: 'italic' }]),
    text(HOSTILE, [{ type: 'strike' }]),
    text(HOSTILE, [{ type: 'underline' }]),
    text(HOSTILE, [{ type: 'code' }]),
    text(HOSTILE, [{ type: 'bold' }, { type: 'italic' }, { type: 'code' }]),
    { type: 'hardBreak' },
    text(HOSTILE_LINES),
    { type: 'hardBreak' },
    ...HOSTILE_HREFS.map((href) => text(HOSTILE, [{ type: 'link', attrs: { href } }])),
  ),
  { type: 'paragraph', attrs: { cosponsors: [HOSTILE, 'Peru'] }, content: [text(HOSTILE)] },
  {
    type: 'bulletList',
    content: [
      item(paragraph(text(HOSTILE, [{ type: 'code' }])), {
        type: 'orderedList',
        content: [item(paragraph(text(HOSTILE)))],
      }),
    ],
  },
  {
    type: 'orderedList',
    attrs: { start: 7 },
    content: [item(paragraph(text(HOSTILE)), { type: 'codeBlock', content: [text(HOSTILE_LINES)] })],
  },
  {
    type: 'blockquote',
    content: [paragraph(text(HOSTILE, [{ type: 'bold' }])), { type: 'codeBlock', content: [text(HOSTILE_LINES)] }],
  },
  { type: 'codeBlock', content: [text(HOSTILE_LINES)] },
  { type: 'horizontalRule' },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          cell('tableHeader', paragraph(text(HOSTILE))),
          cell('tableHeader', paragraph(text(HOSTILE, [{ type: 'code' }]))),
        ],
      },
      {
        type: 'tableRow',
        content: [
          cell(
            'tableCell',
            { type: 'codeBlock', content: [text(HOSTILE_LINES)] },
            { type: 'heading', attrs: { level: 2 }, content: [text(HOSTILE)] },
          ),
          cell(
            'tableCell',
            {
              type: 'bulletList',
              content: [item(paragraph(text(HOSTILE, [{ type: 'link', attrs: { href: HOSTILE_HREFS[4] } }])))],
            },
            { type: 'blockquote', content: [paragraph(text(HOSTILE))] },
          ),
        ],
      },
    ],
  },
];

const VIEWER = 'http://viewer.test/plan.html';

type Findings = { calls: string[]; handlers: string[]; scripts: number; scriptUrls: string[]; text: string };

describe.runIf(browserAvailable())(
  'no export of a hostile plan runs script, in a Markdown viewer that allows HTML or in a browser',
  () => {
    const t = useCollabServer();
    const markdownIt = new MarkdownIt({ html: true });
    let browser: Browser;
    let versionId: string;
    let plan: BuiltPlan;
    let observer: BuiltMember;
    const SECTIONS = 5;

    beforeAll(async () => {
      const db = t.db;
      plan = await buildPlan(db, { goal: ['To give the member states a common agenda.'] });
      const peru = await buildMember(db, { plan, state: 'PER' });
      observer = await buildMember(db, { plan, role: 'observer' });
      const police = await buildSection(db, { plan, lead: peru, coEditors: ['MEX'] });
      for (let other = 1; other < SECTIONS; other++) await buildSection(db, { plan, text: ['A proposal of its own.'] });
      const chair = plan.chair.id;
      await appendRichText(plan.goalRoom, chair, HOSTILE_PASSAGE);
      await appendRichText(police.room, peru.id, HOSTILE_PASSAGE);
      await db.update(plans).set({ title: HOSTILE }).where(eq(plans.id, plan.id));
      await db.update(memberStates).set({ nameEn: HOSTILE }).where(eq(memberStates.code, 'PER'));
      await updateSection(db, { actorId: chair, sectionId: police.id, input: { title: HOSTILE } });
      await updatePlanMetadata(db, {
        userId: chair,
        planId: plan.id,
        metadata: {
          council: HOSTILE,
          committee: HOSTILE_LINES,
          workingGroup: HOSTILE,
          symbol: 'OEA --- 1. ===',
          date: '2026-11-26',
          originalLanguage: 'es',
        },
      });
      versionId = (await namePlanVersion(db, { userId: chair, planId: plan.id, name: HOSTILE })).id;
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
    });

    const exported = async (format: string, extra: { annex?: boolean; versionId?: string } = {}) =>
      (await exportPlan(t.db, { userId: observer.id, planId: plan.id, format, ...extra })).body;
    const EXPORTS = [
      { name: 'current text' },
      { name: 'with the annex', annex: true },
      { name: 'a named version', version: true },
    ];

    /** Loads HTML in Chromium with `pwned` bound, and reports what ran and what the DOM holds. */
    async function inBrowser(html: string): Promise<Findings> {
      const page = await browser.newPage();
      const calls: string[] = [];
      try {
        await page.addInitScript(() => {
          const calls: string[] = [];
          Object.assign(window, { pwned: (id: unknown) => calls.push(String(id)), pwnedCalls: calls });
        });
        // Served from an address of its own, as a viewer would: the page is the file, every other request fails.
        await page.route('**/*', (route) =>
          route.request().url() === VIEWER ? route.fulfill({ contentType: 'text/html', body: html }) : route.abort(),
        );
        await page.goto(VIEWER, { waitUntil: 'load' });
        // Event handlers of failed images and toggled details run in tasks after parsing: let two frames pass.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        calls.push(...(await page.evaluate(() => (window as unknown as { pwnedCalls: string[] }).pwnedCalls)));
        const dom = await page.evaluate(() => {
          const elements = [...document.querySelectorAll('*')];
          const attributes = elements.flatMap((e) =>
            [...e.attributes].map((a) => ({
              tag: e.tagName.toLowerCase(),
              name: a.name.toLowerCase(),
              value: a.value,
            })),
          );
          return {
            handlers: attributes.filter((a) => a.name.startsWith('on')).map((a) => `${a.tag} ${a.name}`),
            scripts: document.querySelectorAll('script, iframe, object, embed, svg, details').length,
            scriptUrls: attributes
              .filter(
                (a) =>
                  /^(href|src|action|formaction|srcdoc|xlink:href|data)$/.test(a.name) &&
                  /^\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\s\p{Cc}]/gu, '')),
              )
              .map((a) => `${a.tag} ${a.name}=${a.value}`),
            text: document.body.innerText,
          };
        });
        return { calls, ...dom };
      } finally {
        await page.close();
      }
    }

    function expectInert(found: Findings, source: string) {
      expect(
        { calls: found.calls, handlers: found.handlers, scripts: found.scripts, scriptUrls: found.scriptUrls },
        source.slice(0, 4000),
      ).toEqual({ calls: [], handlers: [], scripts: 0, scriptUrls: [] });
      // What was typed is shown as text.
      for (const payload of PAYLOADS) expect(found.text, payload).toContain(payload);
    }

    it('the harness sees script run when it does (HTML rendered as it is)', async () => {
      const found = await inBrowser(markdownIt.render('text <img src=x onerror="pwned(\'control\')">'));
      expect(found.calls).toEqual(['control']);
      expect(found.handlers).toEqual(['img onerror']);
    });

    it.each(EXPORTS)(
      'Markdown ($name), rendered by markdown-it with HTML allowed, holds no script and shows the text as typed',
      async ({ annex, version }) => {
        const markdown = new TextDecoder().decode(
          await exported('md', { annex, versionId: version ? versionId : undefined }),
        );
        const found = await inBrowser(`<!doctype html><html><body>${markdownIt.render(markdown)}</body></html>`);
        expectInert(found, markdown);
        // The Markdown holds no HTML at all: cross-references go to the headings' own ids.
        const tokens = markdownIt.parse(markdown, {}).flatMap((token) => [token, ...(token.children ?? [])]);
        const html = tokens
          .filter((token) => token.type === 'html_block' || token.type === 'html_inline')
          .map((token) => token.content.trim());
        expect(html, JSON.stringify(html)).toEqual([]);
      },
    );

    it.each(EXPORTS)('HTML ($name) holds no script in Chromium', async ({ annex, version }) => {
      const html = new TextDecoder().decode(
        await exported('html', { annex, versionId: version ? versionId : undefined }),
      );
      expectInert(await inBrowser(html), html);
    });

    it('DOCX keeps the text as text, links only to web and mail addresses, and holds no script once converted to HTML', async () => {
      const docx = await exported('docx');
      const xml = await zipParts(docx, /^word\/document\.xml$/);
      const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) =>
          m[1]!
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        )
        .join('');
      for (const payload of PAYLOADS) expect(words, payload).toContain(payload);
      const targets = [
        ...(await zipParts(docx, /\.rels$/)).matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g),
      ].map((m) => m[1]!);
      expect(targets.filter((target) => !/^(https?:|mailto:)/i.test(target))).toEqual([]);
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      expectInert(await inBrowser(`<!doctype html><html><body>${value}</body></html>`), value);
    });
  },
);
