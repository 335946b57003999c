'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** In the editor's bar: which words the plan search marked, and a way to clear them. */
export function FindNote({ query }: { query: string }) {
  const t = useTranslations('FindNote');
  const pathname = usePathname();
  return (
    <span className="small">
      {t.rich('marked', { query, mark: (chunks) => <mark className="find-match">{chunks}</mark> })} ·{' '}
      <Link href={pathname}>{t('clear')}</Link>
    </span>
  );
}
