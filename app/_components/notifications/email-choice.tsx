'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { EmailNotifications } from '../../../lib/users/email-notifications';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';

const CHOICES = ['immediate', 'daily', 'off'] as const satisfies readonly EmailNotifications[];

/** How the user's notifications reach their inbox; each choice is kept as soon as it is made. */
export function EmailChoice({ chosen }: { chosen: EmailNotifications }) {
  const t = useTranslations('EmailChoice');
  const [value, setValue] = useState(chosen);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useBusyCall();
  const choose = async (next: EmailNotifications) => {
    const previous = value;
    setValue(next);
    setSaved(false);
    const result = await run(() => api('PUT', '/api/notifications/email', { emailNotifications: next }));
    if (result === undefined) setValue(previous);
    else setSaved(true);
  };
  return (
    <fieldset className="stack card align-start">
      <legend>{t('legend')}</legend>
      {CHOICES.map((choice) => (
        <label className="check" key={choice}>
          <input
            type="radio"
            name="email-notifications"
            value={choice}
            checked={value === choice}
            disabled={busy}
            onChange={() => void choose(choice)}
          />
          {t(choice)}
        </label>
      ))}
      <span role="status" className="muted small">
        {saved ? t('saved') : ''}
      </span>
      <ErrorAlert message={error} />
    </fieldset>
  );
}
