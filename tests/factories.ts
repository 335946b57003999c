import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { docStats, docUpdates, planMembers, users } from '../db/schema';
import { hashPassword } from '../lib/auth/password';
import { authoredParagraphsUpdate } from '../lib/documents/authored-paragraphs';
import type { Phase, Role } from '../lib/permissions/can';
import { appointMember } from '../lib/plans/appoint-member';
import { PHASES, changePhase } from '../lib/plans/change-phase';
import { createPlan } from '../lib/plans/create-plan';
import { createSection } from '../lib/plans/create-section';
import { updateSection } from '../lib/plans/update-section';
import { OAS_MEMBER_STATES } from '../lib/shared/member-states';
import { goalRoom, sectionRoom } from '../lib/shared/rooms';
import { sessionCookie } from './helpers/session';

/*
 * Test data built on a migrated database (member states present) with the domain functions the app
 * uses: each call makes accounts, plans and sections of its own, with defaults a test overrides where
 * its point lies. Text is stored as the seed stores it, so build a document before anyone opens it.
 */

export type BuiltUser = {
  id: string;
  email: string;
  name: string;
  /** A session cookie of its own (a new session id), as the sign-in route sets it. */
  cookie: string;
};

export type BuiltPlan = { id: string; title: string; goalRoom: string; chair: BuiltUser; admin: BuiltUser };

export type BuiltMember = BuiltUser & { role: Role; state: { code: string; name: string } | null };

export type BuiltSection = { id: string; room: string; title: string; planId: string; leadState: string };

let sequence = 0;
/** Unique across the processes that share a database, and in this process. */
const unique = () => `${++sequence}.${randomBytes(3).toString('hex')}`;

/** An account; with `password` it can sign in, otherwise it is reached through its session cookie. */
export async function buildUser(
  db: Db,
  overrides: { name?: string; email?: string; password?: string; isAdmin?: boolean } = {},
): Promise<BuiltUser> {
  const key = unique();
  const values = {
    email: overrides.email ?? `user${key}@factory.test`,
    name: overrides.name ?? `User ${key}`,
    passwordHash: overrides.password ? await hashPassword(overrides.password) : null,
    isAdmin: overrides.isAdmin ?? false,
  };
  const [user] = await db.insert(users).values(values).returning({ id: users.id });
  if (!user) throw new Error('user insert returned nothing');
  return { id: user.id, email: values.email, name: values.name, cookie: await sessionCookie(user.id) };
}

/**
 * A plan created by an administrator, who appoints its chair, then moved phase by phase to `phase`
 * (drafting unless said). `goal`: paragraphs of the goal document, written by the chair.
 */
export async function buildPlan(
  db: Db,
  overrides: { title?: string; phase?: Phase; chair?: BuiltUser; admin?: BuiltUser; goal?: readonly string[] } = {},
): Promise<BuiltPlan> {
  const admin = overrides.admin ?? (await buildUser(db, { name: 'Administrator', isAdmin: true }));
  const chair = overrides.chair ?? (await buildUser(db, { name: 'Chair' }));
  const title = overrides.title ?? `Plan of action ${unique()}`;
  const { planId } = await createPlan(db, { actorId: admin.id, title, chairEmail: chair.email });
  const target = PHASES.indexOf(overrides.phase ?? 'drafting');
  for (let step = 1; step <= target; step++) await changePhase(db, { actorId: chair.id, planId, phase: PHASES[step]! });
  if (overrides.goal) await writeText(db, goalRoom(planId), overrides.goal, chair.id);
  return { id: planId, title, goalRoom: goalRoom(planId), chair, admin };
}

/**
 * Someone appointed to `plan` by its chair: a coordinator (the default) of `state`, or of the first
 * member state that has none in the plan yet; an observer; or a chair, appointed by the administrator.
 */
export async function buildMember(
  db: Db,
  options: { plan: BuiltPlan; role?: Role; state?: string; user?: BuiltUser; name?: string },
): Promise<BuiltMember> {
  const { plan } = options;
  const role = options.role ?? 'coordinator';
  const state = role === 'coordinator' ? memberState(options.state ?? (await freeState(db, plan.id))) : null;
  const user =
    options.user ?? (await buildUser(db, { name: options.name ?? (state ? `Delegate of ${state.name}` : undefined) }));
  const actorId = role === 'chair' ? plan.admin.id : plan.chair.id;
  await appointMember(db, {
    actorId,
    planId: plan.id,
    input: { email: user.email, role, ...(state && { stateCode: state.code }) },
  });
  return { ...user, role, state };
}

/**
 * A section at the end of `plan`, led by `lead` (a coordinator, or a state code; a new coordinator
 * unless said) and co-edited by `coEditors`. `text`: its paragraphs, written by the lead's coordinator
 * (by the chair when the lead is a state code).
 */
export async function buildSection(
  db: Db,
  options: {
    plan: BuiltPlan;
    lead?: BuiltMember | string;
    coEditors?: ReadonlyArray<BuiltMember | string>;
    frozen?: boolean;
    title?: string;
    text?: readonly string[];
  },
): Promise<BuiltSection> {
  const { plan } = options;
  const lead = options.lead ?? (await buildMember(db, { plan }));
  const stateOf = (who: BuiltMember | string) => (typeof who === 'string' ? who : who.state!.code);
  const input = {
    title: options.title ?? `Section ${unique()}`,
    leadState: stateOf(lead),
    coEditingStates: (options.coEditors ?? []).map(stateOf),
  };
  const { id } = await createSection(db, { actorId: plan.chair.id, planId: plan.id, input });
  if (options.frozen) await updateSection(db, { actorId: plan.chair.id, sectionId: id, input: { frozen: true } });
  if (options.text)
    await writeText(db, sectionRoom(id), options.text, typeof lead === 'string' ? plan.chair.id : lead.id);
  return { id, room: sectionRoom(id), title: input.title, planId: plan.id, leadState: input.leadState };
}

/** Stores paragraphs as one update typed by `authorId`, and their word count, as the seed does. */
async function writeText(db: Db, docId: string, paragraphs: readonly string[], authorId: string): Promise<void> {
  await db.insert(docUpdates).values({ docId, data: authoredParagraphsUpdate(paragraphs, authorId) });
  await db
    .insert(docStats)
    .values({ docId, words: paragraphs.join(' ').split(/\s+/).filter(Boolean).length, lastEditAt: new Date() });
}

function memberState(code: string): { code: string; name: string } {
  const found = OAS_MEMBER_STATES.find(([c]) => c === code);
  if (!found) throw new Error(`${code} is not a member state`);
  return { code, name: found[1] };
}

async function freeState(db: Db, planId: string): Promise<string> {
  const taken = await db
    .select({ code: planMembers.stateCode })
    .from(planMembers)
    .where(and(eq(planMembers.planId, planId), eq(planMembers.role, 'coordinator')));
  const free = OAS_MEMBER_STATES.find(([code]) => !taken.some((t) => t.code === code));
  if (!free) throw new Error('every member state has a coordinator in this plan');
  return free[0];
}
