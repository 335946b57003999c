import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, memberStates, plans } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { hashToken } from './appoint-member';

/** The unused, unexpired invitation a link's token names, with its plan's title and state's name. */
export async function openInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, planTitle: plans.title, stateName: memberStates.nameEn })
    .from(invitations)
    .innerJoin(plans, eq(plans.id, invitations.planId))
    .leftJoin(memberStates, eq(memberStates.code, invitations.stateCode))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt)));
  if (!row) throw appError('not_found', 'invitationInvalid');
  if (row.invitation.expiresAt.getTime() < Date.now()) throw appError('not_found', 'invitationExpired');
  return row;
}
