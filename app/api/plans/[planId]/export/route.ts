import { getDb } from '../../../../../db';
import { exportPlan } from '../../../../../lib/export/export-plan';
import { planIdParam, versionIdParam } from '../../../../../lib/shared/ids';
import { fileRoute } from '../../../../_server/file-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** GET ?format=docx|pdf|html|md|akn&version=<plan version id>&annex=1&lang=es|en|pt|fr */
export function GET(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  return fileRoute(async () => {
    const userId = await requireApiUserId();
    const planId = planIdParam((await ctx.params).planId);
    const query = new URL(req.url).searchParams;
    const version = query.get('version');
    return exportPlan(await getDb(), {
      userId,
      planId,
      format: query.get('format') ?? 'docx',
      versionId: version ? versionIdParam(version) : null,
      annex: query.get('annex') === '1',
      language: query.get('lang'),
    });
  });
}
