import { getDb } from '../../../../db';
import { markNotificationsRead } from '../../../../lib/notifications/list-notifications';
import { markNotificationsReadInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

/** Marks the user's own notifications read (the ids given, or all); answers the unread count left. */
export function POST(req: Request) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const { ids } = await parseBody(req, markNotificationsReadInput);
    return { unread: await markNotificationsRead(await getDb(), { userId, ids }) };
  });
}
