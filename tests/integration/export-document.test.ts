import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentHost } from '../../lib/documents/live-documents';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { getPlanMetadata } from '../../lib/metadata/get-plan-metadata';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { recordReservation } from '../../lib/negotiation/record-reservation';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { browserAvailable } from '../helpers/browser';
import { useCollabServer } from '../helpers/collab-fixture';
import { pdfToolsAvailable, zipParts } from '../helpers/exported-files';
import { appendRichText, RICH_PASSAGE } from '../helpers/rich-text';

/** Where the exported files go for a person to look at (SHOTS_DIR); never into git. */
const SHOTS = process.env.SHOTS_DIR;

const SECTION_TITLES = [
  'Professionalisation of police forces',
  'Prevention of violence and crime',
  'Attention to victims',
  'Information systems and statistics',
  'International cooperation',
  'Follow-up and evaluation',
];
const CANADA_SAYS = 'Canada will apply this paragraph as far as its federal system allows.';
/** Long enough paragraphs that the plan runs to several pages and headings fall near page ends. */
const paragraph = (section: number, n: number) =>
  `Measure ${section}.${n}: the member states shall strengthen their institutions, train their officials, share ` +
  `information on good practices and report every two years on progress, with the support of the General ` +
  `Secretariat and in coordination with the other bodies of the inter-American system concerned.`;

describe('the Word and PDF exports as an OAS document', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let canada: BuiltMember, observer: BuiltMember;

  beforeAll(async () => {
    plan = await buildPlan(t.db, {
      phase: 'consolidation',
      title: 'Hemispheric Plan of Action on Citizen Security',
      goal: ['To give the member states a common, measurable agenda.'],
    });
    const peru = await buildMember(t.db, { plan, state: 'PER' });
    canada = await buildMember(t.db, { plan, state: 'CAN' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    const sections = [];
    for (const [i, title] of SECTION_TITLES.entries())
      sections.push(
        await buildSection(t.db, {
          plan,
          lead: i % 2 ? canada : peru,
          title,
          // The last section has no text yet.
          text:
            i === SECTION_TITLES.length - 1
              ? undefined
              : Array.from({ length: 4 + i }, (_, n) => paragraph(i + 1, n + 1)),
        }),
      );
    await appendRichText(sections[0]!.room, peru.id, RICH_PASSAGE);
    // The chair's own words in a section: the annex names them apart from the states'.
    await appendRichText(sections[1]!.room, plan.chair.id, [
      { type: 'paragraph', content: [{ type: 'text', text: 'The chair adds a linking sentence.' }] },
    ]);
    await updatePlanMetadata(t.db, {
      userId: plan.chair.id,
      planId: plan.id,
      metadata: {
        council: 'Permanent Council of the Organization of American States',
        committee: 'Committee on Hemispheric Security',
        workingGroup: '',
        symbol: 'OEA/Ser.G CP/CSH-2271/26',
        date: '2026-11-26',
        originalLanguage: 'en',
      },
    });
    const at = await documentHost().read(sections[0]!.room, (doc) => {
      const text = (doc.getXmlFragment(EDITOR_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0, 0))).toString(
        'base64',
      );
    });
    await setParagraphStatus(t.db, {
      userId: plan.chair.id,
      sectionId: sections[0]!.id,
      input: { at, status: 'agreed', adRefStates: [] },
    });
    await recordReservation(t.db, { userId: canada.id, sectionId: sections[0]!.id, input: { at, text: CANADA_SAYS } });
  });

  afterAll(closePdfBrowsers);

  const exported = async (format: string) => {
    const file = await exportPlan(t.db, { userId: observer.id, planId: plan.id, format, annex: true });
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(path.join(SHOTS, `plan.${format}`), file.body);
    }
    return file.body;
  };

  it('Word: justified, outline levels, a filled-in table of contents, language, footnotes, bold header row, no bare heading', async () => {
    const docx = await exported('docx');
    const styles = await zipParts(docx, /^word\/styles\.xml$/);
    const body = await zipParts(docx, /^word\/document\.xml$/);
    const core = await zipParts(docx, /^docProps\/core\.xml$/);
    // The body is justified; headings have outline levels 0, 1, …; the language is declared.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr>.*<w:jc w:val="both"\/>/s);
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>.*?<\/w:style>/s,
    );
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>.*?<\/w:style>/s,
    );
    expect(styles).toContain('<w:lang w:val="en-US"/>');
    // A table of contents field, already holding an entry for every section.
    expect(body).toMatch(/<w:instrText[^>]*>\s*TOC \\h \\o &quot;1-2&quot;/);
    const text = body.replace(/<[^>]+>/g, '');
    for (const [i, title] of SECTION_TITLES.entries()) expect(text).toContain(`${i + 1}. ${title}`);
    expect(core).toContain('<cp:lastModifiedBy>Concordia</cp:lastModifiedBy>');
    expect(await zipParts(docx, /^word\/footnotes\.xml$/)).toContain(CANADA_SAYS);
    // The annex's header row is bold; the chair's share stands apart from the states'.
    expect(body).toMatch(/<w:tblHeader\/>.*?<w:b\/>.*?<w:t[^>]*>Section<\/w:t>/s);
    expect(text).toMatch(/not by a state: Chair \d+%/);
    expect(text).toContain('6. Follow-up and evaluation');
    expect(text).toContain('No text has been written for this section yet.');
  });

  it.runIf(browserAvailable() && pdfToolsAvailable())(
    'PDF: tagged, in the plan’s language, with bookmarks for every heading; tables whole; no heading ends a page',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'concordia-pdf-'));
      try {
        const file = path.join(dir, 'plan.pdf');
        writeFileSync(file, await exported('pdf'));
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        expect(info).toMatch(/^Title:\s+OEA\/Ser\.G CP\/CSH-2271\/26 — Hemispheric Plan of Action/m);
        expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
        const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
        expect(pages).toBeGreaterThan(3);
        // The structure tree: headings are tagged as headings.
        const structure = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
        expect(structure).toMatch(/\bH2\b/);
        if (existsSync('/usr/bin/qpdf')) {
          const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
          const titles: string[] = [];
          const walk = (items: Array<{ title: string; kids: unknown[] }>) => {
            for (const item of items) {
              titles.push(item.title);
              walk(item.kids as typeof items);
            }
          };
          walk(json.outlines);
          for (const [i, title] of SECTION_TITLES.entries()) expect(titles).toContain(`${i + 1}. ${title}`);
          const catalog = JSON.stringify(json.objects ?? json.qpdf);
          expect(catalog).toMatch(/"\/Lang":\s*"u:en"|"\/Lang":\s*"en"/);
        } else if (process.env.CI) throw new Error("CI=true but qpdf is missing: install Debian's qpdf package");

        // No page ends with a section heading or its lead line: each is kept with the text below it.
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        // (The annexes, on pages of their own, are tables whose rows start with a section's number.)
        const lastLines = text
          .split('\f')
          .filter((page) => !page.includes('Annex:'))
          .map(
            (page) =>
              page
                .split('\n')
                .filter((line) => line.trim() && !/Page \d+ of \d+/.test(line))
                .at(-1)
                ?.trim() ?? '',
          );
        for (const line of lastLines) {
          expect(line).not.toMatch(/^\d\. [A-Z]/);
          expect(line).not.toMatch(/^Lead state/);
        }
        // Tables are whole: their right edge lies inside the page box, on every page (pdftotext's boxes).
        const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
        const xMax = Math.max(...[...boxes.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
        expect(xMax).toBeLessThan(612 - 60);
        expect(text.replace(/\s+/g, ' ')).toContain(CANADA_SAYS);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('lays both out on A4 when the chair chooses it in the document block', async () => {
    const metadata = await getPlanMetadata(t.db, { userId: observer.id, planId: plan.id });
    expect(metadata.paperSize).toBe('letter');
    expect(await zipParts(await exported('docx'), /^word\/document\.xml$/)).toContain(
      '<w:pgSz w:w="12240" w:h="15840"',
    );
    await updatePlanMetadata(t.db, {
      userId: plan.chair.id,
      planId: plan.id,
      metadata: { ...metadata, paperSize: 'a4' },
    });
    expect(await zipParts(await exported('docx'), /^word\/document\.xml$/)).toContain(
      '<w:pgSz w:w="11906" w:h="16838"',
    );
    if (browserAvailable() && pdfToolsAvailable()) {
      const dir = mkdtempSync(path.join(tmpdir(), 'concordia-pdf-'));
      try {
        const file = path.join(dir, 'plan.pdf');
        writeFileSync(file, await exported('pdf'));
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
          /^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)$/m,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
