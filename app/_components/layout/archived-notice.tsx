import { useTranslations } from 'next-intl';

/** Said atop every page of an archived plan: why nothing in it can be changed. */
export function ArchivedNotice({ archived }: { archived: boolean }) {
  const t = useTranslations('PlanTrail');
  if (!archived) return null;
  return (
    <p className="notice" data-testid="archived-notice">
      {t('archived')}
    </p>
  );
}
