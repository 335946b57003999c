import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Waits until no other transaction holds `key`, then holds it until the calling transaction ends:
 * transactions that check and then write under one key take turns, whichever process or connection
 * they run on, and each checks what the one before it wrote. Keys are hashed to 64 bits; two keys
 * that share a hash only wait for each other.
 */
export async function lockUntilCommit(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** The lock keys in use, one place so that no two concerns pick the same name by accident. */
export const lockKey = {
  /** Memberships of a plan: appointments and accepted invitations (one coordinator per state). */
  planMembers: (planId: string) => `plan-members:${planId}`,
  /** The order of a plan's sections. */
  planSections: (planId: string) => `plan-sections:${planId}`,
  /** A plan's document block (council, committee, symbol, ...). */
  planMetadata: (planId: string) => `plan-metadata:${planId}`,
  /** The versions of a plan as a whole. */
  planVersions: (planId: string) => `plan-versions:${planId}`,
  /** The versions of one document (a section or a plan's goal). */
  documentVersions: (docId: string) => `document-versions:${docId}`,
  /** A plan's amendments: their numbering, and one decision at a time on each. */
  planAmendments: (planId: string) => `plan-amendments:${planId}`,
};
