'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';
import { useStateName } from '../i18n/use-state-name';

/** `label`: the state's name, or who wrote without one (the chair, a former member, the seed), in English from the server. */
type Share = { state: { code: string } | null; label: string; characters: number; share: number };

/**
 * Who wrote text without a state, by the server's English label (lib/versions/section-attribution.ts
 * sends no code for it yet); anything else is the seed's.
 */
const UNSTATED: Record<string, 'chair' | 'formerMember'> = {
  Chair: 'chair',
  // eslint-disable-next-line no-restricted-syntax -- the server's label, matched, not shown
  'Former member': 'formerMember',
};

/** The share of the section's current text written by each state. */
export function AttributionShare({ sectionId }: { sectionId: string }) {
  const t = useTranslations('AttributionShare');
  const format = useFormatter();
  const stateName = useStateName();
  const [shares, setShares] = useState<Share[] | null>(null);
  useEffect(() => {
    api<{ byState: Share[] }>('GET', `/api/sections/${sectionId}/attribution`).then(
      (r) => setShares(r.byState),
      () => setShares([]),
    );
  }, [sectionId]);
  if (!shares) return <p className="muted">{t('counting')}</p>;
  const who = (s: Share) => (s.state ? stateName(s.state.code) : t(UNSTATED[s.label] ?? 'unattributed'));
  return (
    <div role="group" aria-label={t('label')}>
      <strong>{t('heading')}</strong>
      <ul className="plain shares">
        {shares.map((s) => (
          <li key={s.label}>
            <span
              className="bar"
              style={{ width: `${Math.max(2, s.share * 100)}%`, background: stateColor(s.state?.code) }}
            />
            {t('share', {
              who: who(s),
              share: format.number(s.share, { style: 'percent', maximumFractionDigits: 0 }),
              characters: s.characters,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
