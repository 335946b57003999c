import { getDb } from '../../../../../db';
import { readSectionNegotiation } from '../../../../../lib/negotiation/section-negotiation';
import { setParagraphStatus } from '../../../../../lib/negotiation/set-paragraph-status';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { paragraphStatusInput } from '../../../../../lib/shared/paragraph-status';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

/** A section's numbered paragraphs, each with its status, its spans in brackets and its numbering, for any member. */
export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    return readSectionNegotiation(await getDb(), { userId, sectionId });
  });
}

/** The chair sets (or takes away, or reopens) the status of one paragraph; answers with the section's statuses. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const input = await parseBody(req, paragraphStatusInput, 'paragraphStatus');
    return { paragraphs: await setParagraphStatus(await getDb(), { userId, sectionId, input }) };
  });
}
