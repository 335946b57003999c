import { getDb } from '../../../../../db';
import { changePhase } from '../../../../../lib/plans/change-phase';
import { planIdParam } from '../../../../../lib/shared/ids';
import { changePhaseInput } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function POST(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { phase } = await parseBody(req, changePhaseInput);
    await changePhase(await getDb(), { actorId, planId, phase });
    return { phase };
  });
}
