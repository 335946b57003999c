import { getDb } from '../../../../db';
import { actOnAmendment } from '../../../../lib/negotiation/act-on-amendment';
import { amendmentAction } from '../../../../lib/shared/amendments';
import { amendmentIdParam } from '../../../../lib/shared/ids';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ amendmentId: string }> };

/** Co-sponsor, object to, accept, reject (with a reason) or withdraw an amendment. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const amendmentId = amendmentIdParam((await ctx.params).amendmentId);
    const action = await parseBody(req, amendmentAction, 'amendmentAction');
    return actOnAmendment(await getDb(), { userId, amendmentId, action });
  });
}
