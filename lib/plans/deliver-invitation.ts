/** An invitation's one-time link, ready to be passed on to the person invited. */
export type InvitationDelivery = { email: string; url: string; expiresAt: Date };

/**
 * The one place an invitation's link is sent to the person invited. There is no mail yet, so nothing
 * is sent: the chair is shown the link to pass on by hand. Returns whether the link went out by email.
 */
export async function deliverInvitation(_invitation: InvitationDelivery): Promise<{ emailed: boolean }> {
  return { emailed: false };
}
