import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { revokeSession } from '../../lib/auth/sessions';
import { NOTICE_MESSAGE } from '../../lib/shared/app-messages';
import { CloseCode } from '../../lib/shared/close-codes';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually, within } from '../helpers/eventually';
import { openProvider, upgradeStatus, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { sessionCookie } from '../helpers/session';
import { storedText } from '../helpers/stored-text';

describe('operations and protective limits', () => {
  const t = useCollabServer({
    COLLAB_MAX_MESSAGE_BYTES: '65536',
    COLLAB_MAX_MESSAGES_PER_SECOND: '20',
    COLLAB_MESSAGE_BURST: '60',
    COLLAB_MAX_DOCUMENT_BYTES: '4000',
    METRICS_TOKEN: 'a-metrics-token-long-enough',
  });
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection, victims: BuiltSection;

  beforeAll(async () => {
    const plan = await buildPlan(t.db);
    peru = await buildMember(t.db, { plan, state: 'PER' });
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    brazil = await buildMember(t.db, { plan, state: 'BRA' });
    police = await buildSection(t.db, {
      plan,
      lead: peru,
      coEditors: [mexico],
      text: ['Peru proposes a regional curriculum for police training.'],
    });
    prevention = await buildSection(t.db, {
      plan,
      lead: mexico,
      text: ['Mexico proposes municipal prevention programmes.'],
    });
    victims = await buildSection(t.db, {
      plan,
      lead: brazil,
      text: ['Brazil proposes assistance centres for victims.'],
    });
  });

  it('answers /healthz and /readyz, and /metrics only with the token', async () => {
    expect(await (await fetch(`${t.server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${t.server.url}/metrics`)).status).toBe(403);
    const page = openProvider(t.server.url, police.room, peru.cookie);
    await waitForSync(page.provider);
    const metrics = await (
      await fetch(`${t.server.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-long-enough' } })
    ).text();
    expect(metrics).toMatch(/concordia_connections\{role="coordinator",access="write"\} 1/);
    expect(metrics).toMatch(/concordia_rooms_loaded [1-9]/);
    expect(metrics).toContain('concordia_flush_seconds_bucket');
    page.provider.destroy();
  });

  it('refuses a WebSocket opened from another site', async () => {
    expect(await upgradeStatus(t.server.url, police.room, peru.cookie, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(t.server.url, police.room, peru.cookie, t.server.url)).toBe(101);
  });

  it('closes a signed-out session within 2 seconds and refuses it afterwards', async () => {
    const sessionId = randomUUID();
    const cookie = await sessionCookie(mexico.id, { sessionId });
    const raw = await openRawClient(t.server.url, police.room, cookie);
    await revokeSession(t.db, sessionId, new Date(Date.now() + 3_600_000));
    expect(await within(raw.closed, 2_000)).toBe(CloseCode.Unauthenticated);
    expect(await upgradeStatus(t.server.url, police.room, cookie)).toBe(401);
  });

  it('refuses an expired session on upgrade and closes a socket when its session expires', async () => {
    expect(await upgradeStatus(t.server.url, police.room, await sessionCookie(peru.id, { maxAge: -60 }))).toBe(401);
    const expiring = await sessionCookie(peru.id, { maxAge: 2 });
    const raw = await openRawClient(t.server.url, police.room, expiring);
    expect(await within(raw.closed, 4_000)).toBe(CloseCode.Unauthenticated);
    // Read once already while it was valid, and still within next-auth's clock tolerance: refused all the same.
    expect(await upgradeStatus(t.server.url, police.room, expiring)).toBe(401);
  });

  it('slows a client that floods messages to its rate, and serves everyone else', async () => {
    const bystander = openProvider(t.server.url, prevention.room, mexico.cookie);
    await waitForSync(bystander.provider);
    const raw = await openRawClient(t.server.url, police.room, peru.cookie);
    await eventually(() => expect(raw.received.length).toBeGreaterThan(0)); // attached to the room
    const answered = () => raw.received.filter((m) => m[0] === 1).length;
    const queryAwareness = new Uint8Array([3]); // each one is answered, so answers count what was handled
    for (let i = 0; i < 2_000; i++) raw.sendFrame(queryAwareness);
    // The second is the point: what the server answers within it is what its rate lets through.
    await new Promise((r) => setTimeout(r, 1_000));
    // A burst of 60, then 20 a second: far fewer than the 2,000 sent, and still arriving.
    expect(answered()).toBeGreaterThanOrEqual(60);
    expect(answered()).toBeLessThan(120);
    expect(await upgradeStatus(t.server.url, prevention.room, mexico.cookie)).toBe(101);
    expect(bystander.provider.wsconnected).toBe(true);
    raw.close();
    bystander.provider.destroy();
  });

  it('refuses a message over the size limit without touching the document', async () => {
    const before = await storedText(t.db, police.room);
    const raw = await openRawClient(t.server.url, police.room, peru.cookie);
    raw.sendFrame(new Uint8Array(70_000));
    expect(await within(raw.closed, 2_000)).toBe(1009);
    await t.server.collab.flush();
    expect(await storedText(t.db, police.room)).toBe(before);
  });

  it('stops a full document from growing and tells its writer why', async () => {
    const raw = await openRawClient(t.server.url, victims.room, brazil.cookie);
    raw.sendUpdate('x'.repeat(5_000));
    // The notice answers the refused update: once it is here, the update was handled.
    const notice = await eventually(() => {
      const found = raw.received.find((m) => m[0] === NOTICE_MESSAGE);
      expect(found).toBeDefined();
      return found!;
    });
    // A code: the page says it in its reader's language.
    expect(new TextDecoder().decode(notice.subarray(2))).toBe('documentFull');
    await t.server.collab.flush();
    expect(await storedText(t.db, victims.room)).not.toContain('xxxxx');
    raw.sendUpdate('a short line that still fits');
    await eventually(async () => {
      await t.server.collab.flush();
      expect(await storedText(t.db, victims.room)).toContain('a short line that still fits');
    });
    raw.close();
  });
});
