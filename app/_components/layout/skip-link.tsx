'use client';

import { useTranslations } from 'next-intl';
import type { MouseEvent } from 'react';

/** The id the section page gives its editable text: the skip link's target there. */
export const SECTION_TEXT_ID = 'section-text';

/**
 * The first stop of the Tab key: straight to the section's text (`toText`) or to the page's main
 * content, past the top bar and the breadcrumb. Focus moves there too, not only the scroll position.
 */
export function SkipLink({ toText }: { toText?: boolean }) {
  const t = useTranslations('SkipLink');
  const id = toText ? SECTION_TEXT_ID : 'main';
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id) ?? document.querySelector('main');
    if (!target) return;
    event.preventDefault();
    if (!target.isContentEditable && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${id}`} onClick={jump}>
      {toText ? t('toText') : t('toMain')}
    </a>
  );
}
