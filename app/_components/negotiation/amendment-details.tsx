import { useFormatter, useTranslations } from 'next-intl';
import type { AmendmentView } from '../../../lib/shared/amendments';

type Props = { amendment: AmendmentView; sponsor: string; stateName: (code: string) => string };

/**
 * What an amendment proposes and where, its justification, who co-sponsors or objects, and its status:
 * the same sentences in a section's list and in the plan's.
 */
export function AmendmentDetails({ amendment: a, sponsor, stateName }: Props) {
  const t = useTranslations('Amendments');
  const format = useFormatter();
  const values = { sponsor, target: a.targetText, text: a.proposedText, paragraph: a.paragraph ?? 'none' };
  return (
    <>
      <p>{t(`proposal.${a.kind}`, values)}</p>
      {a.justification && <p className="small">{t('justified', { justification: a.justification })}</p>}
      {a.cosponsors.length > 0 && (
        <p className="small">{t('cosponsoredBy', { states: format.list(a.cosponsors.map(stateName)) })}</p>
      )}
      {a.objections.length > 0 && (
        <p className="small">{t('objectedBy', { states: format.list(a.objections.map(stateName)) })}</p>
      )}
      <p className="small status">
        {t(`status.${a.status}`, { reason: a.decisionReason ?? '' })}
        {a.outdated && <> {t('outdated')}</>}
      </p>
    </>
  );
}
