import { getDb } from '../../../../../db';
import { listSectionAmendments } from '../../../../../lib/negotiation/list-amendments';
import { proposeAmendment } from '../../../../../lib/negotiation/propose-amendment';
import { amendmentInput } from '../../../../../lib/shared/amendments';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

/** A section's amendments, for any member of its plan. */
export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    return { amendments: await listSectionAmendments(await getDb(), { userId, sectionId }) };
  });
}

/** A state (or the chair) proposes an amendment to a passage of the section. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const userId = await requireApiUserId();
      const sectionId = sectionIdParam((await ctx.params).sectionId);
      const input = await parseBody(req, amendmentInput, 'amendment');
      return proposeAmendment(await getDb(), { userId, sectionId, input });
    },
    { status: 201 },
  );
}
