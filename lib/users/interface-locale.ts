import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { isLocale, type Locale } from '../i18n/locales';

/** The interface language a user chose, or null when they never chose one (or no such user). */
export async function readInterfaceLocale(db: Db, userId: string): Promise<Locale | null> {
  const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return isLocale(user?.locale) ? user.locale : null;
}

/** Keeps a user's choice of interface language on their account, so it follows them to any browser. */
export async function chooseInterfaceLocale(db: Db, options: { userId: string; locale: Locale }): Promise<void> {
  await db.update(users).set({ locale: options.locale }).where(eq(users.id, options.userId));
}
