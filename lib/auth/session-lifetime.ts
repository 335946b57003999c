/** How long a session lasts after its last renewal (next-auth renews it whenever the browser reads it). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** When a session ended now can no longer be presented: any renewed copy of its token has expired by then. */
export function endedSessionExpiry(): Date {
  return new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
}
