import { getDb } from '../../../../../db';
import { recordReservation, withdrawReservation } from '../../../../../lib/negotiation/record-reservation';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { reservationInput, withdrawReservationInput } from '../../../../../lib/shared/paragraph-status';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

/** A coordinator records (or replaces) their state's reservation on an agreed paragraph; answers with the section's paragraphs. */
export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const input = await parseBody(req, reservationInput, 'reservation');
    return { paragraphs: await recordReservation(await getDb(), { userId, sectionId, input }) };
  });
}

/** A coordinator withdraws their state's reservation on a paragraph; answers with the section's paragraphs. */
export function DELETE(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const { at } = await parseBody(req, withdrawReservationInput, 'reservation');
    return { paragraphs: await withdrawReservation(await getDb(), { userId, sectionId, at }) };
  });
}
