import { getDb } from '../../../../../db';
import { listSectionOverlaps } from '../../../../../lib/consolidation/list-overlaps';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ sectionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return listSectionOverlaps(await getDb(), { userId, sectionId: sectionIdParam((await ctx.params).sectionId) });
  });
}
