/** Seeded demo accounts live on this reserved domain (RFC 2606), so they can be refused in production. */
export const DEMO_DOMAIN = 'demo.test';

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);
}
