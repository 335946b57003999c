import { getDb } from '../../../../../../db';
import { planIdParam, versionIdParam } from '../../../../../../lib/shared/ids';
import { comparePlanVersions } from '../../../../../../lib/versions/compare-plan-versions';
import { jsonRoute } from '../../../../../_server/json-route';
import { requireApiUserId } from '../../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** `?from=&to=`: two named versions of the plan compared section by section, for any member. */
export function GET(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const query = new URL(req.url).searchParams;
    return comparePlanVersions(await getDb(), {
      userId,
      planId: planIdParam((await ctx.params).planId),
      fromId: versionIdParam(query.get('from') ?? ''),
      toId: versionIdParam(query.get('to') ?? ''),
    });
  });
}
