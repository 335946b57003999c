import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** The text of the parts of a zip (a .docx) whose names match, concatenated in name order. */
export async function zipParts(bytes: Uint8Array, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => pattern.test(name))
    .sort();
  return (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n');
}

/** A valid zip holding the given files: a container that is not a Word document. */
export async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

const POPPLER = ['/usr/bin/pdfinfo', '/usr/bin/pdftotext'];

/** Whether PDFs can be checked (Debian's poppler-utils); in CI a missing tool fails the run rather than skipping. */
export function pdfToolsAvailable(): boolean {
  if (POPPLER.every(existsSync)) return true;
  if (process.env.CI)
    throw new Error("CI=true but pdfinfo/pdftotext are missing: install Debian's poppler-utils package");
  console.warn('Skipping PDF checks: pdfinfo/pdftotext not found (apt-get install poppler-utils to run them).');
  return false;
}

/** Page count and text of a PDF, as poppler reads it; pdftotext ends each page with a form feed. */
export function readPdf(bytes: Uint8Array): { pages: number; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'concordia-pdf-'));
  try {
    const file = path.join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return { pages, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
