/** What a notification needs to be put in words; the bell, the page and emails share it. */
export type NotificationFacts = {
  kind: 'mention' | 'reply' | 'phase' | 'appointment';
  planTitle: string;
  sectionTitle: string | null;
  actorName: string | null;
  details: Record<string, string>;
};

/** The `NotificationList` messages a notification is said with. */
type NotificationWords = (
  key: 'someone' | 'mention' | 'reply' | 'phase' | 'appointment',
  values?: Record<string, string>,
) => string;

/** One notification as one sentence in the reader's language (`t` is the `NotificationList` namespace). */
export function notificationText(t: NotificationWords, n: NotificationFacts): string {
  const values = { actor: n.actorName ?? t('someone'), section: n.sectionTitle ?? '', plan: n.planTitle };
  if (n.kind === 'mention') return t('mention', values);
  if (n.kind === 'reply') return t('reply', values);
  if (n.kind === 'phase') return t('phase', { ...values, phase: n.details.phase ?? '' });
  return t('appointment', { ...values, role: n.details.role ?? '' });
}
