import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile .docx archives, written byte by byte because no zip library writes a lie: each is small on
 * the wire and huge (or dangerous) once read. Built here, in the test, so nothing large is committed.
 */

const MiB = 1024 * 1024;

/** One file of a hand-built zip. */
type ZipEntry = {
  name: string;
  /** The bytes as stored: deflated (method 8) or as they are (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** What the entry really inflates to. */
  size: number;
  /** What both headers claim it inflates to, when they lie. */
  declaredSize?: number;
  /** Points this entry's directory record at another entry's data, as overlapping-file bombs do. */
  sameDataAs?: string;
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const BODY_HEAD =
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const BODY_TAIL = '</w:t></w:r></w:p></w:body></w:document>';

/** The XML of a one-paragraph Word document. */
export function documentXml(text: string, prolog = ''): string {
  return `${DOCUMENT_HEAD}${prolog}${BODY_HEAD}${text}${BODY_TAIL}`;
}

/** A minimal valid .docx: content types, package relationships, the document, and any further entries. */
export function docx(document: ZipEntry | string, ...more: ZipEntry[]): Uint8Array {
  const main = typeof document === 'string' ? deflated('word/document.xml', document) : document;
  return zip([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', PACKAGE_RELS), main, ...more]);
}

export function deflated(name: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.byteLength };
}

/**
 * An entry of `head`, then `mib` MiB of `unit` repeated, then `tail`, deflated without ever holding the
 * whole: one MiB is deflated once and its output repeated, each copy closed by a full flush so that no
 * copy refers back to another. About 1 KiB per MiB of a repeated letter.
 */
export function repeated(
  name: string,
  options: { head: string; unit: string; mib: number; tail: string; declaredSize?: number },
): ZipEntry {
  const head = Buffer.from(options.head);
  const block = Buffer.alloc(MiB, options.unit);
  const tail = Buffer.from(options.tail);
  const segment = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const blockSegment = segment(block);
  let crc = crc32(head);
  for (let i = 0; i < options.mib; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const data = Buffer.concat([
    segment(head),
    ...Array<Buffer>(options.mib).fill(blockSegment),
    segment(tail),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return {
    name,
    data,
    method: 8,
    crc,
    size: head.byteLength + options.mib * MiB + tail.byteLength,
    declaredSize: options.declaredSize,
  };
}

/** A document.xml whose one paragraph is `mib` MiB of the same letter. */
export function hugeDocument(mib: number, declaredSize?: number): ZipEntry {
  return repeated('word/document.xml', {
    head: DOCUMENT_HEAD + BODY_HEAD,
    unit: 'a',
    mib,
    tail: BODY_TAIL,
    declaredSize,
  });
}

/** `count` small XML parts besides the document, each stored as it is. */
export function manyParts(count: number): ZipEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.from(`<x>${i}</x>`);
    return {
      name: `customXml/item${i}.xml`,
      data: bytes,
      method: 0 as const,
      crc: crc32(bytes),
      size: bytes.byteLength,
    };
  });
}

/**
 * `copies` directory records that all point at one stored-once part of `mib` MiB of varied words (packed
 * only a few to 1, like real text): each record alone looks ordinary, together they inflate the same
 * bytes `copies` times.
 */
export function overlappingParts(mib: number, copies: number): ZipEntry[] {
  const words = Array.from({ length: 512 }, (_, i) => `w${(i * 2654435761) % 999983}`);
  let seed = 42;
  const text: string[] = [];
  for (let length = 0; length < mib * MiB;) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const word = words[seed % words.length]!;
    text.push(word);
    length += word.length + 1;
  }
  const kernel = deflated('word/glossary/document.xml', `<x>${text.join(' ')}</x>`);
  return [
    kernel,
    ...Array.from({ length: copies }, (_, i) => ({
      ...kernel,
      name: `word/glossary/copy${i}.xml`,
      sameDataAs: kernel.name,
    })),
  ];
}

/** Billion laughs: ten levels of entities, each ten of the one below, referenced once in the text. */
export function entityExpansion(): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return documentXml('&lol9;', `<!DOCTYPE w:document [${entities.join('')}]>`);
}

/** The bytes of a zip archive of `entries`, with the sizes each one declares (true or not). */
export function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const declared = entry.declaredSize ?? entry.size;
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(entry.method, at);
      header.writeUInt32LE(0, at + 2); // DOS time and date
      header.writeUInt32LE(entry.crc >>> 0, at + 6);
      header.writeUInt32LE(entry.data.byteLength, at + 10);
      header.writeUInt32LE(declared, at + 14);
      header.writeUInt16LE(name.byteLength, at + 18);
    };
    if (!entry.sameDataAs) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      fields(local, 8);
      offsets.set(entry.name, offset);
      locals.push(local, name, Buffer.from(entry.data));
      offset += local.byteLength + name.byteLength + entry.data.byteLength;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    fields(record, 10);
    record.writeUInt32LE(offsets.get(entry.sameDataAs ?? entry.name)!, 42);
    central.push(record, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
