import { getDb } from '../../../../db';
import { acceptInvitation } from '../../../../lib/plans/accept-invitation';
import { describeInvitation } from '../../../../lib/plans/describe-invitation';
import { acceptInvitationInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ token: string }> };

/** The link itself is the credential here: whoever holds an unused, unexpired token may read and accept it. */
export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => describeInvitation(await getDb(), (await ctx.params).token));
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const input = await parseBody(req, acceptInvitationInput, 'invitation');
      return acceptInvitation(await getDb(), { token: (await ctx.params).token, ...input });
    },
    { status: 201 },
  );
}
