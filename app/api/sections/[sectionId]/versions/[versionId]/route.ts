import { getDb } from '../../../../../../db';
import { sectionIdParam, versionIdParam } from '../../../../../../lib/shared/ids';
import { sectionRoom } from '../../../../../../lib/shared/rooms';
import { getVersion } from '../../../../../../lib/versions/get-version';
import { jsonRoute } from '../../../../../_server/json-route';
import { requireApiUserId } from '../../../../../_server/session';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, ctx: { params: Promise<{ sectionId: string; versionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const params = await ctx.params;
    return getVersion(await getDb(), {
      userId,
      docId: sectionRoom(sectionIdParam(params.sectionId)),
      versionId: versionIdParam(params.versionId),
    });
  });
}
