import { getDb } from '../../../../../db';
import { listPlanAmendments } from '../../../../../lib/negotiation/list-amendments';
import { planIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** A plan's amendments across its sections, for any member. */
export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    return { amendments: await listPlanAmendments(await getDb(), { userId, planId }) };
  });
}
