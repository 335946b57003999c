import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

export type EmailNotifications = (typeof users.$inferSelect)['emailNotifications'];

/** How a user wants notifications emailed (when the server sends email): at once, in a daily digest, or not. */
export async function readEmailNotifications(db: Db, userId: string): Promise<EmailNotifications> {
  const [user] = await db
    .select({ emailNotifications: users.emailNotifications })
    .from(users)
    .where(eq(users.id, userId));
  return user?.emailNotifications ?? 'immediate';
}

/** Keeps the user's choice; it applies to notifications not yet emailed. */
export async function chooseEmailNotifications(
  db: Db,
  options: { userId: string; emailNotifications: EmailNotifications },
): Promise<void> {
  await db.update(users).set({ emailNotifications: options.emailNotifications }).where(eq(users.id, options.userId));
}
