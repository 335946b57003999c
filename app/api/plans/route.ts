import { getDb } from '../../../db';
import { listPlans } from '../../../lib/plans/list-plans';
import { jsonRoute } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonRoute(async () => ({ plans: await listPlans(await getDb(), await requireApiUserId()) }));
}
