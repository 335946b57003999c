import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { documentText } from '../../lib/documents/paragraphs';
import { CloseCode } from '../../lib/shared/close-codes';
import { COLLAB_PATH } from '../../lib/shared/rooms';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { sessionCookie } from '../helpers/session';

type Attempt = { status: number; retryAfter?: string | undefined; close?: { code: number; reason: string } };

/**
 * Opens a socket as a browser would and reports how the server answered: the HTTP status of a refused
 * upgrade, or, for one accepted, the code and reason it was closed with (or 101 while it stays open).
 */
function attempt(
  baseUrl: string,
  room: string,
  options: { cookie?: string; localAddress?: string } = {},
): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${room}`, {
      headers: options.cookie ? { cookie: options.cookie } : {},
      localAddress: options.localAddress,
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
      ws.terminate();
    });
    let stays: NodeJS.Timeout | undefined;
    ws.on('open', () => {
      // An accepted socket that the server keeps (it is not closed at once) counts as open: the wait is
      // the point, proving that no close follows.
      stays = setTimeout(() => {
        resolve({ status: 101 });
        ws.close();
      }, 300);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(stays);
      resolve({ status: 101, close: { code, reason: reason.toString() } });
    });
    ws.on('error', reject);
  });
}

/** A counter's value from the Prometheus text of /metrics. */
async function counter(baseUrl: string, name: string, reason: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('limits on collaboration sockets', () => {
  const t = useCollabServer({
    COLLAB_MAX_SOCKETS_PER_SESSION: '3',
    COLLAB_UPGRADES_PER_ADDRESS: '30',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
  });
  let plan: BuiltPlan;
  let peru: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;
  beforeAll(async () => {
    plan = await buildPlan(t.db);
    peru = await buildMember(t.db, { plan, state: 'PER' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    police = await buildSection(t.db, { plan, lead: peru });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });
  const openAs = (cookie: string) => {
    const client = openProvider(t.server.url, police.room, cookie);
    cleanup.push(() => client.provider.destroy());
    return client;
  };

  it('closes a session’s socket beyond its cap with 4529 and a reason, while its first sockets keep working', async () => {
    const session = await sessionCookie(peru.id, { sessionId: randomUUID() });
    const first = [openAs(session), openAs(session), openAs(session)];
    await Promise.all(first.map((c) => waitForSync(c.provider)));

    const refused = await attempt(t.server.url, police.room, { cookie: session });
    expect(refused.close).toEqual({
      code: CloseCode.TooManySockets,
      reason: 'too many open connections for this session; close other tabs',
    });
    expect(
      await counter(
        t.server.url,
        'concordia_refused_upgrades_total',
        'too many open connections for this session; close other tabs',
      ),
    ).toBeGreaterThanOrEqual(1);

    appendParagraph(first[0]!.doc, 'Typed after the fourth socket was refused.');
    await eventually(() => expect(documentText(first[2]!.doc)).toContain('Typed after the fourth socket was refused.'));
    // Another session of the same user has its own count.
    expect(
      await attempt(t.server.url, police.room, { cookie: await sessionCookie(peru.id, { sessionId: randomUUID() }) }),
    ).toEqual({ status: 101 });

    // Once one of the session's sockets closes, the next gets in.
    first[0]!.provider.destroy();
    await eventually(async () =>
      expect(await attempt(t.server.url, police.room, { cookie: session })).toEqual({ status: 101 }),
    );
  });

  it('refuses an upgrade flood from one address with 429, while a session elsewhere still connects', async () => {
    const flood = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        attempt(t.server.url, police.room, {
          localAddress: '127.0.0.2',
          ...(i % 2 === 0 && { cookie: observer.cookie }),
        }),
      ),
    );
    const tooMany = flood.filter((a) => a.status === 429);
    expect(tooMany.length).toBeGreaterThanOrEqual(30);
    expect(Number(tooMany[0]!.retryAfter)).toBeGreaterThan(0);
    expect(
      await counter(t.server.url, 'concordia_refused_upgrades_total', 'too many connection attempts from this address'),
    ).toBeGreaterThanOrEqual(30);

    const chair = openAs(plan.chair.cookie);
    await waitForSync(chair.provider);
    expect(
      (await attempt(t.server.url, police.room, { localAddress: '127.0.0.2', cookie: plan.chair.cookie })).status,
    ).toBe(429);
  });

  it('closes a connection that leaves its handshake half-sent, within the headers timeout', async () => {
    const before = await counter(t.server.url, 'concordia_refused_upgrades_total', 'headers timeout');
    const socket = net.connect(t.server.port, '127.0.0.1');
    cleanup.push(() => socket.destroy());
    socket.on('error', () => {});
    socket.write(
      `GET ${COLLAB_PATH}/${police.room} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`,
    );
    const answer: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => answer.push(chunk));
    // Node's own limit would keep it for 60 s; this server's is 1 s, checked every second.
    await eventually(() => expect(socket.closed).toBe(true), 10_000);
    expect(Buffer.concat(answer).toString()).toMatch(/^HTTP\/1\.1 408/);
    expect(await counter(t.server.url, 'concordia_refused_upgrades_total', 'headers timeout')).toBe(before + 1);
  });
});

describe('the default limits and the pages of the app', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let police: BuiltSection;
  beforeAll(async () => {
    plan = await buildPlan(t.db);
    police = await buildSection(t.db, { plan });
  });

  it('let one session open two plan pages sending kept edits to 35 sections, the consolidation board and two section pages', async () => {
    const session = await sessionCookie(plan.chair.id, { sessionId: randomUUID() });
    // A plan page: the goal and a socket per section with kept edits. One room stands for all here: the limit counts sockets.
    const sockets = 2 * (1 + 35) + 3 + 2 * 2;
    const pages = Array.from({ length: sockets }, () => openProvider(t.server.url, police.room, session));
    try {
      await Promise.all(pages.map((p) => waitForSync(p.provider, 30_000)));
    } finally {
      for (const page of pages) page.provider.destroy();
    }
  });
});
