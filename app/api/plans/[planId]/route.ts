import { getDb } from '../../../../db';
import { archivePlan } from '../../../../lib/plans/archive-plan';
import { deletePlan } from '../../../../lib/plans/delete-plan';
import { getPlan } from '../../../../lib/plans/get-plan';
import { planIdParam } from '../../../../lib/shared/ids';
import { archivePlanInput, deletePlanInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    return getPlan(await getDb(), { userId, planId });
  });
}

/** Archives or restores the plan: `{ archived }`. */
export function PATCH(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { archived } = await parseBody(req, archivePlanInput);
    return archivePlan(await getDb(), { actorId, planId, archived });
  });
}

/** Deletes the plan: `{ title }` repeats its title. */
export function DELETE(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { title } = await parseBody(req, deletePlanInput);
    await deletePlan(await getDb(), { actorId, planId, confirmTitle: title });
  });
}
