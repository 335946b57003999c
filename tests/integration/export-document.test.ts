import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
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
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { docxToPdfWithLibreOffice, libreOfficeAvailable } from '../helpers/libreoffice';
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
    // The table of contents lists the sections by number; the headings' own numbers are Word's.
    for (const [i, title] of SECTION_TITLES.entries()) expect(text).toContain(`${i + 1}. ${title}`);
    const numbering = await zipParts(docx, /^word\/numbering\.xml$/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:lvlText w:val="%1\."\/>.*?<\/w:lvl>/s);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*>.*?<w:lvlText w:val="%1\.%2"\/>.*?<\/w:lvl>/s);
    const headings = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/gs)].map(
      (m) => m[0],
    );
    expect(headings.filter((h) => h.includes('<w:ilvl w:val="0"/>'))).toHaveLength(SECTION_TITLES.length);
    expect(headings.map((h) => h.replace(/<[^>]+>/g, ''))).toContain(SECTION_TITLES[0]);
    expect(text).not.toMatch(/1\.1\t|1\.1 Measure/);
    // Pagination rules: headings kept with what follows, no lone first or last line of a paragraph.
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:keepNext\/>.*?<\/w:style>/s);
    expect(body.match(/<w:widowControl\/>/g)?.length).toBeGreaterThan(30);
    const html = new TextDecoder().decode(await exported('html'));
    expect(html).toMatch(/h1, h2, h3, h4, h5, h6 \{ break-after: avoid; \}/);
    expect(html).toMatch(/p \{ margin: 0 0 6pt; orphans: 2; widows: 2; \}/);
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
          const { outline, language } = pdfOutline(file);
          for (const [i, title] of SECTION_TITLES.entries()) expect(outline).toContain(`${i + 1}. ${title}`);
          expect(language).toMatch(/^en\b/);
        } else if (process.env.CI) throw new Error("CI=true but qpdf is missing: install Debian's qpdf package");
        expectNoHeadingEndsAPage(file);
        // The Word export's margins: one inch (72 pt) on the left.
        expect(leftMargin(file)).toBeCloseTo(72, -1);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
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

  it.runIf(libreOfficeAvailable() && pdfToolsAvailable())(
    'Word in LibreOffice: every heading in the outline, generated numbers, footnotes, document block, language; no heading ends a page',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'concordia-docx-'));
      try {
        const docx = await exported('docx');
        const file = path.join(dir, 'plan.pdf');
        writeFileSync(file, docxToPdfWithLibreOffice(docx));
        if (SHOTS) writeFileSync(path.join(SHOTS, 'plan.docx.pdf'), readFileSync(file));
        const { outline, language } = pdfOutline(file);
        expect(outline).toEqual([
          'Goal of the plan',
          ...SECTION_TITLES.flatMap((title, i) => [`${i + 1}. ${title}`, ...(i === 0 ? ['Training standards'] : [])]),
          'Annex: contributions by state',
        ]);
        // The plan's language (English), as Word declares it for its proofing.
        expect(language).toBe('en-US');
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
          /^Page size:\s+612 x 792 pts \(letter\)$/m,
        );
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        const flat = text.replace(/\s+/g, ' ');
        // Word numbers every paragraph as the editor does: "2.3" before the text written as measure 2.3.
        for (const [i] of SECTION_TITLES.slice(0, -1).entries())
          for (let n = 1; n <= 4 + i; n++) expect(flat).toMatch(new RegExp(`${i + 1}\\.${n} Measure ${i + 1}\\.${n}:`));
        expect(flat).toMatch(/1\.5 Curricula are binding/);
        // The reservation is a footnote: its mark after the paragraph, its text at the foot of the page.
        expect(flat).toContain(`The delegation of Canada reserves its position on paragraph 1.2: ${CANADA_SAYS}`);
        expect(flat).toMatch(/system concerned\.1 1\.3 Measure 1\.3/);
        for (const words of ['PERMANENT COUNCIL', 'COMMITTEE ON HEMISPHERIC', 'OEA/Ser.G', 'CP/CSH-2271/26'])
          expect(flat).toContain(words);
        for (const words of ['26 November 2026', 'Original: English']) expect(flat).toContain(words);
        expectNoHeadingEndsAPage(file);
        expect(leftMargin(file)).toBeCloseTo(72, -1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.runIf(libreOfficeAvailable() && pdfToolsAvailable())(
    'a paragraph inserted in Word renumbers those after it, and the next section still starts at 1',
    async () => {
      const docx = await JSZip.loadAsync(await exported('docx'));
      const xml = await docx.file('word/document.xml')!.async('string');
      // What Word writes when a user presses Enter before "Measure 1.1": the same paragraph properties.
      const first = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes('Measure 1.1:'))!;
      const inserted = first.replace(/<w:r>.*<\/w:r>/s, '<w:r><w:t>Added in Word.</w:t></w:r>');
      docx.file('word/document.xml', xml.replace(first, inserted + first));
      const pdf = docxToPdfWithLibreOffice(await docx.generateAsync({ type: 'uint8array' }));
      const flat = readPdf(pdf).text.replace(/\s+/g, ' ');
      expect(flat).toMatch(/1\.1 Added in Word\. 1\.2 Measure 1\.1:/);
      expect(flat).toMatch(/1\.5 Measure 1\.4:/);
      expect(flat).toMatch(/2\. Prevention of violence and crime Lead state: Canada 2\.1 Measure 2\.1:/);
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

/** The PDF's bookmarks, depth first, and the language its catalog declares (qpdf reads both). */
function pdfOutline(file: string): { outline: string[]; language: string | null } {
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const outline: string[] = [];
  const walk = (items: Array<{ title: string; kids: unknown[] }>) => {
    for (const item of items) {
      outline.push(item.title);
      walk(item.kids as typeof items);
    }
  };
  walk(json.outlines);
  const language = /"\/Lang":\s*"(?:u:)?([^"]+)"/.exec(JSON.stringify(json.objects ?? json.qpdf))?.[1] ?? null;
  return { outline, language };
}

/**
 * No page of the text ends with a heading or a section's lead line: each is kept with the text below it.
 * (The annexes, on pages of their own, are tables whose rows start with a section's number.)
 */
function expectNoHeadingEndsAPage(file: string): void {
  const headings = new Set([
    'Goal of the plan',
    'Training standards',
    ...SECTION_TITLES.map((title, i) => `${i + 1}. ${title}`),
  ]);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  const lastLines = pages
    .filter((page) => !page.includes('Annex:'))
    .map(
      (page) =>
        page
          .split('\n')
          .map((line) => line.trim())
          // Not the footer, nor a footnote at the foot of the page (its mark stands alone on a line).
          .filter((line) => line && !/Page \d+ of \d+/.test(line) && !line.startsWith('The delegation of'))
          .filter((line, i, lines) => !(/^\d+$/.test(line) && lines[i + 1]?.startsWith('The delegation')))
          .at(-1) ?? '',
    );
  expect(lastLines.length).toBeGreaterThan(2);
  for (const line of lastLines) {
    expect(headings.has(line.replace(/\s+/g, ' ')), line).toBe(false);
    expect(line).not.toMatch(/^Lead state/);
  }
}

/** Where the body text starts on the second page, in points from the left edge (pdftotext's boxes). */
function leftMargin(file: string): number {
  const boxes = execFileSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
  return Math.min(...[...boxes.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
}
