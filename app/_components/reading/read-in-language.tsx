'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LOCALES } from '../../../lib/i18n/locales';
import type { TextLanguage } from '../../../lib/shared/text-languages';
import type { TranslationAvailability } from '../../../lib/translation/shared-translator';
import { useFailure } from '../error-message';
import { TranslationOffNotice } from './translation-off-notice';
import { useMachineReading } from './use-machine-reading';

type Props = { sectionId: string; roomId: string; translation: TranslationAvailability };

/**
 * "Read in Spanish / English / Portuguese / French" on a section page: the section's live text
 * machine-translated paragraph by paragraph, clearly marked as such, following edits. Without machine
 * translation on the server it says so, why, and how to install it.
 */
export function ReadInLanguage({ sectionId, roomId, translation }: Props) {
  const t = useTranslations('ReadIn');
  const [into, setInto] = useState<TextLanguage | null>(null);
  const { message: error, fail } = useFailure();
  const { paragraphs, pending } = useMachineReading(sectionId, roomId, into, fail);
  if (!translation.available) {
    return (
      <div className="stack">
        <TranslationOffNotice translation={translation} what="reading" />
        <TranslationOffNotice translation={translation} what="overlaps" />
      </div>
    );
  }
  return (
    <div className="stack read-in">
      <div className="row" role="group" aria-label={t('label')}>
        {LOCALES.map((language) => (
          <button
            key={language}
            type="button"
            aria-pressed={into === language}
            onClick={() => setInto(into === language ? null : language)}
          >
            {t('readIn', { language })}
          </button>
        ))}
        {into && (
          <button type="button" onClick={() => setInto(null)}>
            {t('close')}
          </button>
        )}
      </div>
      {into && (
        <section className="card stack machine-reading" aria-label={t('heading', { language: into })}>
          <h2>{t('heading', { language: into })}</h2>
          <p className="notice small">{t('notice')}</p>
          {error && <p className="error">{error}</p>}
          {pending && paragraphs.every((p) => p.language === null) && <p className="muted small">{t('translating')}</p>}
          <div lang={into} className="machine-translation-text">
            {paragraphs.map((paragraph, i) => (
              <p
                key={i}
                lang={paragraph.translation ? into : (paragraph.language ?? undefined)}
                data-translated={paragraph.translation !== null}
              >
                {paragraph.translation ?? paragraph.text}
              </p>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
