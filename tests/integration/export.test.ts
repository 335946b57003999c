import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sections } from '../../db/schema';
import { compilePlan } from '../../lib/export/plan-document';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { createSection } from '../../lib/plans/create-section';
import { deleteSection } from '../../lib/plans/delete-section';
import { reorderSections } from '../../lib/plans/reorder-sections';
import { updateSection } from '../../lib/plans/update-section';
import { namePlanVersion } from '../../lib/versions/name-plan-version';
import { browserAvailable } from '../helpers/browser';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { docxToPdfWithLibreOffice, libreOfficeAvailable } from '../helpers/libreoffice';
import { appendRichText, RICH_PASSAGE } from '../helpers/rich-text';

const METADATA = {
  council: 'Permanent Council of the Organization of American States',
  committee: 'Committee on Hemispheric Security',
  workingGroup: 'Working Group on Citizen Security',
  symbol: 'OEA/Ser.G CSH/GT/DSS-4/11',
  date: '2026-11-26',
  originalLanguage: 'es' as const,
};

const TITLE = 'Hemispheric Plan of Action on Citizen Security';
const GOAL =
  'To give the member states a common, measurable agenda for citizen security, each contributing its own experience.';

/** The plan's sections, in order, each written by its lead state's coordinator. */
const SECTIONS = [
  {
    title: 'Professionalisation of police forces',
    lead: 'PER',
    coEditors: ['MEX'],
    text: 'Peru proposes a regional curriculum for police training.',
  },
  {
    title: 'Prevention of violence and crime',
    lead: 'MEX',
    text: 'Mexico proposes municipal prevention programmes focused on youth.',
  },
  {
    title: 'Attention to victims',
    lead: 'BRA',
    text: 'Brazil proposes integrated assistance centres for victims of violence.',
  },
  {
    title: 'Information systems and statistics',
    lead: 'CAN',
    text: 'Canada proposes common indicators for citizen-security statistics.',
  },
  {
    title: 'International cooperation',
    lead: 'JAM',
    text: 'Jamaica proposes a network of focal points for the exchange of good practices.',
  },
];
const SECTION_TITLES = SECTIONS.map((s) => s.title);

const text = (file: { body: Uint8Array }) => Buffer.from(file.body).toString('utf8');

/** Each needle appears, in this order. */
function expectInOrder(haystack: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('exporting the compiled plan', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  const coordinators = new Map<string, BuiltMember>();
  let observer: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection, victims: BuiltSection, canada: BuiltSection;
  const coordinator = (state: string) => coordinators.get(state)!;

  beforeAll(async () => {
    plan = await buildPlan(t.db, { title: TITLE, goal: [GOAL] });
    for (const { lead } of SECTIONS) coordinators.set(lead, await buildMember(t.db, { plan, state: lead }));
    observer = await buildMember(t.db, { plan, role: 'observer' });
    const built: BuiltSection[] = [];
    for (const { title, lead, coEditors, text } of SECTIONS)
      built.push(await buildSection(t.db, { plan, title, lead: coordinator(lead), coEditors, text: [text] }));
    [police, prevention, victims, canada] = built as [BuiltSection, BuiltSection, BuiltSection, BuiltSection];
    await updatePlanMetadata(t.db, { userId: plan.chair.id, planId: plan.id, metadata: METADATA });
    await appendRichText(police.room, coordinator('PER').id, [
      ...RICH_PASSAGE,
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'See the victims section',
            marks: [{ type: 'link', attrs: { href: `http://localhost/plans/${plan.id}/sections/${victims.id}` } }],
          },
        ],
      },
    ]);
  });

  afterAll(async () => {
    await closePdfBrowsers();
  });

  // The plan is Spanish; these tests read its English export (export-language.test.ts reads the others).
  const exportAs = (format: string, extra: { versionId?: string; annex?: boolean; userId?: string } = {}) =>
    exportPlan(t.db, { userId: extra.userId ?? observer.id, planId: plan.id, format, language: 'en', ...extra });

  it('HTML and Markdown hold the document block, title, goal and every section in order', async () => {
    const html = await exportAs('html');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.fileName).toBe('OEA-Ser.G-CSH-GT-DSS-4-11_2026-11-26.html');
    const page = text(html);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('@media print');
    expectInOrder(page, [
      'PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES',
      'COMMITTEE ON HEMISPHERIC SECURITY',
      'Working Group on Citizen Security',
      'OEA/Ser.G',
      'CSH/GT/DSS-4/11',
      '26 November 2026',
      'Original: Spanish',
      'Hemispheric Plan of Action',
      'Goal of the plan',
      'To give the member states a common, measurable agenda',
      ...SECTION_TITLES.flatMap((title, i) => [`${i + 1}. ${title}`, 'Lead state: ']),
    ]);
    expect(page).toContain('Lead state: Peru · Co-editing: Mexico');
    expect(page).toContain('<h3>Training standards</h3>');
    expect(page).toContain('<strong>binding</strong>');
    expect(page).toContain('<a href="https://www.oas.org/">the OAS site</a>');
    expect(page).toContain(`<a href="#s_${victims.id.replace(/-/g, '')}">See the victims section</a>`);
    expect(page).toContain(`<section id="s_${victims.id.replace(/-/g, '')}">`);
    expect(page).toMatch(/<table><thead><tr><th><p>Measure<\/p><\/th>/);

    const md = text(await exportAs('md'));
    expectInOrder(md, [
      '**PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES**',
      'OEA/Ser.G  \nCSH/GT/DSS-4/11  \n26 November 2026  \nOriginal: Spanish',
      '# Hemispheric Plan of Action',
      '## Goal of the plan',
      'To give the member states',
      ...SECTION_TITLES.flatMap((title, i) => [`## ${i + 1}. ${title}`, '*Lead state: ']),
    ]);
    expect(md).toContain('### Training standards');
    expect(md).toContain(
      'Curricula are **binding** and *reviewed* every year; see [the OAS site](<https://www.oas.org/>).',
    );
    expect(md).toContain('- Human rights\n  - Use of force\n- Community policing');
    expect(md).toContain('1. Assess\n2. Train\n3. Certify');
    expect(md).toContain('| Measure | Deadline |\n| --- | --- |\n| Curriculum | 2027 |');
    expect(md).toContain('First line\\\nsecond line');
    // Cross-references go to the heading's id as Markdown viewers make it, not to raw HTML.
    expect(md).toContain('[See the victims section](<#3-attention-to-victims>)');
    expect(md).not.toMatch(/<a id=/);
  });

  it('DOCX is a Word file with heading styles, lists, tables, links and page numbers', async () => {
    const file = await exportAs('docx');
    expect(file.fileName).toBe('OEA-Ser.G-CSH-GT-DSS-4-11_2026-11-26.docx');
    const xml = await zipParts(file.body, /^word\/document\.xml$/);
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const styled = (style: string) =>
      paragraphs
        .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
        .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(styled('Title')).toEqual([expect.stringContaining('Hemispheric Plan of Action')]);
    // Section headings are numbered by Word ("1. "), as their paragraphs are ("1.1"): no number in their text.
    expect(styled('Heading1')).toEqual(['Goal of the plan', ...SECTION_TITLES]);
    expect(styled('Heading2')).toEqual(['Training standards']);
    const inPlanList = paragraphs.filter((p) =>
      /<w:pStyle w:val="(Heading1|NumberedParagraph)"\/>.*<w:numPr>/s.test(p),
    );
    expect(inPlanList.length).toBe(SECTION_TITLES.length + styled('NumberedParagraph').length);
    expect(styled('NumberedParagraph')).toContain('Peru proposes a regional curriculum for police training.');
    // The text's own lists: six items.
    expect(paragraphs.filter((p) => p.includes('<w:numPr>')).length - inPlanList.length).toBe(6);
    expect(xml.match(/<w:tbl>/g)?.length).toBe(2);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:anchor="s_');
    expect(xml).toContain('<w:bookmarkStart');
    expectInOrder(xml, ['PERMANENT COUNCIL', 'OEA/Ser.G', 'Original: Spanish', 'Goal of the plan', ...SECTION_TITLES]);
    const rels = await zipParts(file.body, /^word\/_rels\/document\.xml\.rels$/);
    expect(rels).toContain('Target="https://www.oas.org/"');
    const footer = await zipParts(file.body, /^word\/footer\d*\.xml$/);
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('a numbered list that continues a numbering keeps its first number in HTML, Markdown and Word', async () => {
    const item = (label: string) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }],
    });
    await appendRichText(prevention.room, coordinator('MEX').id, [
      { type: 'orderedList', attrs: { start: 4 }, content: [item('Monitor'), item('Report')] },
    ]);
    // In the victims section, a list carries on the one above it, after a paragraph.
    await appendRichText(victims.room, coordinator('BRA').id, [
      { type: 'orderedList', content: [item('Plan'), item('Fund'), item('Staff')] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Then, once the centres are open:' }] },
      { type: 'orderedList', attrs: { start: 4 }, content: [item('Evaluate'), item('Publish')] },
    ]);
    expect(text(await exportAs('html'))).toContain('<ol start="4"><li><p>Monitor</p></li><li><p>Report</p></li></ol>');
    expect(text(await exportAs('md'))).toContain('4. Monitor\n5. Report');

    const docx = (await exportAs('docx')).body;
    const xml = await zipParts(docx, /^word\/document\.xml$/);
    const numbering = await zipParts(docx, /^word\/numbering\.xml$/);
    const startOf = (label: string) => {
      const paragraph = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
        .map((m) => m[0])
        .find((p) => p.includes(`>${label}<`));
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph ?? '')?.[1];
      const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>[\\s\\S]*?</w:num>`).exec(numbering)?.[0];
      return Number(/<w:startOverride w:val="(\d+)"\/>/.exec(num ?? '')?.[1]);
    };
    expect(startOf('Monitor')).toBe(4);
    expect(startOf('Report')).toBe(4);
    expect(startOf('Assess')).toBe(1);
    // One Word list, numbered on: an item added above "Fund" in Word makes "Evaluate" 5.
    const numIdOf = (label: string) =>
      /<w:numId w:val="(\d+)"\/>/.exec(
        [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
          .map((m) => m[0])
          .find((p) => p.includes(`>${label}<`)) ?? '',
      )?.[1];
    expect(numIdOf('Evaluate')).toBe(numIdOf('Plan'));
    expect(numIdOf('Monitor')).not.toBe(numIdOf('Plan'));
    if (libreOfficeAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf(docxToPdfWithLibreOffice(docx)).text.replace(/\s+/g, ' ');
      expect(pdf).toContain('1. Plan 2. Fund 3. Staff');
      expect(pdf).toMatch(/Then, once the centres are open: 4\. Evaluate 5\. Publish/);
      expect(pdf).toContain('4. Monitor 5. Report');
    }
  });

  it.runIf(browserAvailable() && pdfToolsAvailable())(
    'PDF has the title, numbered pages, and the annex on a page of its own',
    async () => {
      const pdfText = async (annex: boolean) => {
        const file = await exportAs('pdf', { annex });
        expect(file.contentType).toBe('application/pdf');
        return readPdf(file.body);
      };
      const plain = await pdfText(false);
      expect(plain.text).toContain('HEMISPHERIC PLAN OF ACTION');
      expect(plain.text).toContain('5. International cooperation');
      // Every page says which it is; pdftotext ends each page with a form feed.
      const footers = (pdf: { text: string }) =>
        pdf.text
          .split('\f')
          .slice(0, -1)
          .map((page) => /Page (\d+) of (\d+)/.exec(page)?.slice(1).join('/'));
      expect(footers(plain)).toEqual(Array.from({ length: plain.pages }, (_, i) => `${i + 1}/${plain.pages}`));
      // The annex starts a page of its own and fits on it.
      const withAnnex = await pdfText(true);
      expect(withAnnex.pages).toBe(plain.pages + 1);
      expect(withAnnex.text.split('\f')[plain.pages]).toMatch(/^\s*Annex: contributions by state/);
      expect(footers(withAnnex).at(-1)).toBe(`${withAnnex.pages}/${withAnnex.pages}`);
    },
  );

  it('the annex gives each section its contributions by state', async () => {
    await appendRichText(police.room, coordinator('MEX').id, [
      { type: 'paragraph', content: [{ type: 'text', text: 'Mexico adds certification.' }] },
    ]);
    const doc = await compilePlan(t.db, { userId: observer.id, planId: plan.id, annex: true, language: 'en' });
    const table = doc.annex?.[0];
    expect(table?.kind).toBe('table');
    const cells =
      table?.kind === 'table' ? table.rows.map((row) => row.map((cell) => JSON.stringify(cell.blocks))) : [];
    expect(cells).toHaveLength(SECTION_TITLES.length + 1);
    expect(cells[1]![0]).toContain('1. Professionalisation of police forces');
    // Largest share first; each section's first sentence is its lead state's, written by its coordinator.
    expect(cells[1]![2]).toMatch(/Peru \d+%; Mexico \d+%/);
    expect(cells[3]![2]).toContain('Brazil 100%');
  });

  it('a named plan version exports exactly that version: its sections, their order, headings and text, and its document block', async () => {
    const db = t.db;
    const chair = plan.chair.id;
    const before = { md: text(await exportAs('md')), html: text(await exportAs('html')) };
    const version = await namePlanVersion(db, { userId: chair, planId: plan.id, name: 'Draft of 26 November' });

    await appendRichText(victims.room, coordinator('BRA').id, [
      { type: 'paragraph', content: [{ type: 'text', text: 'Written after the version was named.' }] },
    ]);
    await createSection(db, {
      actorId: chair,
      planId: plan.id,
      input: { title: 'Regional observatory', leadState: 'ARG', coEditingStates: [] },
    });
    await updateSection(db, {
      actorId: chair,
      sectionId: police.id,
      input: { title: 'Police reform', leadState: 'CHL', coEditingStates: ['BRA', 'URY'] },
    });
    await updateSection(db, { actorId: chair, sectionId: prevention.id, input: { frozen: true } });
    await deleteSection(db, { actorId: chair, sectionId: canada.id });
    const now = await db
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.planId, plan.id))
      .orderBy(asc(sections.position));
    await reorderSections(db, { actorId: chair, planId: plan.id, sectionIds: now.map((s) => s.id).reverse() });
    await updatePlanMetadata(db, {
      userId: chair,
      planId: plan.id,
      metadata: { ...METADATA, symbol: 'OEA/Ser.G CSH/GT/DSS-4/12', date: '2026-12-03' },
    });

    const current = text(await exportAs('md'));
    expectInOrder(current, [
      'CSH/GT/DSS-4/12',
      '## 1. Regional observatory',
      '## 5. Police reform',
      '*Lead state: Chile · Co-editing: Brazil and Uruguay*',
    ]);
    expect(current).toContain('Written after the version was named.');
    expect(current).not.toContain('Information systems and statistics');

    const file = await exportAs('md', { versionId: version.id });
    expect(file.fileName).toBe('OEA-Ser.G-CSH-GT-DSS-4-11_2026-11-26_Draft-of-26-November.md');
    expect(text(file)).toBe(before.md.replace(/(# Hemispheric[^\n]*\n\n)/, '$1*Version: Draft of 26 November*\n\n'));
    const html = text(await exportAs('html', { versionId: version.id }));
    expect(html).toBe(
      before.html.replace(
        /(<h1 class="title">[^\n]*<\/h1>)/,
        '$1\n<p class="version">Version: Draft of 26 November</p>',
      ),
    );
  });

  it('names the file of a plan without a document block after whole words of its title', async () => {
    const untitled = await buildPlan(t.db, {
      title: 'Hemispheric Plan of Action on Citizen Security and the Declaration of Lima',
    });
    const file = await exportPlan(t.db, { userId: untitled.chair.id, planId: untitled.id, format: 'md' });
    // 60 characters would end in "-Decla"; the name stops before the word that does not fit.
    expect(file.fileName).toBe('Hemispheric-Plan-of-Action-on-Citizen-Security-and-the.md');
  });

  it("refuses unknown formats and versions that are not the plan's", async () => {
    await expect(exportAs('odt')).rejects.toMatchObject({
      code: 'invalid',
      message: 'Choose Word, PDF, HTML or Markdown for the export.',
    });
    await expect(exportAs('md', { versionId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
