/**
 * Compiles the server (server/index.ts and the overlap thread's entry) into dist/server, so that
 * `npm start` runs JavaScript: tsx compiling TypeScript at run time, with source maps on, held about
 * 45–75 MiB of an idle process (docs/benchmarks.md#memory). Packages stay in node_modules; modules
 * imported on first use (the language model, the analysis) stay in chunks of their own (splitting),
 * loaded only when used. Takes about a second.
 */
import path from 'node:path';
import { build } from 'esbuild';

export const SERVER_OUT_DIR = path.join('dist', 'server');

/** The overlap thread's entry, which the thread loads as `overlap-worker.mjs` from beside its own chunk. */
const OVERLAP_WORKER = { 'overlap-worker': 'lib/consolidation/overlap-worker.ts' };

/** `main` is compiled as index.mjs (the bench compiles its own launcher this way). */
export async function buildServer(
  root = process.cwd(),
  { main = 'server/index.ts', out = SERVER_OUT_DIR } = {},
): Promise<void> {
  // Written over, never emptied first: a running server may still load a chunk on first use, and
  // chunks are named by their content, so an unchanged one keeps its name.
  const outdir = path.join(root, out);
  await build({
    absWorkingDir: root,
    entryPoints: { index: main, ...OVERLAP_WORKER },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    // One folder: a chunk finds overlap-worker.mjs next to itself.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
