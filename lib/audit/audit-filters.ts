import { and, like, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';

/** The kinds of audit entries, by the first word of their action (`member.appointed` → member). */
export const AUDIT_KINDS = [
  'plan',
  'member',
  'section',
  'version',
  'overlap',
  'amendment',
  'comment',
  'thread',
  'paragraph',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** `before`: only entries older than this one (the next page of the log). */
export type AuditFilter = { kind?: AuditKind; state?: string; before?: number };

/** Filters from a page's query: unknown kinds, anything but a three-letter state code and a bad cursor are ignored. */
export function auditFilter(query: { kind?: string; state?: string; before?: string }): AuditFilter {
  const kind = AUDIT_KINDS.find((k) => k === query.kind);
  const state = query.state && /^[A-Z]{3}$/.test(query.state) ? query.state : undefined;
  const before = query.before && /^[1-9]\d{0,15}$/.test(query.before) ? Number(query.before) : undefined;
  return { ...(kind && { kind }), ...(state && { state }), ...(before && { before }) };
}

/** Keys under which an entry's before and after name a member state (a code, or a list of codes). */
const STATE_KEYS = ['stateCode', 'leadState', 'sponsorState', 'coEditingStates', 'states'];

/**
 * The filter as a condition on audit_log, so that the database finds the entries however old they are.
 * A state matches a key holding its code or a list containing it (jsonb containment covers both).
 */
export function auditFilterCondition(filter: AuditFilter): SQL | undefined {
  const state = filter.state;
  const namesState =
    state &&
    or(
      ...[auditLog.before, auditLog.after].flatMap((column) =>
        STATE_KEYS.map((key) => sql`coalesce(${column} -> ${key}, 'null'::jsonb) @> to_jsonb(${state}::text)`),
      ),
    );
  return and(
    filter.kind ? like(auditLog.action, `${filter.kind}.%`) : undefined,
    namesState || undefined,
    filter.before ? sql`${auditLog.id} < ${filter.before}` : undefined,
  );
}
