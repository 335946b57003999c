/**
 * `npm start` builds the Next.js app on first run and whenever a source file changed since the last
 * build, so a newcomer's first command works and later starts are quick.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['app', 'lib', 'db', 'messages', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join('.next', 'concordia-source-hash');

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ROOTS.flatMap(files)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

export function ensureBuild(): void {
  const current = sourceHash();
  const built = existsSync(path.join('.next', 'BUILD_ID')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : null;
  if (built === current) return;
  process.stdout.write(
    built ? 'Sources changed since the last build; rebuilding…\n' : 'First start: building the app (about a minute)…\n',
  );
  execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  writeFileSync(STAMP, current);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
