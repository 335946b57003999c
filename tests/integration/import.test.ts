import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attributedRuns } from '../../lib/documents/history';
import { documentHost } from '../../lib/documents/host';
import { documentText } from '../../lib/documents/paragraphs';
import type { Block } from '../../lib/export/blocks';
import { exportPlan } from '../../lib/export/export-plan';
import { compilePlan } from '../../lib/export/plan-document';
import { readBlocks } from '../../lib/export/read-blocks';
import { importDocx, MAX_IMPORT_BYTES } from '../../lib/import/import-docx';
import { createSection } from '../../lib/plans/sections';
import { EDITOR_FIELD, sectionRoom } from '../../lib/shared/rooms';
import { listVersions, restoreVersion } from '../../lib/versions/versions';
import { useCollabServer } from '../helpers/collab-fixture';
import { zipOf } from '../helpers/exported-files';
import { appendRichText, RICH_PASSAGE } from '../helpers/rich-text';
import { deflated, docx, documentXml } from '../helpers/zip-bombs';

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const sectionBlocks = (docId: string) => documentHost().read(docId, (doc) => readBlocks(doc.getXmlFragment(EDITOR_FIELD), { crossReference: () => null }));
const sectionText = (docId: string) => documentHost().read(docId, (doc) => documentText(doc));

describe('importing Word documents into a section', () => {
  const t = useCollabServer();

  beforeAll(async () => {
    await appendRichText(t.plan.police.room, t.plan.ids.peru, RICH_PASSAGE);
  });

  const importAs = (who: 'jamaica' | 'mexico' | 'observer' | 'chair', sectionId: string, bytes: Uint8Array, fileName = 'draft.docx') =>
    importDocx(t.server.database.db, { userId: t.plan.ids[who], sectionId, fileName, bytes });

  it('round trip: an exported plan imported into a fresh section keeps its text, headings, lists and tables', async () => {
    const db = t.server.database.db;
    const source = await compilePlan(db, { userId: t.plan.ids.observer, planId: t.plan.planId });
    const police = source.sections[0]!;
    const docx = await exportPlan(db, { userId: t.plan.ids.observer, planId: t.plan.planId, format: 'docx' });
    const fresh = await createSection(db, { actorId: t.plan.ids.chair, planId: t.plan.planId, input: { title: 'Imported draft', leadState: 'JAM', coEditingStates: [] } });

    const result = await importAs('jamaica', fresh.id, docx.body, docx.fileName);
    expect(result.notices).toEqual([]);

    const imported = await sectionBlocks(sectionRoom(fresh.id));
    const headingText = (b: Block) => (b.kind === 'heading' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : null);
    expect(imported.filter((b) => b.kind === 'heading' && b.level === 1).map(headingText)).toEqual([
      source.title,
      'Goal of the plan',
      ...source.sections.map((s) => `${s.number}. ${s.title}`),
    ]);
    // The police section: its heading, the lead-state line, then exactly the blocks it was exported from.
    const start = imported.findIndex((b) => headingText(b) === `1. ${police.title}`);
    const end = imported.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
    expect(imported.slice(start + 2, end)).toEqual(police.blocks);
    expect(police.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'list', 'table', 'paragraph']);

    // One change, attributed to the importer.
    const runs = await documentHost().read(sectionRoom(fresh.id), (doc, users) => attributedRuns(doc, users));
    expect(new Set(runs.map((r) => r.userId))).toEqual(new Set([t.plan.ids.jamaica]));
  });

  it('appends after the existing text, leaves images out with a notice, and can be undone by restoring the version before it', async () => {
    const db = t.server.database.db;
    const docx = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('Jamaica adds focal points.'), new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] })] }],
    });
    const before = await sectionText(t.plan.police.room);
    const result = await importAs('chair', t.plan.police.id, new Uint8Array(await Packer.toBuffer(docx)), 'focal points.docx');
    expect(result).toEqual({ blocks: 1, notices: ['1 image was left out: plan text holds no images.'] });
    expect(await sectionText(t.plan.police.room)).toBe(`${before}\nJamaica adds focal points.`);

    const versions = await listVersions(db, { userId: t.plan.ids.chair, docId: t.plan.police.room });
    const previous = versions.find((v) => v.name === 'Before import of focal points.docx')!;
    await restoreVersion(db, { userId: t.plan.ids.chair, docId: t.plan.police.room, versionId: previous.id });
    expect(await sectionText(t.plan.police.room)).toBe(before);
  });

  it('refuses files that are not Word documents, damaged or too large, and people who may not write the section; nothing changes', async () => {
    const db = t.server.database.db;
    const docId = t.plan.canada.room;
    const valid = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Canada imports.')] }] })));
    const notDocx = await zipOf({ 'xl/workbook.xml': '<workbook/>' });
    const textBefore = await sectionText(docId);
    const stateBefore = await documentHost().read(docId, (doc) => Y.encodeStateVector(doc));
    const versionsBefore = (await listVersions(db, { userId: t.plan.ids.chair, docId })).length;

    await expect(importAs('chair', t.plan.canada.id, new TextEncoder().encode('plain text, not a document'))).rejects.toMatchObject({
      code: 'invalid',
      message: 'file: not a Word document (.docx)',
    });
    await expect(importAs('chair', t.plan.canada.id, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('old Word (.doc) file'),
    });
    await expect(importAs('chair', t.plan.canada.id, valid.slice(0, valid.length / 2))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('may be damaged') });
    await expect(importAs('chair', t.plan.canada.id, notDocx)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('could not be read') });
    // Sizes that are not the parts' own (the zip bombs themselves are refused over HTTP: tests/e2e/import-limits.test.ts).
    const lying = docx({ ...deflated('word/document.xml', documentXml('Canada lies about sizes.')), declaredSize: 10 });
    await expect(importAs('chair', t.plan.canada.id, lying)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('may be damaged') });
    const twice = docx(documentXml('Canada, once.'), deflated('word/document.xml', documentXml('Canada, twice.')));
    await expect(importAs('chair', t.plan.canada.id, twice)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('may be damaged') });
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    huge.set(valid.slice(0, 4));
    await expect(importAs('chair', t.plan.canada.id, huge)).rejects.toMatchObject({ code: 'too_large', message: 'file: larger than 10 MB' });
    await expect(importAs('observer', t.plan.canada.id, valid)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importAs('mexico', t.plan.canada.id, valid)).rejects.toMatchObject({ code: 'forbidden' });

    expect(await sectionText(docId)).toBe(textBefore);
    expect(await listVersions(db, { userId: t.plan.ids.chair, docId })).toHaveLength(versionsBefore);
    expect(await documentHost().read(docId, (doc) => Y.encodeStateVector(doc))).toEqual(stateBefore);
  });
});
