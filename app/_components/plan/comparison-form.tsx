import { useTranslations } from 'next-intl';
import { VersionOptions } from './version-options';

type Version = { id: string; name: string; createdAt: string };

/** Which two versions of the plan to compare: a plain GET form, so the comparison has an address to share. */
export function ComparisonForm({
  planId,
  versions,
  from,
  to,
}: {
  planId: string;
  versions: Version[];
  from: string;
  to: string;
}) {
  const t = useTranslations('PlanComparePage');
  return (
    <form className="row" method="get" action={`/plans/${planId}/compare`}>
      <label>
        {t('from')}{' '}
        <select name="from" defaultValue={from}>
          <VersionOptions versions={versions} />
        </select>
      </label>
      <label>
        {t('to')}{' '}
        <select name="to" defaultValue={to}>
          <VersionOptions versions={versions} />
        </select>
      </label>
      <button type="submit">{t('compare')}</button>
    </form>
  );
}
