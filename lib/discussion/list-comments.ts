import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import type { Channel } from '../permissions/can';
import { sectionPlan } from '../plans/find-section-plan';
import { commentRows, toView, type CommentView } from './comment-view';
import { mentionsOf } from './mentions';

/** The most recent messages a section's discussion shows; older ones stay stored. */
const SHOWN_COMMENTS = 500;

/** A section's discussion (one channel, or both), oldest first, for any member of its plan. */
export async function listComments(
  db: Db,
  options: { userId: string; sectionId: string; channel?: Channel },
): Promise<CommentView[]> {
  const planId = await sectionPlan(db, options.sectionId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const rows = await commentRows(db)
    .where(
      and(
        eq(sectionComments.sectionId, options.sectionId),
        options.channel ? eq(sectionComments.channel, options.channel) : undefined,
      ),
    )
    .orderBy(desc(sectionComments.createdAt))
    .limit(SHOWN_COMMENTS);
  const mentions = await mentionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.reverse().map((row) => toView(row, mentions.get(row.id)));
}
