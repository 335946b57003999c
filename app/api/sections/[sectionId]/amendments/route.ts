import { getDb } from '../../../../../db';
import { listSectionAmendments } from '../../../../../lib/negotiation/list-amendments';
import { proposeAmendment } from '../../../../../lib/negotiation/propose-amendment';
import { amendmentInput } from '../../../../../lib/shared/amendments';
import { parseBody } from '../../../../_server/json-route';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

/** A section's amendments, for any member of its plan. */
export function GET(_req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async (caller) => ({ amendments: await listSectionAmendments(await getDb(), caller) }));
}

/** A state (or the chair) proposes an amendment to a passage of the section. */
export function POST(req: Request, ctx: SectionRouteContext) {
  return sectionRoute(
    ctx,
    async (caller) =>
      proposeAmendment(await getDb(), { ...caller, input: await parseBody(req, amendmentInput, 'amendment') }),
    { status: 201 },
  );
}
