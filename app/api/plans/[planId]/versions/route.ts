import { getDb } from '../../../../../db';
import { planIdParam } from '../../../../../lib/shared/ids';
import { nameVersionInput } from '../../../../../lib/shared/schemas';
import { listPlanVersions } from '../../../../../lib/versions/list-plan-versions';
import { namePlanVersion } from '../../../../../lib/versions/name-plan-version';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return {
      versions: await listPlanVersions(await getDb(), { userId, planId: planIdParam((await ctx.params).planId) }),
    };
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const userId = await requireApiUserId();
      const planId = planIdParam((await ctx.params).planId);
      const { name } = await parseBody(req, nameVersionInput, 'version');
      return namePlanVersion(await getDb(), { userId, planId, name });
    },
    { status: 201 },
  );
}
