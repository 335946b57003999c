import { getDb } from '../../../../../db';
import { appError } from '../../../../../lib/i18n/error-text';
import { searchPlan } from '../../../../../lib/search/search-plan';
import { planIdParam } from '../../../../../lib/shared/ids';
import { searchQuery } from '../../../../../lib/shared/schemas';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** GET ?q=…: the paragraphs of the plan's sections that hold the words. */
export function GET(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const query = searchQuery.safeParse(new URL(req.url).searchParams.get('q') ?? '');
    if (!query.success)
      throw appError('invalid', 'invalidQuery', { detail: query.error.issues[0]?.message ?? 'invalid' });
    return searchPlan(await getDb(), { userId, planId, query: query.data });
  });
}
