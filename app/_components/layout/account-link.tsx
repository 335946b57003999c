'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';

/**
 * The signed-in name, leading to one's own account (the password). A phone has no room for the name:
 * it shows "Account" instead; a screen reader hears both.
 */
export function AccountLink({ who }: { who: string }) {
  const t = useTranslations('AccountLink');
  return (
    <Link href="/account" className="who">
      <span className="who-name">{who}</span>
      <span className="who-short">{t('short')}</span>
      <span className="visually-hidden">{t('hidden')}</span>
    </Link>
  );
}
