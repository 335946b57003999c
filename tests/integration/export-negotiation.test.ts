import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { documentHost } from '../../lib/documents/live-documents';
import { actOnAmendment } from '../../lib/negotiation/act-on-amendment';
import { proposeAmendment } from '../../lib/negotiation/propose-amendment';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
import type { ParagraphStatusInput } from '../../lib/shared/paragraph-status';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { browserAvailable } from '../helpers/browser';
import { useCollabServer } from '../helpers/collab-fixture';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';

const BRACKETED = 'States shall train police officers in human rights.';
const AD_REF = 'Training is evaluated every two years.';
const AGREED = 'The plan is reviewed by the working group.';

describe('exports show paragraph status and the pending amendments', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(t.db, { phase: 'consolidation' });
    peru = await buildMember(t.db, { plan, state: 'PER' });
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    brazil = await buildMember(t.db, { plan, state: 'BRA' });
    await buildMember(t.db, { plan, state: 'CAN' });
    police = await buildSection(t.db, { plan, lead: peru, text: [BRACKETED, AD_REF, AGREED] });
    // Read the positions from the live document, as the editor does.
    const place = (words: string, length = 0) =>
      documentHost().read(police.room, (doc) => {
        const text = doc
          .getXmlFragment(EDITOR_FIELD)
          .toArray()
          .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
          .find((x) => x.toString().includes(words))!;
        const at = text.toString().indexOf(words);
        const encode = (index: number, assoc: number) =>
          Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString(
            'base64',
          );
        return { from: encode(at, 0), to: encode(at + (length || words.length), -1) };
      });
    const status = async (words: string, value: ParagraphStatusInput['status'], adRefStates: string[] = []) =>
      setParagraphStatus(t.db, {
        userId: plan.chair.id,
        sectionId: police.id,
        input: { at: (await place(words)).from, status: value, adRefStates },
      });
    const amendment = await proposeAmendment(t.db, {
      userId: mexico.id,
      sectionId: police.id,
      input: { kind: 'replace', ...(await place('shall')), text: 'should', justification: 'Plans recommend.' },
    });
    await actOnAmendment(t.db, { userId: brazil.id, amendmentId: amendment.id, action: { action: 'cosponsor' } });
    await status(BRACKETED, 'bracketed');
    await status(AD_REF, 'ad_referendum', ['CAN']);
    await status(AGREED, 'agreed');
  });

  afterAll(async () => {
    await closePdfBrowsers();
  });

  const exportAs = (format: string, language = 'en') =>
    exportPlan(t.db, { userId: peru.id, planId: plan.id, format, language });
  const text = (file: { body: Uint8Array }) => Buffer.from(file.body).toString('utf8');

  it('HTML and Markdown put bracketed text in brackets, name the states holding text ad referendum, and print agreed text clean', async () => {
    const html = text(await exportAs('html'));
    expect(html).toContain(`[${BRACKETED}]`);
    expect(html).toContain(`${AD_REF} <em>(agreed ad referendum: Canada)</em>`);
    expect(html).toMatch(new RegExp(`</span> ${AGREED}</p>`));
    const md = text(await exportAs('md'));
    expect(md).toMatch(/1\\\.1 \\\[States shall train police officers in human rights\.\\\]/);
    expect(md).toContain('*(agreed ad referendum: Canada)*');
    expect(md).toMatch(/1\\\.3 The plan is reviewed by the working group\.\n/);
  });

  it('every format carries the annex of pending amendments, in the export language', async () => {
    const html = text(await exportAs('html'));
    expect(html).toContain('Annex: pending amendments');
    for (const cell of ['Mexico', 'Brazil', '1.1', 'Replace “shall” with “should”', 'Plans recommend.'])
      expect(html).toContain(`<td><p>${cell}</p></td>`);
    const md = text(await exportAs('md'));
    expect(md).toContain('## Annex: pending amendments');
    expect(md).toMatch(/\| 1 \| Mexico \| Brazil \| 1\\?\.1 \| Replace “shall” with “should” \| Plans recommend\. \|/);
    const docx = await zipParts((await exportAs('docx')).body, /^word\/document\.xml$/);
    for (const words of [
      'Annex: pending amendments',
      '[',
      'Replace “shall” with “should”',
      '(agreed ad referendum: Canada)',
    ])
      expect(docx).toContain(words);
    // Word carries the pending amendment as a tracked change authored by its sponsor state.
    expect(docx).toMatch(
      /<w:del w:id="2" w:author="Mexico" w:date="[^"]+"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>shall<\/w:delText>/,
    );
    expect(docx).toMatch(
      /<w:ins w:id="3" w:author="Mexico" w:date="[^"]+"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>should<\/w:t>/,
    );
    // In the numbered paragraph 1.1 (Word's number: level 1 of the plan's list).
    const amended = [...docx.matchAll(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs)]
      .map((m) => m[0])
      .find((p) => p.includes('>shall</w:delText>'));
    expect(amended).toContain('<w:pStyle w:val="NumberedParagraph"/>');
    expect(amended).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/);
    expect(docx.replace(/<[^>]+>/g, '')).toContain('[States shallshould train');
    const spanish = text(await exportAs('html', 'es'));
    expect(spanish).toContain('Anexo: enmiendas pendientes');
    expect(spanish).toContain('Sustituir «shall» por «should»');
    expect(spanish).toContain('(acordado ad referéndum: Canadá)');
    if (browserAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf((await exportAs('pdf')).body).text.replace(/\s+/g, ' ');
      expect(pdf).toContain('[States shall train');
      expect(pdf).toContain('(agreed ad referendum: Canada)');
      expect(pdf).toContain('Annex: pending amendments');
    }
  });
});
