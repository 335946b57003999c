import { getDb } from '../../../../db';
import { deleteSection } from '../../../../lib/plans/delete-section';
import { updateSection } from '../../../../lib/plans/update-section';
import { sectionIdParam } from '../../../../lib/shared/ids';
import { updateSectionInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

export function PATCH(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    await updateSection(await getDb(), {
      actorId,
      sectionId,
      input: await parseBody(req, updateSectionInput, 'section'),
    });
  });
}

export function DELETE(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const actorId = await requireApiUserId();
    await deleteSection(await getDb(), { actorId, sectionId: sectionIdParam((await ctx.params).sectionId) });
  });
}
