import { getDb } from '../../../../../db';
import { findPlanOverlaps } from '../../../../../lib/consolidation/find-plan-overlaps';
import { planIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return { overlaps: await findPlanOverlaps(await getDb(), { userId, planId: planIdParam((await ctx.params).planId) }) };
  });
}
