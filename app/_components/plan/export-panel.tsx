import { VersionOptions } from './version-options';

const FORMATS = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML (print from the browser)' },
  { format: 'md', label: 'Markdown' },
] as const;

type Props = {
  planId: string;
  versions: Array<{ id: string; name: string; createdAt: string }>;
  /** Why this server cannot print PDFs, if it cannot: the PDF choice is shown disabled with the reason. */
  pdfUnavailable: string | null;
};

/** Links to the compiled plan in every format, and a form for a named version or the annex. */
export function ExportPanel({ planId, versions, pdfUnavailable }: Props) {
  const action = `/api/plans/${planId}/export`;
  const formats = FORMATS.filter(({ format }) => format !== 'pdf' || !pdfUnavailable);
  return (
    <section aria-labelledby="export-heading" className="card stack">
      <h2 id="export-heading">Export the compiled plan</h2>
      <p className="row">
        {formats.map(({ format, label }) => (
          <a key={format} href={`${action}?format=${format}`} download>
            {label}
          </a>
        ))}
      </p>
      {pdfUnavailable && <p className="muted small">PDF: {pdfUnavailable}</p>}
      <form method="get" action={action} className="row" aria-label="Export options">
        <select name="format" aria-label="Format" defaultValue="docx">
          {formats.map(({ format, label }) => (
            <option key={format} value={format}>
              {label}
            </option>
          ))}
        </select>
        <select name="version" aria-label="Version" defaultValue="">
          <option value="">Current text</option>
          <VersionOptions versions={versions} />
        </select>
        <label style={{ flexDirection: 'row', alignItems: 'center', fontWeight: 'normal' }}>
          <input type="checkbox" name="annex" value="1" style={{ flex: 'none', minWidth: 0 }} /> Annex: contributions by state
        </label>
        <button type="submit">Export</button>
      </form>
    </section>
  );
}
