import { getDb } from '../../../../db';
import { emailNotificationsInput } from '../../../../lib/shared/schemas';
import { chooseEmailNotifications } from '../../../../lib/users/email-notifications';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

/** The user's own choice of notification emails: each at once, a daily digest, or none. */
export function PUT(req: Request) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const { emailNotifications } = await parseBody(req, emailNotificationsInput);
    await chooseEmailNotifications(await getDb(), { userId, emailNotifications });
    return { emailNotifications };
  });
}
