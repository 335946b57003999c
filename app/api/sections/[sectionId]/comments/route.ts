import { getDb } from '../../../../../db';
import { listComments } from '../../../../../lib/discussion/list-comments';
import { postComment } from '../../../../../lib/discussion/post-comment';
import { commentInput } from '../../../../../lib/shared/schemas';
import { parseBody } from '../../../../_server/json-route';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

/** A section's discussion, for any member of its plan. */
export function GET(_req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async (caller) => ({ comments: await listComments(await getDb(), caller) }));
}

/** A member posts a message, a reply or a message about a passage. */
export function POST(req: Request, ctx: SectionRouteContext) {
  return sectionRoute(
    ctx,
    async (caller) => postComment(await getDb(), { ...caller, ...(await parseBody(req, commentInput, 'message')) }),
    { status: 201 },
  );
}
