import { getDb } from '../../../db';
import { listNotifications } from '../../../lib/notifications/list-notifications';
import { jsonRoute } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

/** The signed-in user's latest notifications and their unread count. */
export function GET() {
  return jsonRoute(async () => listNotifications(await getDb(), { userId: await requireApiUserId() }));
}
