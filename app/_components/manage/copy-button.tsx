'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Copies a one-time link to the clipboard and says so; where the browser refuses, says to copy it by hand. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations('PeoplePanel');
  const [said, setSaid] = useState<'copied' | 'copyFailed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('copied');
    } catch {
      setSaid('copyFailed');
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {t('copy')}
      </button>{' '}
      <span role="status">{said && t(said)}</span>
    </>
  );
}
