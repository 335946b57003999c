import { getDb } from '../../../../../db';
import { getPlanMetadata } from '../../../../../lib/metadata/get-plan-metadata';
import { updatePlanMetadata } from '../../../../../lib/metadata/update-plan-metadata';
import { planIdParam } from '../../../../../lib/shared/ids';
import { planMetadataInput } from '../../../../../lib/shared/plan-metadata';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return getPlanMetadata(await getDb(), { userId, planId: planIdParam((await ctx.params).planId) });
  });
}

export function PUT(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const metadata = await parseBody(req, planMetadataInput, 'metadata');
    return updatePlanMetadata(await getDb(), { userId, planId, metadata });
  });
}
