import { getDb } from '../../../../../db';
import { openObserverComments } from '../../../../../lib/plans/open-observer-comments';
import { planIdParam } from '../../../../../lib/shared/ids';
import { observerCommentsInput } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** The chair opens (`open: true`) or closes the observers' channel of the plan's sections. */
export function PUT(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { open } = await parseBody(req, observerCommentsInput);
    await openObserverComments(await getDb(), { actorId, planId, open });
    return { open };
  });
}
