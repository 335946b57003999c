import { getDb } from '../../../../../db';
import { createSection } from '../../../../../lib/plans/create-section';
import { planIdParam } from '../../../../../lib/shared/ids';
import { createSectionInput } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function POST(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(
    async () => {
      const actorId = await requireApiUserId();
      const planId = planIdParam((await ctx.params).planId);
      return createSection(await getDb(), {
        actorId,
        planId,
        input: await parseBody(req, createSectionInput, 'section'),
      });
    },
    { status: 201 },
  );
}
