import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors';
import { appError } from '../i18n/error-text';

/**
 * What unpacking one uploaded .docx may cost. The upload itself is at most 10 MB, but deflate packs up to
 * about 1,000 to 1 and an archive's declared sizes can lie, so each bound is enforced on the bytes
 * actually inflated, while they stream.
 */
export const DOCX_LIMITS = {
  /**
   * Total bytes inflated from the archive. Bounds the memory of the unpacked parts and, through them,
   * mammoth's work: it holds about 50 times the XML it converts (16 MB of document XML peak at about
   * 0.9 GB and take 7 s), so the bound sits well above any plan section (a 300-page report's XML is
   * 5–10 MB) and well below what would starve the process.
   */
  maxUnpackedBytes: 20 * 1024 * 1024,
  /**
   * Inflated bytes per compressed byte of one part, beyond its first `ratioGraceBytes`. Word's XML packs
   * 5–15 to 1, generated XML up to about 90 to 1; a zip bomb packs about 1,000 to 1 and is stopped after
   * a small multiple of its own size rather than at the total.
   */
  maxRatio: 200,
  /** Bytes of a part inflated before its ratio is judged: tiny parts (an empty footer) pack at any ratio. */
  ratioGraceBytes: 1024 * 1024,
  /** Entries in the archive, read or not: a Word document has a few dozen, one per image beyond that. */
  maxEntries: 1000,
} as const;

/** Parts a conversion reads: XML and the relationships between parts. Images and embedded files are never inflated. */
const CONVERTED_PART = /\.(xml|rels)$/i;

/** Word never writes a document type, and one is how XML declares entities that expand (billion laughs). */
const DOCTYPE_OR_ENTITY = /<!\s*(DOCTYPE|ENTITY)/i;

const damaged = () => appError('invalid', 'docxDamaged');

/**
 * The XML parts of a .docx, inflated under `DOCX_LIMITS` from the archive's central directory (the index Word
 * and every other reader use). Refuses with 413 as soon as the archive goes past a limit, before the
 * rest is inflated, and with 400 when a part declares XML entities or sizes that are not its own.
 */
export async function readDocxParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await yauzl
    .fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      // Declared sizes are checked against what inflates, here, after the limits: a bomb that lies about
      // its size then meets a limit (413) before it meets the lie.
      validateEntrySizes: false,
    })
    .catch(() => {
      throw damaged();
    });
  const parts = new Map<string, Buffer>();
  const budget = { left: DOCX_LIMITS.maxUnpackedBytes };
  let entries = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++entries > DOCX_LIMITS.maxEntries) {
        // A string, not a number: ICU would group its digits ("1,000") and the English would change.
        throw appError('too_large', 'docxTooManyParts', { max: String(DOCX_LIMITS.maxEntries) });
      }
      if (entry.fileName.endsWith('/') || !CONVERTED_PART.test(entry.fileName)) continue;
      if (parts.has(entry.fileName)) throw damaged();
      const part = await inflateEntry(zip, entry, budget);
      if (DOCTYPE_OR_ENTITY.test(part.toString('latin1'))) {
        throw appError('invalid', 'docxUnsafe', { part: entry.fileName });
      }
      parts.set(entry.fileName, part);
    }
  } catch (error) {
    throw error instanceof AppError ? error : damaged();
  } finally {
    zip.close();
  }
  return parts;
}

async function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): Promise<Buffer> {
  const tooLarge = () =>
    appError('too_large', 'docxUnpacksTooLarge', { mb: DOCX_LIMITS.maxUnpackedBytes / 1024 / 1024 });
  const tooPacked = () => appError('too_large', 'docxZipBomb', { part: entry.fileName, ratio: DOCX_LIMITS.maxRatio });
  const ratioCap = Math.max(DOCX_LIMITS.ratioGraceBytes, DOCX_LIMITS.maxRatio * entry.compressedSize);
  // What the archive declares is enough to refuse it early, never to accept it: the stream is counted below.
  if (entry.uncompressedSize > budget.left) throw tooLarge();
  if (entry.uncompressedSize > ratioCap) throw tooPacked();

  const stream: Readable = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.byteLength;
      budget.left -= chunk.byteLength;
      if (budget.left < 0) throw tooLarge();
      if (inflated > ratioCap) throw tooPacked();
      chunks.push(chunk);
    }
  } finally {
    // Stops the inflation at once when a limit is met; a no-op once the stream has ended.
    stream.destroy();
  }
  if (inflated !== entry.uncompressedSize) throw damaged();
  return Buffer.concat(chunks, inflated);
}
