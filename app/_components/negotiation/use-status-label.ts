'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ParagraphRow } from '../../../lib/shared/paragraph-status';
import { useStateName } from '../i18n/use-state-name';

/** A paragraph's status in words ("Agreed ad referendum: Canada and Chile"), as the panel and the text show it. */
export function useStatusLabel(): (row: ParagraphRow) => string {
  const t = useTranslations('ParagraphStatus');
  const format = useFormatter();
  const stateName = useStateName();
  return useCallback(
    (row: ParagraphRow) =>
      row.status === 'ad_referendum'
        ? t('adReferendumBy', { states: format.list(row.adRefStates.map(stateName)) })
        : t('status', { status: row.status ?? 'none' }),
    [t, format, stateName],
  );
}
