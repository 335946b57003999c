import { eq } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import { DEMO_DOMAIN } from '../lib/auth/demo';
import { authoredParagraphsUpdate } from '../lib/documents/authored-paragraphs';
import { OAS_MEMBER_STATES } from '../lib/shared/member-states';
import { goalRoom, sectionRoom } from '../lib/shared/rooms';
import type { Db } from './client';
import {
  docStats,
  docUpdates,
  memberStates,
  planMembers,
  planMetadata,
  plans,
  sectionCoEditors,
  sections,
  users,
} from './schema';

export const DEMO_PLAN_TITLE =
  'Hemispheric Plan of Action to Follow-up on the Declaration of San Salvador on Citizen Security in the Americas';

/**
 * The demo plan's document block, as the Committee on Hemispheric Security's documents carry it: the
 * exports are headed and named by it (`OEA-Ser.G-CP-CSH-2271-26_2026-11-26.docx`). Drafted in Spanish
 * ("Original: Spanish"), the plan is in English: its language, which exports speak around the text and
 * merges write their references in, is the one its demo text is written in.
 */
export const DEMO_DOCUMENT_BLOCK = {
  council: 'Permanent Council of the Organization of American States',
  committee: 'Committee on Hemispheric Security',
  workingGroup: '',
  symbol: 'OEA/Ser.G CP/CSH-2271/26',
  date: '2026-11-26',
  originalLanguage: 'es',
  language: 'en',
};

const GOAL = [
  'To give the member states a common, measurable agenda for implementing the commitments of the Declaration of San Salvador on Citizen Security in the Americas, so that each state contributes its own experience without duplicating the work of others and the resources of the Hemisphere are used efficiently.',
];

type DemoSection = { title: string; lead: string; coEditing?: string[]; text: string; more?: string[] };

export const DEMO_SECTIONS: DemoSection[] = [
  {
    title: 'Professionalisation of police forces',
    lead: 'PER',
    coEditing: ['MEX'],
    text: 'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
  },
  {
    title: 'Prevention of violence and crime',
    lead: 'MEX',
    text: 'Mexico proposes to scale up municipal prevention programmes focused on youth.',
  },
  {
    title: 'Attention to victims',
    lead: 'BRA',
    text: 'Brazil proposes integrated assistance centres for victims of violence.',
  },
  {
    title: 'Information systems and statistics',
    lead: 'CAN',
    text: 'Canada proposes common indicators for citizen-security statistics.',
  },
  {
    title: 'International cooperation',
    lead: 'JAM',
    text: 'Jamaica proposes a network of focal points for the exchange of good practices.',
    // The same proposal as Peru's, in other words: what the chair consolidates.
    more: [
      'Develop a regional curriculum for training police officers, grounded in human rights and community policing.',
    ],
  },
];

export type DemoAccount = {
  email: string;
  name: string;
  role: 'admin' | 'chair' | 'coordinator' | 'observer';
  state?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `admin@${DEMO_DOMAIN}`, name: 'Instance Administrator', role: 'admin' },
  { email: `chair@${DEMO_DOMAIN}`, name: 'Working Group Chair', role: 'chair' },
  { email: `peru@${DEMO_DOMAIN}`, name: 'Coordinator of Peru', role: 'coordinator', state: 'PER' },
  { email: `mexico@${DEMO_DOMAIN}`, name: 'Coordinator of Mexico', role: 'coordinator', state: 'MEX' },
  { email: `brazil@${DEMO_DOMAIN}`, name: 'Coordinator of Brazil', role: 'coordinator', state: 'BRA' },
  { email: `canada@${DEMO_DOMAIN}`, name: 'Coordinator of Canada', role: 'coordinator', state: 'CAN' },
  { email: `jamaica@${DEMO_DOMAIN}`, name: 'Coordinator of Jamaica', role: 'coordinator', state: 'JAM' },
  { email: `observer@${DEMO_DOMAIN}`, name: 'Observer', role: 'observer' },
];

export type SeedOptions = {
  demoPassword: string;
  /** Whether to add the demo plan and its accounts (to a database without plans); member states are added regardless. */
  demoPlan?: boolean;
};

/**
 * Member states always; the demo plan and its accounts only when asked and the database has no plan
 * yet. Checks, then inserts: run it under the start-up lock (`Database.migrate(afterwards)`), where a
 * process starting at the same moment waits for this one's plan instead of adding its own.
 */
export async function seed(db: Db, options: SeedOptions): Promise<{ seeded: boolean }> {
  await db
    .insert(memberStates)
    .values(OAS_MEMBER_STATES.map(([code, nameEn, nameEs]) => ({ code, nameEn, nameEs })))
    .onConflictDoNothing();
  if (options.demoPlan === false) return { seeded: false };
  const [existing] = await db.select({ id: plans.id }).from(plans).limit(1);
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(options.demoPassword);
  await db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values({ title: DEMO_PLAN_TITLE, phase: 'drafting' }).returning();
    if (!plan) throw new Error('plan insert returned nothing');
    const accounts = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, passwordHash, isAdmin: a.role === 'admin' })))
      .onConflictDoNothing()
      .returning();
    const idOf = new Map(accounts.map((u) => [u.email, u.id]));
    /** The chair's and each state's coordinator's user id; the demo's text is theirs, as if they had typed it. */
    const authors = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const userId =
        idOf.get(account.email) ?? (await tx.select().from(users).where(eq(users.email, account.email)))[0]?.id;
      if (!userId || account.role === 'admin') continue;
      await tx
        .insert(planMembers)
        .values({ planId: plan.id, userId, role: account.role, stateCode: account.state ?? null });
      if (account.role === 'chair' || account.role === 'coordinator') authors.set(account.state ?? 'chair', userId);
    }
    const authorOf = (key: string) => {
      const userId = authors.get(key);
      if (!userId) throw new Error(`no demo account writes for ${key}`);
      return userId;
    };
    await tx.insert(planMetadata).values({ planId: plan.id, ...DEMO_DOCUMENT_BLOCK, updatedBy: authorOf('chair') });
    await writeDocument(tx, goalRoom(plan.id), GOAL, authorOf('chair'));
    for (const [position, s] of DEMO_SECTIONS.entries()) {
      const [section] = await tx
        .insert(sections)
        .values({ planId: plan.id, title: s.title, leadState: s.lead, position })
        .returning();
      if (!section) throw new Error('section insert returned nothing');
      for (const state of s.coEditing ?? [])
        await tx.insert(sectionCoEditors).values({ sectionId: section.id, stateCode: state });
      await writeDocument(tx, sectionRoom(section.id), [s.text, ...(s.more ?? [])], authorOf(s.lead));
    }
  });
  return { seeded: true };
}

async function writeDocument(db: Db, docId: string, paragraphs: string[], authorId: string): Promise<void> {
  await db.insert(docUpdates).values({ docId, data: authoredParagraphsUpdate(paragraphs, authorId) });
  const words = paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  await db.insert(docStats).values({ docId, words, lastEditAt: new Date() });
}
