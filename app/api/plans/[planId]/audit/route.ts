import { getDb } from '../../../../../db';
import { listAudit } from '../../../../../lib/audit/list-audit';
import { planIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return { entries: await listAudit(await getDb(), { userId, planId: planIdParam((await ctx.params).planId) }) };
  });
}
