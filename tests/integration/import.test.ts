import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attributedRuns } from '../../lib/documents/change-runs';
import { documentHost } from '../../lib/documents/live-documents';
import type { Block } from '../../lib/export/blocks';
import { exportPlan } from '../../lib/export/export-plan';
import { compilePlan } from '../../lib/export/plan-document';
import { readBlocks } from '../../lib/export/read-blocks';
import { importDocx, MAX_IMPORT_BYTES } from '../../lib/import/import-docx';
import { createSection } from '../../lib/plans/create-section';
import { EDITOR_FIELD, sectionRoom } from '../../lib/shared/rooms';
import { listVersions } from '../../lib/versions/list-versions';
import { restoreVersion } from '../../lib/versions/restore-version';
import { buildMember, buildPlan, buildSection, type BuiltPlan, type BuiltSection, type BuiltUser } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { zipOf } from '../helpers/exported-files';
import { liveText } from '../helpers/live-text';
import { appendRichText, RICH_PASSAGE } from '../helpers/rich-text';
import { deflated, docx, documentXml } from '../helpers/zip-bombs';

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const sectionBlocks = (docId: string) =>
  documentHost().read(docId, (doc) =>
    readBlocks(doc.getXmlFragment(EDITOR_FIELD), {
      crossReference: () => null,
      cosponsoredBy: (names) => names.join(', '),
    }),
  );

describe('importing Word documents into a section', () => {
  const t = useCollabServer();
  type Who = 'jamaica' | 'mexico' | 'observer' | 'chair';
  let plan: BuiltPlan;
  const people = {} as Record<Who, BuiltUser>;
  let police: BuiltSection, canada: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    const peru = await buildMember(t.db, { plan, state: 'PER' });
    police = await buildSection(t.db, {
      plan,
      lead: peru,
      text: ['Peru proposes a regional curriculum for police training.'],
    });
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    await buildSection(t.db, { plan, lead: mexico, text: ['Mexico proposes municipal prevention programmes.'] });
    canada = await buildSection(t.db, { plan, lead: 'CAN', text: ['Canada proposes common indicators.'] });
    Object.assign(people, {
      mexico,
      jamaica: await buildMember(t.db, { plan, state: 'JAM' }),
      observer: await buildMember(t.db, { plan, role: 'observer' }),
      chair: plan.chair,
    });
    await appendRichText(police.room, peru.id, RICH_PASSAGE);
  });

  const importAs = (who: Who, sectionId: string, bytes: Uint8Array, fileName = 'draft.docx') =>
    importDocx(t.db, { userId: people[who].id, sectionId, fileName, bytes });

  it('round trip: an exported plan imported into a fresh section keeps its text, headings, lists and tables', async () => {
    const db = t.db;
    const source = await compilePlan(db, { userId: people.observer.id, planId: plan.id });
    const police = source.sections[0]!;
    const docx = await exportPlan(db, { userId: people.observer.id, planId: plan.id, format: 'docx' });
    const fresh = await createSection(db, {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { title: 'Imported draft', leadState: 'JAM', coEditingStates: [] },
    });

    const result = await importAs('jamaica', fresh.id, docx.body, docx.fileName);
    expect(result.notices).toEqual([]);

    const imported = await sectionBlocks(sectionRoom(fresh.id));
    const headingText = (b: Block) =>
      b.kind === 'heading' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : null;
    expect(imported.filter((b) => b.kind === 'heading' && b.level === 1).map(headingText)).toEqual([
      source.title,
      'Goal of the plan',
      // Word numbers the sections: their numbers are not text, and are not imported.
      ...source.sections.map((s) => s.title),
    ]);
    // The police section: its heading, the lead-state line, then exactly the blocks it was exported from.
    const start = imported.findIndex((b) => headingText(b) === police.title);
    const end = imported.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
    // Paragraph numbers are not imported as text: the section the text lands in numbers it anew.
    const unnumbered = police.blocks.map((block) => {
      const copy: Record<string, unknown> = { ...block };
      delete copy.number;
      return copy;
    });
    expect(imported.slice(start + 2, end)).toEqual(unnumbered);
    expect(police.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'list',
      'table',
      'paragraph',
    ]);

    // One change, attributed to the importer.
    const runs = await documentHost().read(sectionRoom(fresh.id), (doc, users) => attributedRuns(doc, users));
    expect(new Set(runs.map((r) => r.userId))).toEqual(new Set([people.jamaica.id]));
  });

  it('appends after the existing text, leaves images out with a notice, and can be undone by restoring the version before it', async () => {
    const db = t.db;
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('Jamaica adds focal points.'),
                new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } }),
              ],
            }),
          ],
        },
      ],
    });
    const before = await liveText(police.room);
    const result = await importAs('chair', police.id, new Uint8Array(await Packer.toBuffer(docx)), 'focal points.docx');
    expect(result).toEqual({ blocks: 1, notices: ['1 image was left out: plan text holds no images.'] });
    expect(await liveText(police.room)).toBe(`${before}\nJamaica adds focal points.`);

    const versions = await listVersions(db, { userId: plan.chair.id, docId: police.room });
    const previous = versions.find((v) => v.name === 'Before import of focal points.docx')!;
    await restoreVersion(db, { userId: plan.chair.id, docId: police.room, versionId: previous.id });
    expect(await liveText(police.room)).toBe(before);
  });

  it('refuses files that are not Word documents, damaged or too large, and people who may not write the section; nothing changes', async () => {
    const db = t.db;
    const docId = canada.room;
    const valid = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Canada imports.')] }] })),
    );
    const notDocx = await zipOf({ 'xl/workbook.xml': '<workbook/>' });
    const textBefore = await liveText(docId);
    const stateBefore = await documentHost().read(docId, (doc) => Y.encodeStateVector(doc));
    const versionsBefore = (await listVersions(db, { userId: plan.chair.id, docId })).length;

    await expect(
      importAs('chair', canada.id, new TextEncoder().encode('plain text, not a document')),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'file: not a Word document (.docx)',
    });
    await expect(
      importAs('chair', canada.id, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('old Word (.doc) file'),
    });
    await expect(importAs('chair', canada.id, valid.slice(0, valid.length / 2))).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('may be damaged'),
    });
    await expect(importAs('chair', canada.id, notDocx)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('could not be read'),
    });
    // Sizes that are not the parts' own (the zip bombs themselves are refused over HTTP: tests/e2e/import-limits.test.ts).
    const lying = docx({ ...deflated('word/document.xml', documentXml('Canada lies about sizes.')), declaredSize: 10 });
    await expect(importAs('chair', canada.id, lying)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('may be damaged'),
    });
    const twice = docx(documentXml('Canada, once.'), deflated('word/document.xml', documentXml('Canada, twice.')));
    await expect(importAs('chair', canada.id, twice)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('may be damaged'),
    });
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    huge.set(valid.slice(0, 4));
    await expect(importAs('chair', canada.id, huge)).rejects.toMatchObject({
      code: 'too_large',
      message: 'file: larger than 10 MB',
    });
    await expect(importAs('observer', canada.id, valid)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importAs('mexico', canada.id, valid)).rejects.toMatchObject({ code: 'forbidden' });

    expect(await liveText(docId)).toBe(textBefore);
    expect(await listVersions(db, { userId: plan.chair.id, docId })).toHaveLength(versionsBefore);
    expect(await documentHost().read(docId, (doc) => Y.encodeStateVector(doc))).toEqual(stateBefore);
  });
});
