'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActivity } from './activity-provider';

/** The plan page's link to the consolidation view, with how many overlaps are open now. */
export function OverlapsLink({ planId }: { planId: string }) {
  const t = useTranslations('OverlapsLink');
  const open = useActivity().openOverlaps;
  return <Link href={`/plans/${planId}/consolidation`}>{t('overlaps', { open })}</Link>;
}
