import { getDb } from '../../../../../../db';
import { removeMember } from '../../../../../../lib/plans/remove-member';
import { planIdParam, userIdParam } from '../../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../../_server/json-route';
import { requireApiUserId } from '../../../../../_server/session';

export const dynamic = 'force-dynamic';

export function DELETE(_req: Request, ctx: { params: Promise<{ planId: string; userId: string }> }) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const params = await ctx.params;
    await removeMember(await getDb(), {
      actorId,
      planId: planIdParam(params.planId),
      userId: userIdParam(params.userId),
    });
  });
}
