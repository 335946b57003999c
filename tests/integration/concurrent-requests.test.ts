import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  planMembers,
  planVersions,
  plans,
  sectionCoEditors,
  sections,
  users,
  versions,
} from '../../db/schema';
import { listPlanOverlaps } from '../../lib/consolidation/list-overlaps';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { editComment } from '../../lib/discussion/edit-comment';
import { postComment } from '../../lib/discussion/post-comment';
import { withdrawComment } from '../../lib/discussion/withdraw-comment';
import { documentHost } from '../../lib/documents/live-documents';
import { AppError } from '../../lib/errors';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { appointMember } from '../../lib/plans/appoint-member';
import { changePhase } from '../../lib/plans/change-phase';
import { acceptInvitation } from '../../lib/plans/accept-invitation';
import { removeMember } from '../../lib/plans/remove-member';
import { createSection } from '../../lib/plans/create-section';
import { deleteSection } from '../../lib/plans/delete-section';
import { updateSection } from '../../lib/plans/update-section';
import { sectionRoom } from '../../lib/shared/rooms';
import { saveVersion } from '../../lib/versions/save-version';
import { namePlanVersion } from '../../lib/versions/name-plan-version';
import { nameVersion } from '../../lib/versions/name-version';
import { freePort } from '../helpers/app-process';
import { useCollabServer } from '../helpers/collab-fixture';
import { startCollabProcess, type CollabProcess } from '../helpers/collab-process';
import { storedText } from '../helpers/stored-text';
import {
  buildMember,
  buildPlan,
  buildSection,
  buildUser,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';

/**
 * Requests that arrive together — a double click, two tabs, two instances behind a load balancer —
 * and race through a check and a write. On Postgres (DATABASE_URL) each call runs on its own pooled
 * connection, so they truly overlap; on PGlite they interleave at every await, one statement at a time.
 */
/** Each outcome: 'ok', or the AppError's code and message (anything else is a failure of the test). */
const outcomes = async (calls: Array<Promise<unknown>>) =>
  (await Promise.allSettled(calls)).map((r) => {
    if (r.status === 'fulfilled') return 'ok';
    if (r.reason instanceof AppError) return `${r.reason.code}: ${r.reason.message}`;
    throw r.reason;
  });

describe('requests that arrive together', () => {
  const t = useCollabServer();
  const db = () => t.db;
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection, victims: BuiltSection, canada: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db());
    peru = await buildMember(db(), { plan, state: 'PER' });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    brazil = await buildMember(db(), { plan, state: 'BRA' });
    police = await buildSection(db(), { plan, lead: peru, text: ['Peru proposes regional police training.'] });
    prevention = await buildSection(db(), {
      plan,
      lead: mexico,
      text: ['Mexico proposes municipal prevention programmes.'],
    });
    victims = await buildSection(db(), {
      plan,
      lead: brazil,
      text: ['Brazil proposes assistance centres for victims.'],
    });
    canada = await buildSection(db(), { plan, text: ['Canada proposes common indicators.'] });
  });

  const audited = async (action: string, target: string) =>
    (
      await db()
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.target, target)))
    )[0]!.n;

  const newUser = async (email: string) => (await buildUser(db(), { email })).id;

  it('appoints a person twice at once as one membership, audited once', async () => {
    const userId = await newUser('twice@ministry.test');
    const appoint = () =>
      appointMember(db(), {
        actorId: plan.chair.id,
        planId: plan.id,
        input: { email: 'twice@ministry.test', role: 'coordinator', stateCode: 'PAN' },
      });
    expect(await outcomes([appoint(), appoint()])).toEqual(['ok', 'ok']);
    const rows = await db()
      .select()
      .from(planMembers)
      .where(and(eq(planMembers.planId, plan.id), eq(planMembers.userId, userId)));
    expect(rows).toEqual([expect.objectContaining({ role: 'coordinator', stateCode: 'PAN' })]);
    expect(await audited('member.appointed', `member:${userId}`)).toBe(1);
    expect(await audited('member.role_changed', `member:${userId}`)).toBe(0);
  });

  it('appoints one of two people named for one state at once, and tells the other who holds it', async () => {
    await newUser('first@ecuador.test');
    await newUser('second@ecuador.test');
    const appoint = (email: string) =>
      appointMember(db(), {
        actorId: plan.chair.id,
        planId: plan.id,
        input: { email, role: 'coordinator', stateCode: 'ECU' },
      });
    const results = await outcomes([appoint('first@ecuador.test'), appoint('second@ecuador.test')]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    const loser = results.find((r) => r !== 'ok');
    expect(loser).toMatch(
      /^conflict: Ecuador already has a coordinator in this plan \((first|second)@ecuador\.test\)$/,
    );
    const coordinators = await db()
      .select()
      .from(planMembers)
      .where(and(eq(planMembers.planId, plan.id), eq(planMembers.stateCode, 'ECU')));
    expect(coordinators).toHaveLength(1);
  });

  it('accepts a one-time link once when it is accepted twice at once', async () => {
    const invited = await appointMember(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'link@gob.cl', role: 'coordinator', stateCode: 'CHL' },
    });
    if (invited.kind !== 'invitation') throw new Error('expected an invitation');
    const accept = () =>
      acceptInvitation(db(), { token: invited.token, name: 'Punto focal de Chile', password: 'long-enough' });
    const results = await outcomes([accept(), accept()]);
    expect(results.sort()).toEqual(['conflict: This invitation link was already used', 'ok']);
    const accounts = await db().select().from(users).where(eq(users.email, 'link@gob.cl'));
    expect(accounts).toHaveLength(1);
    const memberships = await db().select().from(planMembers).where(eq(planMembers.userId, accounts[0]!.id));
    expect(memberships).toEqual([expect.objectContaining({ planId: plan.id, role: 'coordinator', stateCode: 'CHL' })]);
    expect(await audited('member.joined', `member:${accounts[0]!.id}`)).toBe(1);
  });

  it('gives sections created at once a place each', async () => {
    const titles = ['Border management', 'Cybercrime', 'Firearms trafficking', 'Prison systems'];
    const created = await Promise.all(
      titles.map((title) =>
        createSection(db(), {
          actorId: plan.chair.id,
          planId: plan.id,
          input: { title, leadState: 'ARG', coEditingStates: [] },
        }),
      ),
    );
    expect(created).toHaveLength(4);
    const rows = await db()
      .select({ position: sections.position })
      .from(sections)
      .where(eq(sections.planId, plan.id))
      .orderBy(asc(sections.position));
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
  });

  it('keeps both of two changes to one section sent at once, and deletes a section once', async () => {
    const { id: sectionId } = await createSection(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { title: 'Draft title', leadState: 'URY', coEditingStates: [] },
    });
    const update = (input: { title: string } | { frozen: boolean } | { coEditingStates: string[] }) =>
      updateSection(db(), { actorId: plan.chair.id, sectionId, input });
    expect(
      await outcomes([
        update({ title: 'Money laundering' }),
        update({ frozen: true }),
        update({ coEditingStates: ['PRY'] }),
      ]),
    ).toEqual(['ok', 'ok', 'ok']);
    const [row] = await db().select().from(sections).where(eq(sections.id, sectionId));
    expect(row).toMatchObject({ title: 'Money laundering', frozen: true });
    expect(await db().select().from(sectionCoEditors).where(eq(sectionCoEditors.sectionId, sectionId))).toEqual([
      { sectionId, stateCode: 'PRY' },
    ]);

    const remove = () => deleteSection(db(), { actorId: plan.chair.id, sectionId });
    expect((await outcomes([remove(), remove()])).sort()).toEqual([
      'not_found: This section does not exist any more.',
      'ok',
    ]);
    expect(await audited('section.deleted', `section:${sectionId}`)).toBe(1);
  });

  it('records what each of two document blocks saved at once replaced', async () => {
    const block = (symbol: string) => ({
      council: 'Permanent Council',
      committee: 'Committee on Hemispheric Security',
      workingGroup: 'Working group',
      symbol,
      date: null,
      originalLanguage: 'es' as const,
    });
    const save = (symbol: string) =>
      updatePlanMetadata(db(), { userId: plan.chair.id, planId: plan.id, metadata: block(symbol) });
    expect(await outcomes([save('GT/DSS-4/11'), save('GT/DSS-4/12')])).toEqual(['ok', 'ok']);
    const entries = await db()
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.metadata_updated'), eq(auditLog.target, `plan:${plan.id}`)))
      .orderBy(asc(auditLog.id));
    expect(entries).toHaveLength(2);
    // The second replaced the first, whichever came first: no block is lost from the history.
    expect(entries[1]!.before).toEqual(entries[0]!.after);
  });

  it('stores an automatic version of one state once, however many instances take it at once', async () => {
    const docId = canada.room;
    const before = await versionCount(docId);
    const take = () =>
      documentHost().read(docId, (doc, people) => saveVersion(db(), { docId, doc, users: people, kind: 'auto' }));
    const [first, second] = await Promise.all([take(), take()]);
    expect(second.id).toBe(first.id);
    expect(await versionCount(docId)).toBe(before + 1);
  });

  it('names a version once when the same name is sent twice at once', async () => {
    const docId = victims.room;
    const name = () => nameVersion(db(), { userId: brazil.id, docId, name: 'Sent to the capital' });
    const results = await outcomes([name(), name()]);
    expect(results.sort()).toEqual([
      'conflict: There is already a version named “Sent to the capital”; choose another name',
      'ok',
    ]);
    const named = await db()
      .select()
      .from(versions)
      .where(and(eq(versions.docId, docId), eq(versions.name, 'Sent to the capital')));
    expect(named).toHaveLength(1);
  });

  it('names a version of the whole plan once when the same name is sent twice at once', async () => {
    const name = () =>
      namePlanVersion(db(), { userId: plan.chair.id, planId: plan.id, name: 'Draft for the second meeting' });
    const results = await outcomes([name(), name()]);
    expect(results.sort()).toEqual([
      'conflict: There is already a version of this plan named “Draft for the second meeting”; choose another name',
      'ok',
    ]);
    const named = await db()
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.planId, plan.id), eq(planVersions.name, 'Draft for the second meeting')));
    expect(named).toHaveLength(1);
  });

  it('withdraws a message once when its author and the chair withdraw it at once', async () => {
    const message = await postComment(db(), { userId: peru.id, sectionId: police.id, body: 'Withdrawn twice?' });
    const results = await outcomes([
      withdrawComment(db(), { userId: peru.id, commentId: message.id }),
      withdrawComment(db(), { userId: plan.chair.id, commentId: message.id }),
    ]);
    expect(results).toEqual(['ok', 'ok']);
    expect(await audited('comment.withdrawn', `comment:${message.id}`)).toBe(1);
  });

  it('never changes a message after it is withdrawn, and the log keeps its last wording', async () => {
    const message = await postComment(db(), { userId: mexico.id, sectionId: prevention.id, body: 'First wording' });
    const results = await outcomes([
      editComment(db(), { userId: mexico.id, commentId: message.id, body: 'Second wording' }),
      withdrawComment(db(), { userId: plan.chair.id, commentId: message.id }),
    ]);
    expect(['ok', 'conflict: This message was withdrawn']).toContain(results[0]);
    expect(results[1]).toBe('ok');
    const [withdrawal] = await db()
      .select({ before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'comment.withdrawn'), eq(auditLog.target, `comment:${message.id}`)));
    expect(withdrawal!.before).toMatchObject({ body: results[0] === 'ok' ? 'Second wording' : 'First wording' });
  });

  it('moves the plan one phase when the chair asks for two different moves at once', async () => {
    const phaseChanges = () => audited('plan.phase_changed', `plan:${plan.id}`);
    const changesBefore = await phaseChanges();
    const move = (phase: 'goal' | 'consolidation') =>
      changePhase(db(), { actorId: plan.chair.id, planId: plan.id, phase });
    const results = await outcomes([move('consolidation'), move('goal')]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.find((r) => r !== 'ok')).toMatch(
      /^conflict: The plan moved to the (consolidation|goal) phase meanwhile; reload the page and try again$/,
    );
    const [row] = await db().select({ phase: plans.phase }).from(plans).where(eq(plans.id, plan.id));
    expect(row!.phase).toBe(results[0] === 'ok' ? 'consolidation' : 'goal');
    expect(await phaseChanges()).toBe(changesBefore + 1);

    await changePhase(db(), { actorId: plan.chair.id, planId: plan.id, phase: 'drafting' });
    const again = await outcomes([move('consolidation'), move('consolidation')]);
    expect(again).toEqual(['ok', 'ok']);
    expect(await phaseChanges()).toBe(changesBefore + 3);
    await changePhase(db(), { actorId: plan.chair.id, planId: plan.id, phase: 'drafting' });
  });

  it('removes a member once when the removal is sent twice at once', async () => {
    const userId = await newUser('leaving@ministry.test');
    await appointMember(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'leaving@ministry.test', role: 'observer' },
    });
    const remove = () => removeMember(db(), { actorId: plan.chair.id, planId: plan.id, userId });
    expect(await outcomes([remove(), remove()])).toEqual(['ok', 'ok']);
    expect(await audited('member.removed', `member:${userId}`)).toBe(1);
  });

  const versionCount = async (docId: string) =>
    (
      await db()
        .select({ n: count() })
        .from(versions)
        .where(and(eq(versions.docId, docId), eq(versions.kind, 'auto'), isNull(versions.name)))
    )[0]!.n;
});

/**
 * The same request reaching two instances: this process is one, a server process on the same database
 * the other (Postgres only: PGlite serves one process, where both calls are made here, one after the other).
 */
describe('a request that reaches two instances at the same moment', () => {
  const t = useCollabServer();
  const db = () => t.db;
  let plan: BuiltPlan;
  let other: CollabProcess | undefined;

  beforeAll(async () => {
    // Two states proposing the same curriculum in other words: an open overlap on the first look.
    plan = await buildPlan(db());
    await buildSection(db(), {
      plan,
      text: [
        'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
      ],
    });
    await buildSection(db(), {
      plan,
      text: [
        'Develop a regional curriculum for training police officers, grounded in human rights and community policing.',
      ],
    });
    if (t.database.url) other = await startCollabProcess(t.database, await freePort());
  });

  afterAll(async () => {
    await other?.kill('SIGTERM');
  });

  it('merges an overlap once: the wording stands once, the decision is audited once', async () => {
    const [overlap] = (await listPlanOverlaps(db(), { userId: plan.chair.id, planId: plan.id })).overlaps.filter(
      (o) => o.status === 'open',
    );
    if (!overlap) throw new Error('the plan has no open overlap');
    const wording =
      'Develop one regional police curriculum, grounded in human rights and community policing, for every state.';
    const request = {
      userId: plan.chair.id,
      overlapId: overlap.id,
      resolution: { kind: 'merge', keep: 'a', wording },
    } as const;
    const results = await outcomes([
      resolveOverlap(db(), request),
      other ? other.call('resolveOverlap', request) : resolveOverlap(db(), request),
    ]);
    expect(results.sort()).toEqual(['conflict: This overlap was already merged', 'ok']);

    const merged = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'overlap.merged'), eq(auditLog.target, `overlap:${overlap.id}`)));
    expect(merged[0]!.n).toBe(1);
    // Everything either instance changed, stored: the other stores all on SIGTERM.
    await other?.kill('SIGTERM');
    await t.server.collab.flush();
    const kept = await storedText(db(), sectionRoom(overlap.a.sectionId));
    expect(kept.split(wording).length - 1).toBe(1);
    const before = await db()
      .select({ n: count() })
      .from(versions)
      .where(
        and(eq(versions.docId, sectionRoom(overlap.a.sectionId)), eq(versions.name, 'Before an overlap was merged')),
      );
    expect(before[0]!.n).toBe(1);
  });
});
