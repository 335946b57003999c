import { getDb } from '../../../../db';
import { unsubscribe } from '../../../../lib/email/unsubscribe';
import { config } from '../../../../lib/env';
import { unsubscribeInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';

export const dynamic = 'force-dynamic';

/** Turns a user's notification emails off from the link in an email: its token is the credential. */
export function POST(req: Request) {
  return jsonRoute(async () => {
    const { userId, token } = await parseBody(req, unsubscribeInput, 'unsubscribe');
    await unsubscribe(await getDb(), { userId, token, secret: config().NEXTAUTH_SECRET });
    return { emailNotifications: 'off' };
  });
}
