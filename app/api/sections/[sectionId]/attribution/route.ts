import { getDb } from '../../../../../db';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { sectionRoom } from '../../../../../lib/shared/rooms';
import { documentAttribution } from '../../../../../lib/versions/section-attribution';
import { jsonRoute } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ sectionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return documentAttribution(await getDb(), {
      userId,
      docId: sectionRoom(sectionIdParam((await ctx.params).sectionId)),
    });
  });
}
