import { getDb } from '../../../../../db';
import { AppError } from '../../../../../lib/errors';
import { fileTooLarge, importDocx, MAX_IMPORT_BYTES } from '../../../../../lib/import/import-docx';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** Room for the multipart envelope around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** POST multipart/form-data with the .docx in the field `file`. */
export function POST(req: Request, ctx: { params: Promise<{ sectionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    // Refused before the body is read, so an oversized upload is never held in memory.
    if (Number(req.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) {
      throw fileTooLarge();
    }
    const form = await req.formData().catch(() => {
      throw new AppError('invalid', 'body: expected multipart/form-data with a file field');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('invalid', 'file: missing; send the .docx in the form field "file"');
    return importDocx(await getDb(), { userId, sectionId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  });
}
