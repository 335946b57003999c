import type { Locale } from '../i18n/locales';

/** An email's words: paragraphs, each with an optional link after it (or a link alone), and a footer. */
export type EmailContent = {
  locale: Locale;
  subject: string;
  paragraphs: ReadonlyArray<{ text: string; link?: { label: string; url: string } }>;
  footer: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same words as plain text and as simple HTML (one column, system fonts, links underlined). */
export function renderEmail(content: EmailContent): RenderedEmail {
  const text = [
    ...content.paragraphs.map((p) => [p.text, p.link && `${p.link.label}: ${p.link.url}`].filter(Boolean).join('\n')),
    '--',
    content.footer,
  ].join('\n\n');
  const body = content.paragraphs
    .map(
      (p) =>
        (p.text ? `<p>${escapeHtml(p.text)}</p>` : '') +
        (p.link ? `<p><a href="${escapeHtml(p.link.url)}">${escapeHtml(p.link.label)}</a></p>` : ''),
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${content.locale}">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em; margin: 1em auto; padding: 0 1em">
${body}
<hr>
<p style="color: #555; font-size: 0.875em">${escapeHtml(content.footer)}</p>
</body>
</html>
`;
  return { subject: content.subject, text: `${text}\n`, html };
}
