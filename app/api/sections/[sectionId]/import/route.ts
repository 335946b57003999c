import { getDb } from '../../../../../db';
import { appError } from '../../../../../lib/i18n/error-text';
import { importDocx } from '../../../../../lib/import/import-docx';
import { readUploadForm } from '../../../../../lib/import/read-upload';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** POST multipart/form-data with the .docx in the field `file`. */
export function POST(req: Request, ctx: { params: Promise<{ sectionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const file = (await readUploadForm(req)).get('file');
    if (!(file instanceof File)) throw appError('invalid', 'fileMissing');
    return importDocx(await getDb(), {
      userId,
      sectionId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  });
}
