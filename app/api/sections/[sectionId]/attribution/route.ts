import { getDb } from '../../../../../db';
import { sectionRoom } from '../../../../../lib/shared/rooms';
import { documentAttribution } from '../../../../../lib/versions/section-attribution';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

/** Who wrote what of the section's current text, for any member of its plan. */
export function GET(_req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async ({ userId, sectionId }) =>
    documentAttribution(await getDb(), { userId, docId: sectionRoom(sectionId) }),
  );
}
