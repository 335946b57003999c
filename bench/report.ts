import type { BenchResults } from './harness';
import type { ExportResult } from './scenarios/export';
import type { IdleMemoryResult } from './scenarios/idle-memory';
import { median } from './stats';
import type { OverlapsResult } from './scenarios/overlaps';
import type { PlenaryResult } from './scenarios/plenary';
import type { FanoutGroup } from './scenarios/typing';
import type { TypingAnalysisResult } from './scenarios/typing-analysis';
import { TRACE_CREDIT } from './trace';

/** A plain-text table: first column left-aligned, numbers right-aligned. */
function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(format))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
    .join('\n');
}

function format(value: string | number | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '–';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1);
}

function ratio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
}

function fanoutTable(title: string, groups: FanoutGroup[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const g of groups) {
    for (const s of g.summary) {
      rows.push([
        `${g.observers} obs  ${s.server}`,
        s.p50,
        s.p95,
        s.p99,
        s.max,
        s.observerP99,
        s.deliveredPercent,
        s.editsPerSecond,
        s.serverCpuPercent,
        s.databaseCpuPercent,
        s.serverPeakRssMiB,
        s.serverConnectPeakRssMiB,
        s.serverIdleRssMiB,
        s.loadCpuPercent,
        s.connectMs / 1000,
      ]);
    }
    const ratioRow = (name: string, r: FanoutGroup['ratios']) => [
      `${g.observers} obs  ${name} / best peer`,
      ratio(r.p50),
      ratio(r.p95),
      ratio(r.p99),
      ratio(r.max),
      ratio(r.observerP99),
      '',
      '',
      ratio(r.serverCpuPercent),
      '',
      ratio(r.serverPeakRssMiB),
      ratio(r.serverConnectPeakRssMiB),
      ratio(r.serverIdleRssMiB),
      '',
      ratio(r.connectMs),
    ];
    rows.push(ratioRow('Concordia', g.ratios));
    if (g.relayRatios) rows.push(ratioRow('bare relay', g.relayRatios));
  }
  const header = [
    '',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'obs p99',
    'deliv %',
    'edits/s',
    'srv CPU %',
    'db CPU %',
    'srv RSS MiB',
    'connect peak',
    'idle RSS',
    'load CPU %',
    'connect s',
  ];
  return `${title}\n${table(header, rows)}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'NO');

function idleMemoryReport(idle: IdleMemoryResult): string {
  const rows: Array<Array<string | number>> = idle.summary.map((s) => [
    s.server,
    s.freshRssMiB,
    s.peakRssMiB,
    s.afterIdleRssMiB,
    ratio(s.afterIdleRatio),
    s.returnedAfterSeconds,
  ]);
  const r = idle.ratios;
  rows.push(['Concordia / best peer', '', ratio(r.peakRssMiB), ratio(r.afterIdleRssMiB), ratio(r.afterIdleRatio), '']);
  const limit = `${Math.round((idle.targetRatio - 1) * 100)} %`;
  const verdict =
    idle.concordiaWithinTarget === undefined
      ? ''
      : `\nConcordia idle within ${limit} of its fresh RSS: ${yesNo(idle.concordiaWithinTarget)}`;
  return (
    `idle memory (${idle.sections} sections × ${idle.words.toLocaleString('en-US')} words, each loaded once by a reader, then every client gone; ` +
    `fresh and idle RSS each after ${idle.waitMs / 1000} s at rest; the bench's Concordia unloads an empty room after ${idle.concordiaIdleUnloadMs / 1000} s)\n` +
    table(
      ['', 'fresh RSS MiB', 'peak RSS MiB', 'idle RSS MiB', 'idle / fresh', `≤ ${idle.targetRatio}× after s`],
      rows,
    ) +
    verdict
  );
}

function typingAnalysisReport(t: TypingAnalysisResult): string {
  const row = (name: string, s: TypingAnalysisResult['summary']['quiet']) => [
    name,
    s.p50,
    s.p99,
    s.max,
    s.serverCpuPercent,
  ];
  const analyses = t.runs.flatMap((r) =>
    r.analysis ? [`${r.analysis.started} started, ${r.analysis.completed} completed`] : [],
  );
  return (
    `typing while the server analyses overlaps with translation (Concordia; ${t.editors} editors, ${t.observers} observers; ` +
    `a plan of ${t.plan.sections} sections × ${format(t.plan.words)} words retranslated and compared over and over; medians of ${t.runs.length / 2} rounds)\n` +
    table(
      ['', 'p50 ms', 'p99 ms', 'max ms', 'server CPU %'],
      [row('quiet', t.summary.quiet), row('analysing', t.summary.analysing)],
    ) +
    `\nanalyses in each window: ${analyses.join('; ')}`
  );
}

function plenaryReport(p: PlenaryResult, database: string): string {
  const rows = p.windows.map((w) => [
    `${format(w.observers)} obs, ${w.setup === 'one' ? 'one instance' : 'two instances'}`,
    w.writer.p50,
    w.writer.p99,
    w.observerProbe.p50,
    w.observerProbe.p99,
    w.crowd.p99,
    w.deliveredPercent,
    w.editsPerSecond,
    w.serverCpuPercent,
    w.secondServerCpuPercent ?? '',
    w.databaseCpuPercent,
    w.serverRssMiB,
    Math.max(w.serverPeakRssMiB, w.serverConnectPeakRssMiB),
    w.rowsPerSecond,
    w.planPages ? `${w.planPages.reached}/${w.planPages.open}` : '–',
    w.analyses
      ? `${w.analyses.started}/${w.analyses.completed}${w.analyses.underWayAtStart ? '+1' : ''}${w.analyses.crossLanguage ? ' tr' : ''}`
      : '–',
    w.connectMs / 1000,
  ]);
  const pages = p.windows
    .filter((w) => w.planPages?.messages)
    .map(
      (w) =>
        `${format(w.observers)} obs (${w.setup}): ${format(w.planPages!.messages)} messages of ${format(Math.round(w.planPages!.bytes / w.planPages!.messages))} bytes`,
    );
  const cross =
    p.crossOverSingleP99 === null
      ? `two instances: ${p.twoInstancesSkipped ?? 'not measured'}`
      : `observer-probe p99 across two instances / one instance: ${ratio(p.crossOverSingleP99)}`;
  return (
    `plenary (Concordia on ${database}; ${p.sections} sections, ${format(p.words)} words; ${p.writers} writers at ${p.keysPerSecond} keys/s each; ` +
    `each observer on its own account with the plan page and one section open; the server's own overlap analyses running)\n` +
    table(
      [
        '',
        'writer p50',
        'writer p99',
        'obs probe p50',
        'obs probe p99',
        'crowd p99',
        'delivered %',
        'edits/s',
        'server CPU %',
        '2nd CPU %',
        'db CPU %',
        'RSS MiB',
        'peak MiB',
        'rows/s',
        'plan pages sent',
        'analyses',
        'connect s',
      ],
      rows,
    ) +
    `\nplan activity sent to the plan pages in the window: ${pages.join('; ') || 'none'}\n${cross}\n(latencies in ms; writer: to the other writer of the section; obs probe: to an observer account's client; ` +
    `analyses: started/completed in the window, +1 when one was under way at its start, "tr" when they compared across languages)`
  );
}

function overlapsReport(o: OverlapsResult): string {
  const s = o.summary;
  const languages = Object.entries(o.sectionsByLanguage)
    .map(([language, n]) => `${n} ${language}`)
    .join(', ');
  const translation =
    o.translationOff === null
      ? `translation: ${format(o.first.wordsTranslated)} words through Apertium in ${format(o.first.translationWallMs)} ms, ${format(o.first.wordsPerSecond ?? 0)} words/s`
      : `translation off (${o.translationOff}): same-language overlaps only`;
  return (
    `overlaps (Concordia; ${o.sections} sections in four languages (${languages}), ${format(o.paragraphs)} paragraphs, ${format(o.words)} words ` +
    `(${format(o.distinctWords)} distinct), ${format(o.overlaps)} overlaps found, ${format(o.crossLanguageOverlaps)} across languages; medians of ${o.full.length} runs)\n` +
    table(
      ['', 'wall ms', 'CPU ms'],
      [
        ['first full analysis, translation included (cold)', o.first.wallMs, ''],
        ['  translating into Spanish and English', o.first.translationWallMs, ''],
        ['  comparing', o.first.comparisonWallMs, ''],
        ['full analysis, translations in memory', s.fullWallMs, s.fullCpuMs],
        ['after one paragraph changed (translated, re-compared)', s.incrementalWallMs, s.incrementalCpuMs],
        ['after one paragraph of every section changed (a plenary typing)', s.plenaryWallMs, s.plenaryCpuMs],
      ],
    ) +
    `\n${translation}` +
    `\nincremental result equals a full analysis: ${yesNo(o.incrementalMatchesFull)}` +
    `\non the overlap thread, as the server runs it: first analysis from cold ${format(o.thread.first.wallMs)} ms ` +
    `(event loop blocked at most ${o.thread.first.loopBlockedMs} ms), after one paragraph changed ` +
    `${format(median(o.thread.incremental.map((t) => t.wallMs)))} ms (blocked at most ${Math.max(...o.thread.incremental.map((t) => t.loopBlockedMs))} ms); ` +
    `same overlaps as in-process: ${yesNo(o.thread.matchesInProcess)}`
  );
}

function exportReport(e: ExportResult): string {
  const rows = e.summary.map((s) => [s.format, s.firstMs, s.medianMs, s.annexMs, s.kib, s.annexKib]);
  const checked = e.rounds.flatMap((r) => r.formats).filter((f) => f.titlesFound !== null);
  const titles = `every section title in the ${[...new Set(checked.map((f) => f.format))].join(', ')} text: ${yesNo(checked.every((f) => f.titlesFound))}`;
  return (
    `export (Concordia; ${e.sections} sections, ${format(e.words)} words drafted; ${e.runs} exports then one with the annex per format and round, ` +
    `the round's first loads every document (its first format) or starts Chromium (pdf))\n` +
    table(['', 'first ms', 'median ms', 'with annex ms', 'KiB', 'with annex KiB'], rows) +
    `\n${titles}` +
    (e.pdfUnavailable ? `\npdf left out: ${e.pdfUnavailable}` : '')
  );
}

/** Other processes' CPU (% of one core) above which a run is flagged: the bench owns both cores. */
const INTERFERENCE_WARNING_PERCENT = 25;

function interference(results: BenchResults): number {
  const windows = [
    ...(results.typing ?? []).flatMap((g) => g.runs),
    ...(results.manyWriters ?? []).flatMap((g) => g.runs),
    ...(results.presence ?? []).flatMap((g) => g.runs),
    ...(results.capacity?.runs ?? []).flatMap((r) => r.windows),
  ];
  return Math.max(0, ...windows.map((w) => w.otherCpuPercent).filter(Number.isFinite));
}

/** The short human summary printed at the end of a run (medians over rounds). */
export function renderReport(results: BenchResults): string {
  const m = results.machine;
  const parts = [
    `Concordia bench — ${results.date.slice(0, 10)}, ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}, Concordia (${results.concordiaProcess ?? 'collaboration server alone'}) on ${results.database}; ` +
      `medians of ${results.rounds} round(s); latency = editor insert → arrival at a probe connected after all observers; ` +
      `Concordia at ${results.source.commit.slice(0, 7)}${results.source.uncommittedChanges ? ' + uncommitted changes' : ''}`,
  ];
  if (results.typing)
    parts.push(fanoutTable(`typing (${results.typing[0]?.editors ?? '?'} editors × 5 keys/s)`, results.typing));
  if (results.presence) {
    parts.push(
      fanoutTable(
        `typing, observers present as browsers are (awareness renewed every 15 s; ${results.presence[0]?.editors ?? '?'} editors × 5 keys/s)`,
        results.presence,
      ),
    );
  }
  if (results.manyWriters)
    parts.push(
      fanoutTable(`many writers (${results.manyWriters[0]?.editors ?? '?'} editors × 5 keys/s)`, results.manyWriters),
    );
  if (results.capacity) {
    const c = results.capacity;
    const rows: Array<Array<string | number>> = c.summary.map((s) => [
      s.server,
      s.capacity,
      c.runs
        .filter((r) => r.server === s.server)
        .map((r) => r.capacity)
        .join(' / '),
    ]);
    rows.push(['Concordia / best peer', ratio(c.ratios.capacity), '']);
    parts.push(
      `capacity (observers held at p99 ≤ ${c.p99LimitMs} ms, 100 % delivered; ramp ${c.steps.join(' → ')})\n${table(['', 'median', 'rounds'], rows)}`,
    );
    const steps = c.stepP99.filter((step) => Object.values(step.p99Ms).some(Number.isFinite));
    const p99Rows: Array<Array<string | number>> = c.summary.map((s) => [
      s.server,
      ...steps.map((step) => step.p99Ms[s.server] ?? Number.NaN),
    ]);
    p99Rows.push(['Concordia / best peer', ...steps.map((step) => ratio(step.ratio))]);
    parts.push(
      `  … probe p99 ms at each step (median of rounds; – where a round had stopped before it)\n${table(['', ...steps.map((step) => `${step.observers} obs`)], p99Rows)}`,
    );
  }
  if (results.coldLoad) {
    const c = results.coldLoad;
    const rows: Array<Array<string | number>> = c.summary.map((s) => [
      s.server,
      s.firstSyncMs,
      s.warmSyncMs,
      `${format(s.firstReceivedMs)} / ${format(s.warmReceivedMs)}`,
      s.bytes,
      s.serverRssMiB,
      s.roomLoadMs,
    ]);
    const { ratios: r } = c;
    rows.push([
      'Concordia / best peer',
      ratio(r.firstSyncMs),
      ratio(r.warmSyncMs),
      `${ratio(r.firstReceivedMs)} / ${ratio(r.warmReceivedMs)}`,
      ratio(r.bytes),
      ratio(r.serverRssMiB),
      '',
    ]);
    parts.push(
      `cold load (${c.trace.transactions.toLocaleString('en-US')} transactions, ${c.trace.characters.toLocaleString('en-US')} characters, ` +
        `update ${c.trace.updateBytes.toLocaleString('en-US')} B; ${TRACE_CREDIT})\n` +
        table(
          ['', 'first sync ms', 'warm sync ms', 'received first / warm ms', 'bytes', 'srv RSS MiB', 'room load ms'],
          rows,
        ),
    );
  }
  if (results.persistence) {
    const s = results.persistence.summary;
    parts.push(
      `persistence (Concordia)\n` +
        table(
          ['', 'value'],
          [
            ['flush latency p50 / p99 ms (send → row visible)', `${format(s.flushP50Ms)} / ${format(s.flushP99Ms)}`],
            ['sustained updates/s durable', s.sustainedPerSecond],
            ['  … p99 send → visible ms at that rate', s.throughputP99Ms],
            [`compaction of ${s.compactionRows.toLocaleString('en-US')} log rows ms`, s.compactMs],
            ['  … event loop blocked ms (every room waits)', s.compactLoopBlockedMs],
            [
              'load with that log / after compaction ms',
              `${format(s.loadBeforeCompactionMs)} / ${format(s.loadAfterCompactionMs)}`,
            ],
            ['  … event loop blocked ms, load with that log', s.loadLoopBlockedMs],
          ],
        ),
    );
  }
  if (results.twoInstances) {
    const t = results.twoInstances;
    if ('skipped' in t) parts.push(`two instances: skipped (${t.skipped})`);
    else {
      const s = t.summary;
      parts.push(
        `two instances (Concordia on Redis; ${t.editors} editors on one instance, probes and ${t.observers} observers on another)\n` +
          table(
            ['', 'p50 ms', 'p99 ms'],
            [
              ['one instance', s.singleP50, s.singleP99],
              ['across two instances', s.crossP50, s.crossP99],
              ['two / one', '', ratio(s.p99Ratio)],
            ],
          ),
      );
    }
  }
  if (results.idleMemory) parts.push(idleMemoryReport(results.idleMemory));
  if (results.typingAnalysis) parts.push(typingAnalysisReport(results.typingAnalysis));
  if (results.overlaps) parts.push(overlapsReport(results.overlaps));
  if (results.export) parts.push(exportReport(results.export));
  if (results.plenary) parts.push(plenaryReport(results.plenary, results.database));
  const disturbed = interference(results);
  if (disturbed > INTERFERENCE_WARNING_PERCENT) {
    parts.push(
      `warning: other processes used up to ${disturbed.toFixed(0)} % of a core during measurement windows; the figures are disturbed`,
    );
  }
  for (const [scenario, error] of Object.entries(results.errors))
    parts.push(`${scenario} FAILED: ${error?.split('\n')[0]}`);
  parts.push(`took ${results.durationSeconds ?? '?'} s`);
  return parts.join('\n\n');
}
