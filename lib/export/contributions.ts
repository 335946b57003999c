import type { ChangeRun } from '../documents/change-runs';
import type { Block, Inline } from './blocks';
import type { ExportLabels } from './labels';

/** Who wrote a run, as the annex names them; `state`: a member state (the chair, or no one, is not). */
export type Contributor = { label: string; state: boolean };

export type SectionRuns = { number: number; title: string; leadState: string; runs: ChangeRun[] };

/**
 * The annex: who wrote how much of each section, by state, as shares of its text. Counted from the
 * server's attribution record, like the section's attribution panel, at the instant exported.
 */
export function contributionsAnnex(options: {
  sections: SectionRuns[];
  labels: ExportLabels;
  contributor: (userId: string | null) => Contributor;
}): Block[] {
  const cell = (text: string, header = false) => ({
    header,
    blocks: [{ kind: 'paragraph', inlines: [plain(text)] } satisfies Block],
  });
  const rows = options.sections.map((section) => [
    cell(`${section.number}. ${section.title}`),
    cell(section.leadState),
    cell(shares(section.runs, options) || '—'),
  ]);
  return [{ kind: 'table', rows: [options.labels.annexColumns.map((heading) => cell(heading, true)), ...rows] }];
}

/** The states' shares, largest first; then, apart, the text no state wrote (the chair's, unattributed). */
function shares(
  runs: ChangeRun[],
  { labels, contributor }: { labels: ExportLabels; contributor: (userId: string | null) => Contributor },
): string {
  const counts = new Map<string, { state: boolean; characters: number }>();
  let total = 0;
  for (const run of runs) {
    const { label, state } = contributor(run.userId);
    counts.set(label, { state, characters: (counts.get(label)?.characters ?? 0) + run.text.length });
    total += run.text.length;
  }
  const listed = (state: boolean) =>
    [...counts]
      .filter(([, count]) => count.state === state)
      .sort((a, b) => b[1].characters - a[1].characters)
      .map(([label, count]) => labels.share(label, count.characters / total))
      .join('; ');
  const others = listed(false);
  return [listed(true), others && labels.otherContributors(others)].filter(Boolean).join(' — ');
}

function plain(text: string): Inline {
  return { kind: 'text', text, marks: {} };
}
