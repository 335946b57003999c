import { getDb } from '../../../../../../db';
import { reorderSections } from '../../../../../../lib/plans/reorder-sections';
import { planIdParam } from '../../../../../../lib/shared/ids';
import { reorderSectionsInput } from '../../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../../_server/json-route';
import { requireApiUserId } from '../../../../../_server/session';

export const dynamic = 'force-dynamic';

export function PUT(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const { sectionIds } = await parseBody(req, reorderSectionsInput);
    await reorderSections(await getDb(), { actorId, planId, sectionIds });
  });
}
