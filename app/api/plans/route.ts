import { getDb } from '../../../db';
import { createPlan } from '../../../lib/plans/create-plan';
import { listPlans } from '../../../lib/plans/list-plans';
import { createPlanInput } from '../../../lib/shared/schemas';
import { invitationLink } from '../../_server/invitation-link';
import { jsonRoute, parseBody } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonRoute(async () => ({ plans: await listPlans(await getDb(), await requireApiUserId()) }));
}

export function POST(req: Request) {
  return jsonRoute(
    async () => {
      const actorId = await requireApiUserId();
      const input = await parseBody(req, createPlanInput, 'plan');
      const { planId, chair } = await createPlan(await getDb(), { actorId, ...input });
      return { planId, chair: await invitationLink(req, chair) };
    },
    { status: 201 },
  );
}
