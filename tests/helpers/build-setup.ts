import { ensureBuild } from '../../scripts/ensure-build';

/** Builds the Next.js app once (unless sources are unchanged) for the tests that run the whole app. */
export default function setup(): void {
  ensureBuild();
}
