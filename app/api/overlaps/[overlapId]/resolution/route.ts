import { getDb } from '../../../../../db';
import { resolutionSchema } from '../../../../../lib/consolidation/resolution-schema';
import { reopenOverlap } from '../../../../../lib/consolidation/reopen-overlap';
import { resolveOverlap } from '../../../../../lib/consolidation/resolve-overlap';
import { overlapIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** The chair merges, keeps both or dismisses an open overlap. */
export function POST(req: Request, ctx: { params: Promise<{ overlapId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const overlapId = overlapIdParam((await ctx.params).overlapId);
    return resolveOverlap(await getDb(), {
      userId,
      overlapId,
      resolution: await parseBody(req, resolutionSchema, 'resolution'),
    });
  });
}

/** The chair reopens a resolved overlap; a merge is undone (409 with the versions to compare once a paragraph changed). */
export function DELETE(_req: Request, ctx: { params: Promise<{ overlapId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const overlapId = overlapIdParam((await ctx.params).overlapId);
    return reopenOverlap(await getDb(), { userId, overlapId });
  });
}
