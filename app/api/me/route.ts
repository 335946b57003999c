import { eq } from 'drizzle-orm';
import { getDb } from '../../../db';
import { users } from '../../../db/schema';
import { config } from '../../../lib/env';
import { appError } from '../../../lib/i18n/error-text';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from '../../../lib/i18n/locales';
import { updateMeInput } from '../../../lib/shared/schemas';
import { chooseInterfaceLocale } from '../../../lib/users/interface-locale';
import { jsonRoute, parseBody } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const db = await getDb();
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw appError('unauthenticated', 'accountGone');
    return user;
  });
}

/** The user's own settings: the interface language, kept on the account and in this browser's cookie. */
export async function PATCH(req: Request) {
  let chosen: string | undefined;
  const response = await jsonRoute(async () => {
    const userId = await requireApiUserId();
    const { locale } = await parseBody(req, updateMeInput);
    await chooseInterfaceLocale(await getDb(), { userId, locale });
    chosen = locale;
  });
  if (chosen) {
    response.cookies.set(LOCALE_COOKIE, chosen, {
      path: '/',
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
      sameSite: 'lax',
      secure: config().NEXTAUTH_URL?.startsWith('https://') ?? false,
    });
  }
  return response;
}
