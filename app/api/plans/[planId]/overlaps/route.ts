import { getDb } from '../../../../../db';
import { analyseOverlapsNow, listPlanOverlaps } from '../../../../../lib/consolidation/list-overlaps';
import { planIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requestLocale } from '../../../../_server/request-locale';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    // Open overlaps come with their passages machine-translated into the reader's interface language.
    return listPlanOverlaps(await getDb(), {
      userId,
      planId: planIdParam((await ctx.params).planId),
      readIn: await requestLocale(),
    });
  });
}

/** The chair asks for the plan to be analysed now rather than after the next edits settle. */
export function POST(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return analyseOverlapsNow(await getDb(), {
      userId,
      planId: planIdParam((await ctx.params).planId),
      readIn: await requestLocale(),
    });
  });
}
