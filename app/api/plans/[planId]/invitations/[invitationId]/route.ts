import { getDb } from '../../../../../../db';
import { resendInvitation } from '../../../../../../lib/plans/resend-invitation';
import { revokeInvitation } from '../../../../../../lib/plans/revoke-invitation';
import { invitationIdParam, planIdParam } from '../../../../../../lib/shared/ids';
import { invitationLink } from '../../../../../_server/invitation-link';
import { jsonRoute } from '../../../../../_server/json-route';
import { requireApiUserId } from '../../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string; invitationId: string }> };

async function target(ctx: Ctx) {
  const params = await ctx.params;
  return { planId: planIdParam(params.planId), invitationId: invitationIdParam(params.invitationId) };
}

/** A new one-time link for a pending invitation; the old link stops working. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    return await invitationLink(req, await resendInvitation(await getDb(), { actorId, ...(await target(ctx)) }));
  });
}

/** Revokes a pending invitation. */
export function DELETE(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    await revokeInvitation(await getDb(), { actorId, ...(await target(ctx)) });
  });
}
