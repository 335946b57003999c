import type { useTranslations } from 'next-intl';

/**
 * Why a page's editor is read-only for this reader, as the page works it out on the server: an
 * observer, a frozen section, another state's section, a phase in which nobody drafts, or the goal
 * (being written by the chair, or published), or the plan archived.
 */
export type ReadOnlyReason =
  'observer' | 'frozen' | 'otherStates' | 'goalPhase' | 'adopted' | 'chairWritesGoal' | 'goalPublished' | 'archived';

/** Why the goal is read-only for someone who may not write it. */
export function goalReadOnlyReason(plan: { archived: boolean; phase: string }): ReadOnlyReason {
  if (plan.archived) return 'archived';
  return plan.phase === 'goal' ? 'chairWritesGoal' : 'goalPublished';
}

type T = ReturnType<typeof useTranslations<'ReadOnly'>>;

/** Why the toolbar is not there (empty while the user may edit). */
export function readOnlyLabel(
  t: T,
  {
    mayWrite,
    arrived,
    viewing,
    reason,
  }: { mayWrite: boolean; arrived: boolean; viewing: boolean; reason: ReadOnlyReason | undefined },
): string {
  if (!mayWrite) return reason ? t(`label.${reason}`) : t('label.permissionsChanged');
  if (!arrived) return t('loading');
  return viewing ? t('viewing') : '';
}

/** Why the words this browser kept were not added (UnsentWords): the server's notice, or why the reader may no longer write. */
export function unsentWhy(t: T, mayWrite: boolean, notice: string | null, reason: ReadOnlyReason | undefined): string {
  if (mayWrite) return notice ? t('unsent.refused', { notice }) : t('unsent.refusedWithoutNotice');
  return t('unsent.mayNotWrite', { reason: reason ?? 'permissionsChanged' });
}
