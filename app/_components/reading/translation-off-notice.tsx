import { useTranslations } from 'next-intl';
import type { TranslationAvailability } from '../../../lib/translation/shared-translator';

/**
 * Says that machine translation is off on this server, why, and the command that installs it: on the
 * overlaps board (cross-language overlaps are not looked for) and on a section page ("Read in" is off).
 */
export function TranslationOffNotice({
  translation,
  what,
}: {
  translation: TranslationAvailability;
  what: 'overlaps' | 'reading';
}) {
  const t = useTranslations('TranslationOff');
  if (translation.available) return null;
  return (
    <p className="notice small" role="status">
      {t.rich(what, {
        cause: translation.cause,
        command: translation.install,
        code: (chunks) => <code>{chunks}</code>,
      })}
    </p>
  );
}
