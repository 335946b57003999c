import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepWording, replaceWithReference } from '../../lib/consolidation/resolution-edits';
import { documentHost } from '../../lib/documents/live-documents';
import { numberedParagraphs } from '../../lib/documents/paragraphs';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
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
import { passageOf } from '../helpers/paragraphs';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { docxToPdfWithLibreOffice, libreOfficeAvailable } from '../helpers/libreoffice';
import type * as decoding from 'lib0/decoding';
import { afterAll } from 'vitest';
import { AMENDMENTS_MESSAGE, readAmendmentsMessage } from '../../lib/shared/app-messages';
import type { SectionNumbering } from '../../lib/shared/paragraph-numbers';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { proposeAmendment } from '../../lib/negotiation/propose-amendment';
import { readSectionNegotiation } from '../../lib/negotiation/section-negotiation';

const text = (file: { body: Uint8Array }) => Buffer.from(file.body).toString('utf8');

describe('numbered paragraphs in the compiled plan', () => {
  // Open pages' numbers are worked out again this often (push/renumbering.ts).
  const t = useCollabServer({ COLLAB_ACTIVITY_MS: '200' });
  let plan: BuiltPlan;
  let peru: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection;
  const mergeId = randomUUID();

  beforeAll(async () => {
    plan = await buildPlan(t.db, {});
    peru = await buildMember(t.db, { plan, state: 'PER' });
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    police = await buildSection(t.db, {
      plan,
      lead: peru,
      text: ['Train police in human rights.', 'Create a regional police academy.'],
    });
    prevention = await buildSection(t.db, {
      plan,
      lead: mexico,
      text: ['Fund municipal prevention programmes.', 'A regional academy for police.'],
    });
    // The chair merges: Peru's second paragraph is kept, Mexico's becomes a reference to it.
    const host = documentHost();
    await host.change(police.room, plan.chair.id, (copy) =>
      keepWording(
        numberedParagraphs(copy)[1]!.element,
        'Create a regional police academy.',
        ['Peru', 'Mexico'],
        mergeId,
      ),
    );
    await host.change(prevention.room, plan.chair.id, (copy) =>
      replaceWithReference(numberedParagraphs(copy)[1]!.element, {
        before: 'See ',
        link: '1.2',
        href: `/plans/${plan.id}/sections/${police.id}#merged-${mergeId}`,
        after: '.',
      }),
    );
  });

  afterAll(async () => {
    await closePdfBrowsers();
  });

  const exportAs = (format: string) => exportPlan(t.db, { userId: peru.id, planId: plan.id, format });

  /** The passage `words` of a section's live text, as the editor sends a selection. */
  const passage = (room: string, words: string) => documentHost().read(room, (doc) => passageOf(doc, words));

  it("numbers each section's paragraphs in HTML and Markdown, and the reference names its paragraph", async () => {
    const html = text(await exportAs('html'));
    expect(html).toContain('<span class="paragraph-number">1.1</span> Train police');
    expect(html).toContain('<span class="paragraph-number">1.2</span> Create a regional');
    expect(html).toContain('<span class="paragraph-number">2.1</span> Fund municipal');
    expect(html).toMatch(/<span class="paragraph-number">2\.2<\/span> See <a href="#s_[0-9a-f]+">1\.2<\/a>\./);
    const md = text(await exportAs('md'));
    // Markdown escapes the number's dot, so "1.1" never starts a list.
    expect(md).toContain('1\\.1 Train police');
    expect(md).toContain('2\\.1 Fund municipal');
    // Markdown links to the section's heading by the anchor renderers give it.
    expect(md).toMatch(/2\\\.2 See \[1\.2\]\(<#1-section-[0-9a-z]+>\)\./);
  });

  it('numbers paragraphs in Word with its own numbering, in a hanging indent', async () => {
    const docx = (await exportAs('docx')).body;
    const xml = await zipParts(docx, /^word\/document\.xml$/);
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
      xml: m[0],
      text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((r) => r[1]).join(''),
    }));
    // The number is Word's (level 1 of the plan's list, "%1.%2"), not typed into the text.
    const numbered = paragraphs.find((p) => p.text === 'Train police in human rights.')!;
    expect(numbered.xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(paragraphs.map((p) => p.text)).toContain('See 1.2.');
    const numbering = await zipParts(docx, /^word\/numbering\.xml$/);
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="1"[^>]*>.*?<w:lvlText w:val="%1\.%2"\/>.*?<w:ind w:left="720" w:hanging="720"\/>/s,
    );
    if (libreOfficeAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf(docxToPdfWithLibreOffice(docx)).text;
      expect(pdf).toMatch(/1\.1\s+Train police/);
      expect(pdf).toMatch(/2\.2\s+See 1\.2\./);
    }
  });

  it.runIf(browserAvailable() && pdfToolsAvailable())('numbers paragraphs in the PDF', async () => {
    const pdf = readPdf((await exportAs('pdf')).body).text;
    expect(pdf).toMatch(/1\.1\s+Train police/);
    expect(pdf).toMatch(/2\.2\s+See 1\.2\./);
  });

  it('renumbers when a paragraph is inserted above, and the reference follows its paragraph', async () => {
    await documentHost().change(police.room, peru.id, (copy) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Adopt a regional code of conduct.')]);
      copy.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    });
    const html = text(await exportAs('html'));
    expect(html).toContain('<span class="paragraph-number">1.1</span> Adopt a regional');
    expect(html).toContain('<span class="paragraph-number">1.3</span> Create a regional');
    expect(html).toMatch(/See <a href="#s_[0-9a-f]+">1\.3<\/a>\./);
    expect(text(await exportAs('md'))).toMatch(/See \[1\.3\]/);
  });

  it('the chair numbers the plan continuously: statuses, amendments, references and every export follow, and back', async () => {
    const metadata = {
      council: '',
      committee: '',
      workingGroup: '',
      symbol: '',
      date: null,
      originalLanguage: 'en' as const,
    };
    // Only the chair switches.
    await expect(
      updatePlanMetadata(t.db, {
        userId: peru.id,
        planId: plan.id,
        metadata: { ...metadata, numbering: 'continuous' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await updatePlanMetadata(t.db, {
      userId: plan.chair.id,
      planId: plan.id,
      metadata: { ...metadata, numbering: 'continuous' },
    });
    // Peru's section has three paragraphs now (one inserted above): Mexico's start at 4.
    const html = text(await exportAs('html'));
    expect(html).toContain('<span class="paragraph-number">1</span> Adopt a regional');
    expect(html).toContain('<span class="paragraph-number">3</span> Create a regional');
    expect(html).toContain('<span class="paragraph-number">4</span> Fund municipal');
    expect(html).toMatch(/<span class="paragraph-number">5<\/span> See <a href="#s_[0-9a-f]+">3<\/a>\./);
    expect(text(await exportAs('md'))).toMatch(/5 See \[3\]/);
    // Word numbers the paragraphs as one list of their own, which the section headings do not restart.
    const docx = (await exportAs('docx')).body;
    const xml = await zipParts(docx, /^word\/document\.xml$/);
    expect(xml.replace(/<[^>]+>/g, '')).toContain('See 3.');
    const wordLists = await zipParts(docx, /^word\/numbering\.xml$/);
    expect(wordLists).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:lvlText w:val="%1"\/>/s);
    if (libreOfficeAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf(docxToPdfWithLibreOffice(docx)).text;
      expect(pdf).toMatch(/\b4\s+Fund municipal/);
      expect(pdf).toMatch(/\b5\s+See 3\./);
      expect(pdf).not.toMatch(/2\.1\s+Fund municipal/);
    }
    // Akoma Ntoso keeps its eIds by section and paragraph, and prints the plan's number.
    expect(text(await exportAs('akn'))).toMatch(/<paragraph eId="sec_2__para_1"><num>4<\/num>/);

    // What pages list follows too: paragraph rows, and the paragraph an amendment stands in.
    const negotiation = await readSectionNegotiation(t.db, { userId: peru.id, sectionId: prevention.id });
    expect(negotiation.numbering).toEqual({ section: 2, continuousFrom: 3 });
    expect(negotiation.paragraphs.map((p) => p.paragraph)).toEqual(['4', '5']);
    // The editor is told the number its reference stands for now, to show in place of the merge's words.
    expect(negotiation.references).toEqual({ [mergeId]: '3' });
    const amendment = await proposeAmendment(t.db, {
      userId: peru.id,
      sectionId: prevention.id,
      input: { kind: 'replace', ...(await passage(prevention.room, 'municipal')), text: 'local', justification: '' },
    });
    expect(amendment.paragraph).toBe('4');

    // Mexico's page, open, is told when a paragraph added to Peru's section moves its numbers.
    const page = openProvider(t.server.url, prevention.room, peru.cookie);
    const told: Array<{ numbering: SectionNumbering; references: Record<string, string> }> = [];
    page.provider.messageHandlers[AMENDMENTS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      told.push(readAmendmentsMessage(decoder) as (typeof told)[number]);
    };
    await waitForSync(page.provider);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await documentHost().change(police.room, peru.id, (copy) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Vet recruits before training.')]);
      copy.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    });
    await eventually(() =>
      expect(told.at(-1)).toMatchObject({
        numbering: { section: 2, continuousFrom: 4 },
        references: { [mergeId]: '4' },
      }),
    );
    page.provider.destroy();
    await documentHost().change(police.room, peru.id, (copy) => copy.getXmlFragment(EDITOR_FIELD).delete(0, 1));

    await updatePlanMetadata(t.db, { userId: plan.chair.id, planId: plan.id, metadata });
    expect(text(await exportAs('html'))).toContain('<span class="paragraph-number">2.1</span> Fund municipal');
    expect((await readSectionNegotiation(t.db, { userId: peru.id, sectionId: prevention.id })).references).toEqual({
      [mergeId]: '1.3',
    });
    expect(
      (await readSectionNegotiation(t.db, { userId: peru.id, sectionId: prevention.id })).paragraphs[0]!.paragraph,
    ).toBe('2.1');
  });
});
