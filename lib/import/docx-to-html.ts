import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { appError } from '../i18n/error-text';
import { NUMBERED_PARAGRAPH_STYLE } from '../export/docx-numbering';
import { readDocxParts } from './read-docx-parts';

export type ConvertedDocx = { html: string; imagesDropped: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLD_WORD = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Word's own styles that carry structure, beyond mammoth's defaults (headings, lists). A paragraph an
 * export numbered ("Numbered Paragraph", in the plan's Word list) is a paragraph, not a list item:
 * the section it lands in numbers it anew.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  `p[style-name='${NUMBERED_PARAGRAPH_STYLE.name}'] => p:fresh`,
];

/**
 * A .docx file as semantic HTML (headings, paragraphs, lists, tables, bold, italic, links) without
 * its styling. Images are counted and left out: a plan's text has no images.
 */
export async function convertDocxToHtml(bytes: Uint8Array): Promise<ConvertedDocx> {
  if (startsWith(bytes, OLD_WORD)) throw appError('invalid', 'oldWordFile');
  if (!startsWith(bytes, ZIP)) throw appError('invalid', 'notDocx');
  // Mammoth inflates whatever it is given: it gets only the parts already inflated under the limits,
  // stored (level 0), so reading them again costs a copy and nothing more.
  const checked = zipSync(Object.fromEntries(await readDocxParts(bytes)), { level: 0 });
  let imagesDropped = 0;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => {
          imagesDropped++;
          return { src: '' };
        }),
      },
    );
    return { html: result.value, imagesDropped };
  } catch {
    // A zip without word/document.xml, or a damaged one: mammoth's message names internals, not the user's problem.
    throw appError('invalid', 'docxDamaged');
  }
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
