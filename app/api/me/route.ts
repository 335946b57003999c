import { eq } from 'drizzle-orm';
import { getDb } from '../../../db';
import { users } from '../../../db/schema';
import { AppError } from '../../../lib/errors';
import { jsonRoute } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const db = await getDb();
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('unauthenticated', 'Your account no longer exists');
    return user;
  });
}
