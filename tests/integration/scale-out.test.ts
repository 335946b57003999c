import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../db/client';
import { revokeSession } from '../../lib/auth/sessions';
import { listPlanOverlaps, type OverlapView } from '../../lib/consolidation/list-overlaps';
import { postComment } from '../../lib/discussion/post-comment';
import type { CommentView } from '../../lib/discussion/comment-view';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { documentText } from '../../lib/documents/paragraphs';
import { getPlan } from '../../lib/plans/get-plan';
import { planActivity, type PlanActivity } from '../../lib/plans/plan-activity';
import { removeMember } from '../../lib/plans/remove-member';
import { updateSection } from '../../lib/plans/update-section';
import {
  ACCESS_MESSAGE,
  COMMENT_MESSAGE,
  OVERLAPS_MESSAGE,
  PLAN_ACTIVITY_MESSAGE,
  readAccessMessage,
  readCommentMessage,
  readOverlapsMessage,
  readPlanActivityMessage,
  type ConnectionAccess,
} from '../../lib/shared/app-messages';
import { CloseCode } from '../../lib/shared/close-codes';
import { COLLAB_PATH, FOLLOW_PLAN_PARAMS } from '../../lib/shared/rooms';
import { DocumentStore } from '../../server/collab/storage/document-store';
import { RedisBus } from '../../server/collab/redis/bus';
import { AUTHORIZATION_CHANNEL } from '../../server/collab/redis/events';
import { PRESENCE_CHANNEL } from '../../server/collab/redis/presence';
import { roomChannel } from '../../server/collab/redis/fanout';
import { encodeRoomMessage } from '../../server/collab/redis/room-messages';
import type { RunningServer } from '../../server/start';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { freePort } from '../helpers/app-process';
import { useCollabServer } from '../helpers/collab-fixture';
import { scaleOutRedis, startCollabProcess, type CollabProcess } from '../helpers/collab-process';
import { lockAwaited } from '../helpers/database';
import { useDatabase } from '../helpers/database-fixture';
import { eventually, within } from '../helpers/eventually';
import { liveText } from '../helpers/live-text';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { sessionCookie } from '../helpers/session';
import { storedText } from '../helpers/stored-text';
import { missingTokens, startTyping } from '../helpers/typing';

const redisUrl = await scaleOutRedis();

/** This pair's own channels: other test files on the same Redis do not reach them. */
const prefix = `test-${randomUUID().slice(0, 8)}:`;

/**
 * Two instances on one Postgres database and one Redis, as behind a load balancer: A runs in this
 * process (so a change made here through lib/ is made on A), B is a child process that can be killed.
 */
describe.skipIf(!redisUrl)('two instances on one database and one Redis', () => {
  const shared = { REDIS_URL: redisUrl!, REDIS_PREFIX: prefix, SEED_DEMO: 'false' };
  // A keeps accepted updates in memory for 5 s (and unloads no room, which would flush them), so only
  // Redis can tell B about them in the meantime.
  const t = useCollabServer({
    ...shared,
    COLLAB_FLUSH_MS: '5000',
    COLLAB_IDLE_UNLOAD_MS: '600000',
    COLLAB_ACTIVITY_MS: '200',
  });
  let a: RunningServer;
  let b: CollabProcess;
  let plan: BuiltPlan;
  const people = {} as Record<'peru' | 'mexico' | 'brazil' | 'canada' | 'jamaica' | 'observer', BuiltMember>;
  const built = {} as Record<'police' | 'prevention' | 'victims' | 'canada', BuiltSection>;
  const providers: Array<ReturnType<typeof openProvider>> = [];
  const open = (url: string, room: string, cookie: string, params?: Record<string, string>) => {
    const client = openProvider(url, room, cookie, params);
    providers.push(client);
    return client;
  };

  beforeAll(async () => {
    a = t.server;
    const db = t.db;
    plan = await buildPlan(db);
    for (const [who, state] of [
      ['peru', 'PER'],
      ['mexico', 'MEX'],
      ['brazil', 'BRA'],
      ['canada', 'CAN'],
      ['jamaica', 'JAM'],
    ] as const)
      people[who] = await buildMember(db, { plan, state });
    people.observer = await buildMember(db, { plan, role: 'observer' });
    const curriculum = 'a regional curriculum for police training grounded in human rights and community policing.';
    built.police = await buildSection(db, {
      plan,
      lead: people.peru,
      coEditors: [people.mexico],
      text: [`Peru proposes ${curriculum}`],
    });
    built.prevention = await buildSection(db, {
      plan,
      lead: people.mexico,
      text: ['Mexico proposes to scale up municipal prevention programmes focused on youth.'],
    });
    built.victims = await buildSection(db, {
      plan,
      lead: people.brazil,
      text: ['Brazil proposes integrated assistance centres for victims of violence.'],
    });
    built.canada = await buildSection(db, {
      plan,
      lead: people.canada,
      text: ['Canada proposes common indicators for citizen-security statistics.'],
    });
    // The same proposal as Peru's in other words: an open overlap once the plan is analysed.
    await buildSection(db, { plan, lead: people.jamaica, text: [`Develop ${curriculum}`] });
    b = await startCollabProcess(t.database, await freePort(), {
      ...shared,
      COLLAB_FLUSH_MS: '50',
      COLLAB_IDLE_UNLOAD_MS: '200',
    });
  });

  afterAll(async () => {
    for (const client of providers) client.provider.destroy();
    await b?.kill();
  });

  it('makes clients on either instance converge, and shows each the others present', async () => {
    const onA = open(a.url, built.police.room, people.peru.cookie);
    const onB = open(b.url, built.police.room, people.mexico.cookie);
    await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)]);
    onA.provider.awareness.setLocalStateField('user', { name: 'Peru, on A' });

    for (let i = 0; i < 20; i++) {
      appendParagraph(onA.doc, `peru on A ${i}`);
      appendParagraph(onB.doc, `mexico on B ${i}`);
    }
    await eventually(() => {
      expect(documentText(onB.doc)).toBe(documentText(onA.doc));
      for (let i = 0; i < 20; i++) expect(documentText(onA.doc)).toContain(`mexico on B ${i}`);
      for (let i = 0; i < 20; i++) expect(documentText(onB.doc)).toContain(`peru on A ${i}`);
    });
    // As A stamped it: whoever the client says it is, it shows as the session's user.
    await eventually(() =>
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        user: { userId: people.peru.id, name: people.peru.name },
      }),
    );

    onA.provider.disconnect();
    await eventually(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false));
  });

  it('shows a plan page open on A the people connected to B and what they type, until they leave', async () => {
    const onlineInVictims = async () => {
      const view = await getPlan(a.database.db, { userId: plan.chair.id, planId: plan.id });
      return view.sections.find((s) => s.id === built.victims.id)!.online.map((m) => m.name);
    };
    const page = open(a.url, plan.goalRoom, plan.chair.cookie, FOLLOW_PLAN_PARAMS);
    const received: PlanActivity[] = [];
    page.provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = (
      _encoder: unknown,
      decoder: Parameters<typeof readPlanActivityMessage>[0],
    ) => {
      received.push(readPlanActivityMessage(decoder) as PlanActivity);
    };
    await waitForSync(page.provider);
    const rendered = (await planActivity(a.database.db, plan.id))!;
    const victims = () => (received.at(-1) ?? rendered).sections.find((s) => s.id === built.victims.id)!;
    const wordsBefore = victims().words ?? 0;
    expect(victims().people).toEqual([]);

    const brazil = open(b.url, built.victims.room, people.brazil.cookie);
    await waitForSync(brazil.provider);
    appendParagraph(brazil.doc, 'Brazil types on B.');
    await eventually(() => {
      expect(victims().people.map((p) => p.name)).toEqual([people.brazil.name]);
      expect(victims().words).toBe(wordsBefore + 4);
    });
    expect(await onlineInVictims()).toContain(people.brazil.name);
    brazil.provider.disconnect();
    await eventually(() => expect(victims().people).toEqual([]));
    expect(await onlineInVictims()).not.toContain(people.brazil.name);
  });

  it('shows a client opening a section on B what was typed on A a moment before, not yet stored', async () => {
    // A room B has not loaded yet: B stores what Redis brings to a room it holds, and would store this.
    const room = built.canada.room;
    const chair = open(a.url, room, plan.chair.cookie);
    await waitForSync(chair.provider);
    appendParagraph(chair.doc, 'typed by the chair on A');
    // A has it; its flush is 5 s away.
    await eventually(async () => expect(await liveText(room)).toContain('typed by the chair on A'));
    expect(await storedText(a.database.db, room)).not.toContain('typed by the chair on A');

    const reader = open(b.url, room, people.observer.cookie);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc)).toContain('typed by the chair on A');
  });

  it('applies a permission change made on A to sockets open on B', async () => {
    const mexico = open(b.url, built.police.room, people.mexico.cookie);
    const access: ConnectionAccess[] = [];
    mexico.provider.messageHandlers[ACCESS_MESSAGE] = (
      _e: unknown,
      decoder: Parameters<typeof readAccessMessage>[0],
    ) => {
      access.push(readAccessMessage(decoder));
    };
    await waitForSync(mexico.provider);
    await eventually(() => expect(access.at(-1)).toBe('write'));

    await updateSection(a.database.db, {
      actorId: plan.chair.id,
      sectionId: built.police.id,
      input: { coEditingStates: [] },
    });
    await eventually(() => expect(access.at(-1)).toBe('read'), 2_000);
    await updateSection(a.database.db, {
      actorId: plan.chair.id,
      sectionId: built.police.id,
      input: { coEditingStates: ['MEX'] },
    });
    await eventually(() => expect(access.at(-1)).toBe('write'), 2_000);

    const canada = await openRawClient(b.url, built.prevention.room, people.canada.cookie);
    await removeMember(a.database.db, { actorId: plan.chair.id, planId: plan.id, userId: people.canada.id });
    expect(await within(canada.closed, 2_000)).toBe(CloseCode.Forbidden);

    const sessionId = randomUUID();
    const signedIn = await openRawClient(b.url, built.police.room, await sessionCookie(people.peru.id, { sessionId }));
    await revokeSession(a.database.db, sessionId, new Date(Date.now() + 3_600_000));
    expect(await within(signedIn.closed, 2_000)).toBe(CloseCode.Unauthenticated);
  });

  it("sends readers on B a section's overlaps when the chair resolves one on A", async () => {
    const reader = open(b.url, built.police.room, people.observer.cookie);
    const pushed: OverlapView[][] = [];
    reader.provider.messageHandlers[OVERLAPS_MESSAGE] = (
      _e: unknown,
      decoder: Parameters<typeof readOverlapsMessage>[0],
    ) => {
      pushed.push((readOverlapsMessage(decoder) as { overlaps: OverlapView[] }).overlaps);
    };
    await waitForSync(reader.provider);
    const { overlaps } = await listPlanOverlaps(a.database.db, { userId: plan.chair.id, planId: plan.id });
    const seeded = overlaps.find(
      (o) => o.status === 'open' && [o.a.sectionId, o.b.sectionId].includes(built.police.id),
    )!;
    await resolveOverlap(a.database.db, {
      userId: plan.chair.id,
      overlapId: seeded.id,
      resolution: { kind: 'keep', reason: 'Different agencies' },
    });
    await eventually(() => expect(pushed.at(-1)?.find((o) => o.id === seeded.id)?.status).toBe('kept'), 2_000);
  });

  it("sends readers on B a section's new discussion message posted on A", async () => {
    const reader = open(b.url, built.prevention.room, people.observer.cookie);
    const pushed: CommentView[] = [];
    reader.provider.messageHandlers[COMMENT_MESSAGE] = (
      _e: unknown,
      decoder: Parameters<typeof readCommentMessage>[0],
    ) => {
      pushed.push(readCommentMessage(decoder) as CommentView);
    };
    await waitForSync(reader.provider);
    const posted = await postComment(a.database.db, {
      userId: people.jamaica.id,
      sectionId: built.prevention.id,
      body: 'Jamaica offers its prevention toolkit.',
    });
    await eventually(() => expect(pushed).toEqual([posted]), 2_000);
  });

  it('ignores malformed messages on Redis and goes on relaying', async () => {
    const room = built.canada.room;
    const onA = open(a.url, room, plan.chair.cookie);
    const onB = open(b.url, room, plan.chair.cookie);
    await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)]);
    const fromElsewhere = (body: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'an instance that does not exist');
      encoding.writeUint8Array(encoder, body);
      return Buffer.from(encoding.toUint8Array(encoder));
    };
    const bytes = (...values: number[]) => new Uint8Array(values);
    const redis = new Redis(redisUrl!);
    try {
      for (const garbage of [
        Buffer.alloc(0),
        Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
        fromElsewhere(bytes(9, 1, 2, 3)),
        fromElsewhere(encodeRoomMessage({ type: 'update', update: bytes(0xff, 0xff, 0xff, 0x0f) })),
        fromElsewhere(encodeRoomMessage({ type: 'awareness', update: bytes(1, 7, 1, 3, 0x7b, 0x7b, 0x7b) })),
        fromElsewhere(encodeRoomMessage({ type: 'sync-request', stateVector: bytes(0xff, 0xff), askBack: true })),
      ]) {
        await redis.publish(prefix + roomChannel(room), garbage);
      }
      for (const garbage of [
        'not json',
        JSON.stringify({ type: 'plan-changed' }),
        JSON.stringify({ type: 'session-revoked', sessionId: 42 }),
        JSON.stringify({ type: 'overlaps-changed', planId: plan.id, sectionIds: 'all' }),
      ]) {
        await redis.publish(prefix + AUTHORIZATION_CHANNEL, fromElsewhere(new TextEncoder().encode(garbage)));
      }
      for (const garbage of ['[', JSON.stringify({ rooms: 'everyone' }), JSON.stringify({ rooms: { [room]: [7] } })]) {
        await redis.publish(prefix + PRESENCE_CHANNEL, fromElsewhere(new TextEncoder().encode(garbage)));
      }
    } finally {
      redis.disconnect();
    }

    appendParagraph(onA.doc, 'still relayed from A');
    appendParagraph(onB.doc, 'still relayed from B');
    await eventually(() => {
      expect(documentText(onB.doc)).toContain('still relayed from A');
      expect(documentText(onA.doc)).toContain('still relayed from B');
    });
    expect(b.child.exitCode).toBeNull();
  });

  it('keeps deployments with different REDIS_PREFIX apart on one Redis', async () => {
    const log = pino({ level: 'silent' });
    const connect = (deployment: string) => RedisBus.connect(redisUrl!, log, `${prefix}${deployment}:`);
    const buses = await Promise.all([
      connect('staging'),
      connect('staging'),
      connect('production'),
      connect('production'),
    ]);
    const [staging, otherStaging, production, otherProduction] = buses as [RedisBus, RedisBus, RedisBus, RedisBus];
    try {
      const heard = { staging: [] as string[], production: [] as string[] };
      await staging.subscribe('room:x', (body) => heard.staging.push(new TextDecoder().decode(body)));
      await production.subscribe('room:x', (body) => heard.production.push(new TextDecoder().decode(body)));
      // Redis delivers in publish order: had staging been on production's channel, it would hear
      // production's message before its own deployment's.
      await otherProduction.publish('room:x', new TextEncoder().encode('production edit'));
      await otherStaging.publish('room:x', new TextEncoder().encode('staging edit'));
      await eventually(() => {
        expect(heard.production).toEqual(['production edit']);
        expect(heard.staging).toEqual(['staging edit']);
      });
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
    }
  });

  it(
    'loses nothing when B is killed: its clients reconnect to A and every word typed is kept',
    { timeout: 60_000 },
    async () => {
      const room = built.prevention.room;
      const writers = [
        open(a.url, room, plan.chair.cookie),
        open(a.url, room, people.mexico.cookie),
        open(b.url, room, plan.chair.cookie),
        open(b.url, room, people.mexico.cookie),
      ];
      await Promise.all(writers.map((w) => waitForSync(w.provider)));
      const typing = startTyping(
        writers.map((w) => w.doc),
        10,
      );
      const { typed } = typing;

      // A moment of typing, random so the kill lands anywhere in it: the time is the point.
      await new Promise((r) => setTimeout(r, 800 + Math.random() * 400));
      const onB = writers.slice(2);
      const reconnected = onB.map(
        (w) =>
          new Promise<void>((resolve) => w.provider.on('status', ({ status }) => status === 'connected' && resolve())),
      );
      await b.kill('SIGKILL');
      // A load balancer sends the reconnecting clients to the instance that is left; they type on meanwhile.
      for (const writer of onB) writer.provider.serverUrl = `${a.url.replace(/^http/, 'ws')}${COLLAB_PATH}`;
      await Promise.all(reconnected);
      await typing.stop();

      await eventually(() => {
        for (const writer of writers) expect(missingTokens(documentText(writer.doc), typed)).toEqual([]);
      }, 20_000);
      await a.collab.flush();
      const stored = await storedText(a.database.db, room);
      expect(typed.filter((token) => !stored.includes(` ${token}`))).toEqual([]);
    },
  );
});

describe.skipIf(!redisUrl)('compaction while another instance appends', () => {
  const first = useDatabase();

  it('deletes only the log rows it merged, so an update appended meanwhile is kept', async () => {
    const { database } = first;
    const second = await openDatabase({ url: database.url, dataDir: database.dataDir });
    const holder = postgres(database.url!, { max: 1, onnotice: () => {} });
    const observer = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const log = pino({ level: 'silent' });
      const compactor = new DocumentStore({ db: first.db, log, flushMs: 10, compactAfter: Number.MAX_SAFE_INTEGER });
      const appender = new DocumentStore({ db: second.db, log, flushMs: 10, compactAfter: Number.MAX_SAFE_INTEGER });
      const docId = 'compaction-under-appends';
      const author = new Y.Doc({ gc: false });
      const text = appendParagraph(author);
      let sent = Y.encodeStateVector(new Y.Doc());
      const type = async (store: DocumentStore, word: string) => {
        text.insert(text.length, ` ${word}`);
        store.append(docId, Y.encodeStateAsUpdate(author, sent));
        sent = Y.encodeStateVector(author);
        await store.flushAll();
      };

      await type(compactor, 'one');
      await compactor.compact(docId);
      await type(compactor, 'two');
      await type(compactor, 'three');
      // Holding the merged state's row stops the compaction after it read the log and before it deletes rows.
      let compaction: Promise<void> | undefined;
      await holder.begin(async (tx) => {
        await tx`select 1 from doc_states where doc_id = ${docId} for update`;
        compaction = compactor.compact(docId);
        await lockAwaited(database.url!);
        await type(appender, 'four');
      });
      await compaction;

      const left = await observer`select count(*)::int as rows from doc_updates where doc_id = ${docId}`;
      expect(left[0]?.rows).toBe(1);
      expect(await storedText(first.db, docId)).toBe(' one two three four');
    } finally {
      await holder.end();
      await observer.end();
      await second.close();
    }
  });
});
