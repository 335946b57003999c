import { getDb } from '../../../../db';
import { getPlan } from '../../../../lib/plans/get-plan';
import { planIdParam } from '../../../../lib/shared/ids';
import { jsonRoute } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    return getPlan(await getDb(), { userId, planId });
  });
}
