import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pairMode, type Pair } from './apertium-modes';

const run = promisify(execFile);

/** The Debian packages of the engine and of the three language pairs, as the install hint names them. */
export const APERTIUM_PACKAGES = 'apertium apertium-eng-spa apertium-es-pt apertium-fr-es';

/** A direct pair's pipeline script, or why it cannot run here, in a sentence that says how to fix it. */
export type PairSetup =
  { readonly ok: true; readonly script: string } | { readonly ok: false; readonly message: string };

/**
 * Reads one mode's pipeline in null-flush form from Apertium's own tool, which knows how each stage
 * takes the flag. Failing to find the tool means Apertium is not installed; failing to find the mode
 * file means the pair's data package is not.
 */
export async function setUpPair(pair: Pair, modesDir: string): Promise<PairSetup> {
  const mode = pairMode(pair);
  if (!mode) return { ok: false, message: `Apertium does not translate ${pair} directly.` };
  const file = path.join(modesDir, `${mode.mode}.mode`);
  const notInstalled = `Machine translation needs Apertium on the server: install Debian's packages (apt-get install ${APERTIUM_PACKAGES}) and restart.`;
  let script = '';
  try {
    // Given a file that does not exist, the tool prints a pipeline anyway; hence the check below.
    script = (await run('apertium-wblank-mode', ['-z', file], { timeout: 10_000 })).stdout.trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, message: notInstalled };
  }
  if (!existsSync(file)) {
    return {
      ok: false,
      message: `Machine translation ${pair} needs Apertium's ${mode.debianPackage} data: install it (apt-get install ${mode.debianPackage}) and restart.`,
    };
  }
  if (!script)
    return { ok: false, message: `Apertium could not read its mode file ${file}: reinstall ${mode.debianPackage}.` };
  return { ok: true, script };
}
