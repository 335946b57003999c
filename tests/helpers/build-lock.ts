import { mkdirSync, rmSync } from 'node:fs';
import { ensureBuild } from '../../scripts/ensure-build';

const LOCK = '.next-build.lock';

/** Builds the app at most once at a time across test workers, and only when sources changed. */
export async function ensureBuildOnce(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} held for 5 minutes; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    ensureBuild();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
