'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type InputHTMLAttributes } from 'react';
import { TITLE_MAX } from '../../lib/shared/schemas';

/** From how many characters the count shows: below it, a title is nowhere near the limit. */
const COUNT_FROM = TITLE_MAX - 60;

/**
 * A title field that cannot hold more than the server takes, and says so: a count as the limit nears,
 * and a sentence once it is reached (a longer paste is cut there by the browser).
 */
export function TitleInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'maxLength'> & { describedBy?: string }) {
  const t = useTranslations('TitleInput');
  const { describedBy, onChange, defaultValue, value, ...rest } = props;
  const id = useId();
  const [length, setLength] = useState(String(value ?? defaultValue ?? '').length);
  const shown = value === undefined ? length : String(value).length;
  const describedByIds = [describedBy, shown >= COUNT_FROM ? id : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <input
        {...rest}
        value={value}
        defaultValue={defaultValue}
        maxLength={TITLE_MAX}
        aria-describedby={describedByIds}
        onChange={(event) => {
          setLength(event.target.value.length);
          onChange?.(event);
        }}
      />
      {shown >= COUNT_FROM && (
        <small id={id} className="muted" aria-live="polite" data-testid="title-count">
          {shown >= TITLE_MAX ? t('full', { max: TITLE_MAX }) : t('count', { count: shown, max: TITLE_MAX })}
        </small>
      )}
    </>
  );
}
