import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SOFFICE = '/usr/bin/soffice';

/**
 * Whether a Word file can be opened by a real client (Debian's LibreOffice Writer). Without it the tests
 * that do are skipped with a message, except in CI, where a missing install must fail the run.
 */
export function libreOfficeAvailable(): boolean {
  if (existsSync(SOFFICE)) return true;
  const install = 'apt-get install libreoffice-writer-nogui';
  if (process.env.CI) throw new Error(`CI=true but ${SOFFICE} is missing: ${install}`);
  console.warn(`Skipping tests that open the Word export in LibreOffice: ${SOFFICE} not found (${install}).`);
  return false;
}

/**
 * The PDF LibreOffice prints of a .docx, as a secretariat opening the file would see it: headless, in a
 * profile of its own (a fresh one, so no user's settings or a running instance interfere).
 */
export function docxToPdfWithLibreOffice(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'concordia-lo-'));
  try {
    const file = path.join(dir, 'plan.docx');
    writeFileSync(file, docx);
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: dir } },
    );
    return new Uint8Array(readFileSync(path.join(dir, 'plan.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
