import { getDb } from '../../../../../db';
import { listSectionOverlaps } from '../../../../../lib/consolidation/list-overlaps';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

/** The overlaps a section takes part in, for any member of its plan. */
export function GET(_req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async (caller) => listSectionOverlaps(await getDb(), caller));
}
