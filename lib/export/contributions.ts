import type { ChangeRun } from '../documents/change-runs';
import type { Block, Inline } from './blocks';
import type { ExportLabels } from './labels';

export type SectionRuns = { number: number; title: string; leadState: string; runs: ChangeRun[] };

/**
 * The annex: who wrote how much of each section, by state, as shares of its text. Counted from the
 * server's attribution record, like the section's attribution panel, at the instant exported.
 */
export function contributionsAnnex(options: {
  sections: SectionRuns[];
  labels: ExportLabels;
  contributor: (userId: string | null) => string;
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

function shares(
  runs: ChangeRun[],
  { labels, contributor }: { labels: ExportLabels; contributor: (userId: string | null) => string },
): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const run of runs) {
    const label = contributor(run.userId);
    counts.set(label, (counts.get(label) ?? 0) + run.text.length);
    total += run.text.length;
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([label, characters]) => labels.share(label, characters / total))
    .join('; ');
}

function plain(text: string): Inline {
  return { kind: 'text', text, marks: {} };
}
