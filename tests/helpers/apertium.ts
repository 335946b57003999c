import { existsSync } from 'node:fs';

const TOOL = '/usr/bin/apertium-wblank-mode';
const MODES = ['eng-spa', 'spa-eng', 'pt-es', 'es-pt_BR', 'fr-es', 'es-fr'].map(
  (mode) => `/usr/share/apertium/modes/${mode}.mode`,
);

/**
 * Whether the tests that translate can run. Without Apertium they are skipped with a message, except
 * in CI, where a missing install must fail the run rather than pass it silently.
 */
export function apertiumAvailable(): boolean {
  const missing = [TOOL, ...MODES].filter((file) => !existsSync(file));
  if (missing.length === 0) return true;
  const install = 'apt-get install apertium apertium-eng-spa apertium-es-pt apertium-fr-es';
  if (process.env.CI) throw new Error(`CI=true but Apertium is missing (${missing.join(', ')}): ${install}`);
  console.warn(`Skipping tests that translate: Apertium is missing (${install} to run them).`);
  return false;
}
