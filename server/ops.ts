import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { CollabServer } from './collab';

type Ops = { db: Db; collab: CollabServer; metricsToken: string | undefined };

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

const expectedMigrations = (): number =>
  (
    JSON.parse(readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

/** Longer than any healthy answer; a driver waiting to reconnect would otherwise hold the probe for many seconds. */
const READINESS_TIMEOUT_MS = 2_000;

/** Ready when the database answers (in time) and every committed migration has been applied. */
async function readiness(db: Db): Promise<{ ready: boolean; reason?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([
      db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
      timeout,
    ]);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ applied: number }>;
    const applied = Number(rows[0]?.applied ?? 0);
    const expected = expectedMigrations();
    return applied >= expected
      ? { ready: true }
      : { ready: false, reason: `migrations pending: ${applied} of ${expected} applied` };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** Loopback callers may scrape /metrics; others need METRICS_TOKEN as a bearer token. */
function mayScrape(req: IncomingMessage, token: string | undefined): boolean {
  if (token) return req.headers.authorization === `Bearer ${token}`;
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** /healthz, /readyz and /metrics, answered before the web app; returns false for any other path. */
export async function handleOps(req: IncomingMessage, res: ServerResponse, ops: Ops): Promise<boolean> {
  const url = req.url ?? '';
  if (url === '/healthz') {
    json(res, 200, { status: 'ok' });
    return true;
  }
  if (url === '/readyz') {
    const { ready, reason } = await readiness(ops.db);
    json(res, ready ? 200 : 503, ready ? { status: 'ready' } : { status: 'not ready', reason });
    return true;
  }
  if (url === '/metrics') {
    if (!mayScrape(req, ops.metricsToken)) {
      json(res, 403, { error: 'metrics are for loopback or a METRICS_TOKEN bearer' });
      return true;
    }
    const { contentType, body } = await ops.collab.metrics();
    res.writeHead(200, { 'content-type': contentType }).end(body);
    return true;
  }
  return false;
}
