import { getDb } from '../../../../../db';
import { searchPlan } from '../../../../../lib/search/search-plan';
import { planIdParam } from '../../../../../lib/shared/ids';
import { searchInput } from '../../../../../lib/shared/schemas';
import { checkInput, jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** GET ?q=…: what of the plan holds the words: its goal, section titles and paragraphs, discussion messages. */
export function GET(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { q } = await checkInput(searchInput, { q: new URL(req.url).searchParams.get('q') ?? '' }, 'search');
    return searchPlan(await getDb(), { userId, planId, query: q });
  });
}
