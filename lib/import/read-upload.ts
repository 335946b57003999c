import { appError } from '../i18n/error-text';
import { fileTooLarge, MAX_IMPORT_BYTES } from './import-docx';

/** Room for the multipart envelope around the file: boundaries, headers, the file name. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The form of a .docx upload, read as it arrives and abandoned with a 413 as soon as it grows past the
 * largest file accepted, so that an oversized upload is never held in memory, whether or not the client
 * declared its length (a chunked upload does not).
 */
export async function readUploadForm(req: Request): Promise<FormData> {
  const limit = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;
  if (Number(req.headers.get('content-length') ?? 0) > limit) throw fileTooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += chunk.value.byteLength;
      if (received > limit) {
        await reader.cancel();
        throw fileTooLarge();
      }
      chunks.push(chunk.value);
    }
  }
  // The bytes read, parsed by the platform's own multipart reader.
  const form = new Response(Buffer.concat(chunks), {
    headers: { 'content-type': req.headers.get('content-type') ?? '' },
  });
  return form.formData().catch(() => {
    throw appError('invalid', 'uploadForm');
  });
}
