import { getDb } from '../../../../../db';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { sectionRoom } from '../../../../../lib/shared/rooms';
import { nameVersionInput } from '../../../../../lib/shared/schemas';
import { listVersions } from '../../../../../lib/versions/list-versions';
import { nameVersion } from '../../../../../lib/versions/name-version';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const docId = sectionRoom(sectionIdParam((await ctx.params).sectionId));
    return { versions: await listVersions(await getDb(), { userId, docId }) };
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const userId = await requireApiUserId();
      const docId = sectionRoom(sectionIdParam((await ctx.params).sectionId));
      const { name } = await parseBody(req, nameVersionInput, 'version');
      return nameVersion(await getDb(), { userId, docId, name });
    },
    { status: 201 },
  );
}
