import { getDb } from '../../../../../db';
import { auditFilter } from '../../../../../lib/audit/audit-filters';
import { listAudit } from '../../../../../lib/audit/list-audit';
import { planIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** A page of the audit log, newest first: `?kind=&state=&before=` as on the audit page. */
export function GET(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const filter = auditFilter(Object.fromEntries(new URL(req.url).searchParams));
    return listAudit(await getDb(), { userId, planId: planIdParam((await ctx.params).planId), filter });
  });
}
