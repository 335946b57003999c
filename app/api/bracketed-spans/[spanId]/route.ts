import { getDb } from '../../../../db';
import { settleBracketedSpan } from '../../../../lib/negotiation/settle-bracketed-span';
import { settleSpanInput } from '../../../../lib/shared/bracketed-spans';
import { spanIdParam } from '../../../../lib/shared/ids';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ spanId: string }> };

/** The chair resolves a span in brackets (keeps one wording) or takes its brackets away. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const spanId = spanIdParam((await ctx.params).spanId);
    const input = await parseBody(req, settleSpanInput, 'settleSpan');
    await settleBracketedSpan(await getDb(), { userId, spanId, input });
    return { settled: true };
  });
}
