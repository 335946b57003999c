import type { Db } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import type { AppError } from '../errors';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { EDITOR_FIELD, sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { saveVersion } from '../versions/save-version';
import { convertDocxToHtml } from './docx-to-html';
import { htmlToYjs } from './html-to-yjs';
import { createTurns } from './in-turn';

/** Largest file accepted: the whole upload is held in memory while it is converted. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function fileTooLarge(): AppError {
  return appError('too_large', 'fileTooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
}

export type ImportResult = { blocks: number; notices: string[] };

/** Conversions of this process, one at a time. */
const inTurn = createTurns();

/**
 * Appends a Word document to a section, for whoever may write the section. The import is one change
 * by the importer, live for everyone connected; the version saved just before it undoes it.
 */
export async function importDocx(
  db: Db,
  options: { userId: string; sectionId: string; fileName: string; bytes: Uint8Array },
): Promise<ImportResult> {
  const docId = sectionRoom(options.sectionId);
  const target = await documentTarget(db, docId);
  if (!target.section) throw appError('not_found', 'sectionNotFound');
  await authorize(db, {
    userId: options.userId,
    planId: target.planId,
    action: { type: 'section.write', section: target.section },
  });
  if (options.bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge();

  const { nodes, imagesDropped } = await inTurn(async () => {
    const { html, imagesDropped } = await convertDocxToHtml(options.bytes);
    return { nodes: htmlToYjs(html), imagesDropped };
  });
  if (!nodes.length) throw appError('invalid', 'docxNoText');

  const fileName = options.fileName.slice(0, 120);
  const host = documentHost();
  await host.read(docId, (doc, users) =>
    saveVersion(db, { docId, doc, users, kind: 'auto', name: `Before import of ${fileName}` }),
  );
  await host.change(docId, options.userId, (copy) => {
    const fragment = copy.getXmlFragment(EDITOR_FIELD);
    fragment.insert(fragment.length, nodes);
  });
  await recordAudit(db, {
    planId: target.planId,
    actorId: options.userId,
    action: 'section.imported',
    target: `section:${options.sectionId}`,
    after: { fileName, blocks: nodes.length, imagesDropped },
  });
  const notices = imagesDropped
    ? [`${imagesDropped} image${imagesDropped === 1 ? ' was' : 's were'} left out: plan text holds no images.`]
    : [];
  return { blocks: nodes.length, notices };
}
