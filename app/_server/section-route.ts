import { sectionIdParam } from '../../lib/shared/ids';
import { jsonRoute } from './json-route';
import { requireApiUserId } from './session';

/** The context Next gives a route under /api/sections/:sectionId. */
export type SectionRouteContext = { params: Promise<{ sectionId: string }> };

/**
 * A route about one section, for the signed-in user: their session checked (revocation included) and
 * the section id read before `body` runs; what may be done there is decided by the domain function.
 */
export function sectionRoute(
  ctx: SectionRouteContext,
  body: (caller: { userId: string; sectionId: string }) => Promise<unknown>,
  options?: Parameters<typeof jsonRoute>[1],
) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    return body({ userId, sectionId: sectionIdParam((await ctx.params).sectionId) });
  }, options);
}
