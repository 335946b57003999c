import { getDb } from '../../../../../db';
import { listComments } from '../../../../../lib/discussion/list-comments';
import { postComment } from '../../../../../lib/discussion/post-comment';
import { commentChannel, commentInput } from '../../../../../lib/shared/schemas';
import { z } from '../../../../../lib/shared/zod';
import { checkInput, parseBody } from '../../../../_server/json-route';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

const channelQuery = z.object({ channel: commentChannel.optional() });

/** A section's discussion, for any member of its plan: ?channel=delegations|observers for one channel, else both. */
export function GET(req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async (caller) => {
    const { channel } = await checkInput(channelQuery, {
      channel: new URL(req.url).searchParams.get('channel') ?? undefined,
    });
    return { comments: await listComments(await getDb(), { ...caller, channel }) };
  });
}

/** A member posts a message, a reply or a message about a passage, in the delegations' or observers' channel. */
export function POST(req: Request, ctx: SectionRouteContext) {
  return sectionRoute(
    ctx,
    async (caller) => postComment(await getDb(), { ...caller, ...(await parseBody(req, commentInput, 'message')) }),
    { status: 201 },
  );
}
