import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { documentHost } from '../../lib/documents/live-documents';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { listParagraphStatuses } from '../../lib/negotiation/paragraph-statuses';
import { recordReservation, withdrawReservation } from '../../lib/negotiation/record-reservation';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
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

const OPEN = 'States exchange information on training.';
const AGREED = 'States shall train police officers in human rights.';
const CANADA_SAYS = 'Canada cannot accept a binding obligation on training.';

describe('reservations on agreed paragraphs, as footnotes in every export', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember, canada: BuiltMember, mexico: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;

  /** A place in the paragraph holding `words`, as the editor and the status panel send it. */
  const at = (words: string) =>
    documentHost().read(police.room, (doc) => {
      const text = doc
        .getXmlFragment(EDITOR_FIELD)
        .toArray()
        .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
        .find((x) => x.toString().includes(words))!;
      const place = Y.createRelativePositionFromTypeIndex(text, text.toString().indexOf(words), 0);
      return Buffer.from(Y.encodeRelativePosition(place)).toString('base64');
    });
  const reserve = async (who: { id: string }, words: string, text: string) =>
    recordReservation(t.db, { userId: who.id, sectionId: police.id, input: { at: await at(words), text } });

  beforeAll(async () => {
    plan = await buildPlan(t.db, { phase: 'consolidation' });
    peru = await buildMember(t.db, { plan, state: 'PER' });
    canada = await buildMember(t.db, { plan, state: 'CAN' });
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    police = await buildSection(t.db, { plan, lead: peru, text: [OPEN, AGREED] });
    await setParagraphStatus(t.db, {
      userId: plan.chair.id,
      sectionId: police.id,
      input: { at: await at(AGREED), status: 'agreed', adRefStates: [] },
    });
  });

  afterAll(async () => {
    await closePdfBrowsers();
  });

  it('a coordinator records their state’s reservation on an agreed paragraph only; the chair sees it listed; it is audited', async () => {
    await expect(reserve(canada, OPEN, CANADA_SAYS)).rejects.toMatchObject({ code: 'conflict' });
    await expect(reserve(observer, AGREED, 'No.')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(reserve(plan.chair, AGREED, 'No.')).rejects.toMatchObject({ code: 'forbidden' });

    await reserve(canada, AGREED, 'A first wording.');
    await reserve(canada, AGREED, CANADA_SAYS);
    await reserve(mexico, AGREED, 'Mexico will apply it as its law allows.');
    const rows = await listParagraphStatuses(t.db, { userId: plan.chair.id, sectionId: police.id });
    expect(rows).toMatchObject([
      { paragraph: '1.1', reservations: [] },
      {
        paragraph: '1.2',
        status: 'agreed',
        reservations: [
          { state: 'CAN', text: CANADA_SAYS },
          { state: 'MEX', text: 'Mexico will apply it as its law allows.' },
        ],
      },
    ]);

    const audit = await t.db
      .select({ actorId: auditLog.actorId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.planId, plan.id), eq(auditLog.action, 'paragraph.reserved')));
    expect(audit).toHaveLength(3);
    expect(audit[1]).toEqual({
      actorId: canada.id,
      before: { stateCode: 'CAN', paragraph: '1.2', text: 'A first wording.' },
      after: { stateCode: 'CAN', paragraph: '1.2', text: CANADA_SAYS },
    });
  });

  it('every export prints each reservation as a footnote to its paragraph, in the export’s language', async () => {
    const exportAs = async (format: string, language = 'en') =>
      (await exportPlan(t.db, { userId: observer.id, planId: plan.id, format, language })).body;
    const canadaNote = `The delegation of Canada reserves its position on paragraph 1.2: ${CANADA_SAYS}`;

    // Word: real footnotes, referred to from the paragraph's own run.
    const docx = await exportAs('docx');
    const body = await zipParts(docx, /^word\/document\.xml$/);
    const notes = await zipParts(docx, /^word\/footnotes\.xml$/);
    const paragraph = body.split('<w:p>').find((p) => p.includes('States shall train'))!;
    expect(paragraph).toMatch(/<w:footnoteReference w:id="1"\/>.*<w:footnoteReference w:id="2"\/>/);
    expect(notes.replace(/<[^>]+>/g, '')).toContain(canadaNote);
    expect(notes).toMatch(/<w:footnote w:id="2">.*The delegation of Mexico reserves its position on paragraph 1\.2/);

    const html = Buffer.from(await exportAs('html')).toString('utf8');
    expect(html).toMatch(
      /States shall train police officers in human rights\.<sup class="note-mark"><a href="#note-1"[^>]*>1<\/a><\/sup><sup class="note-mark"><a href="#note-2"/,
    );
    expect(html).toContain(`<li id="note-1" value="1" role="doc-endnote">${canadaNote}</li>`);

    const md = Buffer.from(await exportAs('md')).toString('utf8');
    expect(md).toMatch(/1\\\.2 States shall train police officers in human rights\.\[\^1\]\[\^2\]\n/);
    expect(md).toContain(`[^1]: ${canadaNote}`);

    const spanish = Buffer.from(await exportAs('md', 'es')).toString('utf8');
    expect(spanish).toContain(`[^1]: La delegación de Canadá reserva su posición sobre el párrafo 1.2: ${CANADA_SAYS}`);
    const french = Buffer.from(await exportAs('html', 'fr')).toString('utf8');
    expect(french).toContain('Mexique – réserve de position sur le paragraphe 1.2 :');

    if (browserAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf(await exportAs('pdf')).text.replace(/\s+/g, ' ');
      expect(pdf).toContain('Notes');
      expect(pdf).toContain(canadaNote);
    }
  });

  it('a state withdraws its own reservation, and the footnotes renumber', async () => {
    await expect(
      withdrawReservation(t.db, { userId: peru.id, sectionId: police.id, at: await at(AGREED) }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const rows = await withdrawReservation(t.db, { userId: canada.id, sectionId: police.id, at: await at(AGREED) });
    expect(rows[1]!.reservations.map((r) => r.state)).toEqual(['MEX']);
    const md = Buffer.from(
      (await exportPlan(t.db, { userId: observer.id, planId: plan.id, format: 'md', language: 'en' })).body,
    ).toString('utf8');
    expect(md).toContain('[^1]: The delegation of Mexico');
    expect(md).not.toContain('[^2]');
  });
});
