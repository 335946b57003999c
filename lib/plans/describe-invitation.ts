import type { Db } from '../../db/client';
import { openInvitation } from './open-invitation';

export type InvitationView = {
  email: string;
  role: string;
  state: string | null;
  planTitle: string;
  expiresAt: string;
};

/** What an invitation link offers, for the page that accepts it. */
export async function describeInvitation(db: Db, token: string): Promise<InvitationView> {
  const { invitation, planTitle, stateName } = await openInvitation(db, token);
  return {
    email: invitation.email,
    role: invitation.role,
    state: stateName,
    planTitle,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
