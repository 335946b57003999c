import { sectionAnchor, type Inline } from './blocks';
import { safeHref } from '../shared/safe-href';

/** Text for HTML, in an element or a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A run of the compiled text as HTML: its words escaped, in its marks, in its link when the link is one
 * a reader may follow (a section of the plan, or a safe address). Shared by the HTML export and the
 * plan on one page, so the two show a run alike.
 */
export function inlineHtml(i: Inline): string {
  if (i.kind === 'break') return '<br>';
  let html = escapeHtml(i.text);
  if (i.marks.code) html = `<code>${html}</code>`;
  if (i.marks.bold) html = `<strong>${html}</strong>`;
  if (i.marks.italic) html = `<em>${html}</em>`;
  if (i.marks.underline) html = `<u>${html}</u>`;
  if (i.marks.strike) html = `<s>${html}</s>`;
  const href = i.link && ('sectionId' in i.link ? `#${sectionAnchor(i.link.sectionId)}` : safeHref(i.link.href));
  return href ? `<a href="${escapeHtml(href)}">${html}</a>` : html;
}
