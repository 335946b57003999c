import type { AmendmentView } from '../shared/amendments';
import type { Block, TrackedChange } from './blocks';
import type { ExportLabels } from './labels';

/**
 * The annex of pending amendments: number, sponsor, co-sponsors, the paragraph each stands in now, the
 * change proposed and its justification, in the export's language. Null when none is pending.
 */
export function amendmentsAnnex(amendments: readonly AmendmentView[], labels: ExportLabels): Block[] | null {
  const pending = amendments.filter((a) => a.status === 'pending');
  if (!pending.length) return null;
  const cell = (text: string, header = false) => ({
    header,
    blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text, marks: {} }] } satisfies Block],
  });
  const rows = pending.map((a) => [
    cell(String(a.number)),
    cell(a.sponsorState ? labels.stateName(a.sponsorState) : labels.contributor.chair),
    cell(a.cosponsors.map(labels.stateName).join(', ') || '—'),
    cell(a.paragraph ?? '—'),
    cell(labels.amendmentChange(a.kind, a.targetText, a.proposedText)),
    cell(a.justification || '—'),
  ]);
  return [{ kind: 'table', rows: [labels.amendmentColumns.map((heading) => cell(heading, true)), ...rows] }];
}

/**
 * Pending amendments that still read as proposed, as changes to the paragraphs they stand in, authored by
 * the sponsor state (the chair's: "Chair"): the DOCX shows them as Word tracked changes.
 */
export function trackedChanges(amendments: readonly AmendmentView[], labels: ExportLabels): TrackedChange[] {
  return amendments
    .filter((a) => a.status === 'pending' && !a.outdated && a.paragraph)
    .map((a) => ({
      number: a.number,
      paragraph: a.paragraph!,
      kind: a.kind,
      target: a.targetText,
      text: a.proposedText,
      author: a.sponsorState ? labels.stateName(a.sponsorState) : labels.contributor.chair,
      date: a.createdAt,
    }));
}
