import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export type BenchDatabase = {
  url: string | undefined;
  name: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
};

/**
 * An empty database for one Concordia server start, so every run begins from the same seeded
 * plan: a new database on the Postgres server of `baseUrl`, or a PGlite directory in /tmp.
 */
export async function createBenchDatabase(baseUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concordia-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!baseUrl) return { url: undefined, name: undefined, dataDir, drop: async () => removeDir() };
  const name = `concordia_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    dataDir,
    async drop() {
      const conn = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await conn.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await conn.end();
        removeDir();
      }
    },
  };
}
