import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans, sections } from '../../db/schema';
import { goalRoom, sectionRoom } from '../../lib/shared/rooms';
import { sessionCookie, userIdByEmail } from './session';

export const DEMO_PEOPLE = ['admin', 'chair', 'peru', 'mexico', 'brazil', 'canada', 'jamaica', 'observer'] as const;
export type Who = (typeof DEMO_PEOPLE)[number];

/** The seeded demo plan: its ids, rooms and a session cookie for each demo account. */
export async function demoPlan(db: Db) {
  const [plan] = await db.select().from(plans);
  if (!plan) throw new Error('no demo plan: was the database seeded?');
  const rows = await db.select().from(sections).where(eq(sections.planId, plan.id)).orderBy(asc(sections.position));
  const section = (lead: string) => {
    const row = rows.find((r) => r.leadState === lead);
    if (!row) throw new Error(`no section led by ${lead}`);
    return { id: row.id, room: sectionRoom(row.id) };
  };
  const ids = {} as Record<Who, string>;
  const cookies = {} as Record<Who, string>;
  for (const who of DEMO_PEOPLE) {
    ids[who] = await userIdByEmail(db, `${who}@demo.test`);
    cookies[who] = await sessionCookie(ids[who]);
  }
  return {
    planId: plan.id,
    goalRoom: goalRoom(plan.id),
    /** Peru leads it, Mexico co-edits it. */
    police: section('PER'),
    prevention: section('MEX'),
    victims: section('BRA'),
    canada: section('CAN'),
    ids,
    cookies,
  };
}
