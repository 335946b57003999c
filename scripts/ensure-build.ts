/**
 * `npm start` builds the Next.js app on first run and whenever a source file changed since the last
 * build, so a newcomer's first command works and later starts are quick; then it compiles the server
 * (scripts/build-server.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildServer } from './build-server';

const ROOTS = ['app', 'lib', 'db', 'messages', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join('.next', 'concordia-source-hash');

/** Files under `entry` (relative to `root`), by relative name: the hash is the same wherever the checkout is. */
function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, path.join(entry, name)));
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of ROOTS.flatMap((entry) => files(root, entry)))
    hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

function builtHash(root: string): string | null {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
}

/** Whether .next holds a build of the sources as they are now. */
export function buildIsCurrent(root = process.cwd()): boolean {
  return builtHash(root) === sourceHash(root);
}

export function ensureBuild(root = process.cwd()): void {
  const current = sourceHash(root);
  const built = builtHash(root);
  if (built === current) return;
  process.stdout.write(
    built ? 'Sources changed since the last build; rebuilding…\n' : 'First start: building the app (about a minute)…\n',
  );
  execFileSync('npx', ['next', 'build'], { stdio: 'inherit', cwd: root });
  writeFileSync(path.join(root, STAMP), current);
}

// The server is compiled at every start: a second, and never older than its sources.
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild();
  await buildServer();
}
