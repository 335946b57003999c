import { useTranslations } from 'next-intl';
import { VersionOptions } from './version-options';

const FORMATS = ['docx', 'pdf', 'html', 'md', 'akn'] as const;

type Props = {
  planId: string;
  versions: Array<{ id: string; name: string; createdAt: string }>;
  /** Whether this server can print PDFs: where it cannot, the PDF choice is left out and the panel says why. */
  pdfAvailable: boolean;
};

/** Links to the compiled plan in every format, and a form for a named version or the annex. */
export function ExportPanel({ planId, versions, pdfAvailable }: Props) {
  const t = useTranslations('ExportPanel');
  const action = `/api/plans/${planId}/export`;
  const formats = FORMATS.filter((format) => format !== 'pdf' || pdfAvailable);
  return (
    <section aria-labelledby="export-heading" className="card stack no-print">
      <h2 id="export-heading">{t('heading')}</h2>
      <p className="row">
        {formats.map((format) => (
          <a key={format} href={`${action}?format=${format}`} download>
            {t(`formats.${format}`)}
          </a>
        ))}
      </p>
      {!pdfAvailable && <p className="muted small">{t('pdfUnavailable')}</p>}
      <form method="get" action={action} className="row" aria-label={t('options')}>
        <select name="format" aria-label={t('format')} defaultValue="docx">
          {formats.map((format) => (
            <option key={format} value={format}>
              {t(`formats.${format}`)}
            </option>
          ))}
        </select>
        <select name="version" aria-label={t('version')} defaultValue="">
          <option value="">{t('currentText')}</option>
          <VersionOptions versions={versions} />
        </select>
        <label className="check">
          <input type="checkbox" name="annex" value="1" /> {t('annex')}
        </label>
        <button type="submit">{t('export')}</button>
      </form>
    </section>
  );
}
