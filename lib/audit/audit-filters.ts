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

export type AuditFilter = { kind?: AuditKind; state?: string };

/** Filters from a page's query: unknown kinds and anything but a three-letter state code are ignored. */
export function auditFilter(query: { kind?: string; state?: string }): AuditFilter {
  const kind = AUDIT_KINDS.find((k) => k === query.kind);
  const state = query.state && /^[A-Z]{3}$/.test(query.state) ? query.state : undefined;
  return { ...(kind && { kind }), ...(state && { state }) };
}

/** Keys under which an entry's before and after name a member state. */
const STATE_KEYS = ['stateCode', 'leadState', 'sponsorState', 'coEditingStates', 'states'];

/** Whether an entry is of the kind and concerns the state (named in its before or after). */
export function matchesAuditFilter(
  entry: { action: string; before: unknown; after: unknown },
  filter: AuditFilter,
): boolean {
  if (filter.kind && entry.action.split('.')[0] !== filter.kind) return false;
  if (filter.state && !namesState(entry.before, filter.state) && !namesState(entry.after, filter.state)) return false;
  return true;
}

function namesState(value: unknown, state: string): boolean {
  if (!value || typeof value !== 'object') return false;
  return STATE_KEYS.some((key) => {
    const found = (value as Record<string, unknown>)[key];
    return found === state || (Array.isArray(found) && found.includes(state));
  });
}
