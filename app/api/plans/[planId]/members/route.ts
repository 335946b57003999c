import { getDb } from '../../../../../db';
import { appointMember } from '../../../../../lib/plans/appoint-member';
import { listMembers } from '../../../../../lib/plans/list-members';
import { planIdParam } from '../../../../../lib/shared/ids';
import { appointInput } from '../../../../../lib/shared/schemas';
import { invitationLink } from '../../../../_server/invitation-link';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return listMembers(await getDb(), { userId, planId: planIdParam((await ctx.params).planId) });
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const actorId = await requireApiUserId();
      const planId = planIdParam((await ctx.params).planId);
      const input = await parseBody(req, appointInput, 'appoint');
      return await invitationLink(req, await appointMember(await getDb(), { actorId, planId, input }));
    },
    { status: 201 },
  );
}
