import { getDb } from '../../../../../db';
import { bracketSpan } from '../../../../../lib/negotiation/bracket-span';
import { bracketSpanInput } from '../../../../../lib/shared/bracketed-spans';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

/** The chair puts a span of a paragraph in brackets, with alternative wordings; listed with the paragraph statuses. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const input = await parseBody(req, bracketSpanInput, 'bracketSpan');
    return bracketSpan(await getDb(), { userId, sectionId, input });
  });
}
