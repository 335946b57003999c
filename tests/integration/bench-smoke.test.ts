import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/harness';
import { KNOWN_SERVERS, parseOptions } from '../../bench/options';
import { REPO_ROOT } from '../../bench/servers/launch';
import { browserAvailable } from '../helpers/browser';
import { scaleOutRedis } from '../helpers/collab-process';

// The two-instance scenario runs where the scale-out tests run (required in CI), and is skipped elsewhere.
const redisUrl = await scaleOutRedis();

/**
 * `npm run bench -- --smoke` inside `npm test`, so the harness cannot rot: every scenario against
 * every server, the bare relay included, at the smallest size. Correctness only: timings depend on the machine and are
 * never asserted.
 */
describe('benchmark harness (smoke size)', () => {
  it('runs every scenario against every server, and every edit and document arrives intact', async () => {
    const options = parseOptions(
      ['--smoke', '--no-write', '--server', KNOWN_SERVERS.join(',')],
      { ...process.env, REDIS_URL: redisUrl ?? undefined },
      REPO_ROOT,
    );
    const results = await runBench(options, () => {});

    expect(results.errors).toEqual({});
    const everyServer = [...KNOWN_SERVERS].sort();

    for (const group of [...(results.typing ?? []), ...(results.presence ?? []), ...(results.manyWriters ?? [])]) {
      expect(group.runs.map((r) => r.server).sort()).toEqual(everyServer);
      for (const run of group.runs) {
        expect(run.connectFailures, `${run.server} refused observers`).toBe(0);
        expect(run.observers).toBe(group.observers);
        expect(run.edits, `${run.server} measured no edits`).toBeGreaterThan(0);
        expect(run.deliveredPercent, `${run.server} lost edits`).toBe(100);
        expect(run.probe.count).toBe(run.edits * options.typing.probes);
      }
      expect(group.relayRatios?.p99, 'no bare relay / best peer row').toSatisfy(Number.isFinite);
    }
    expect(results.typing?.map((g) => g.observers)).toEqual(options.typing.observers);
    expect(results.manyWriters).toHaveLength(1);
    expect(results.presence?.map((g) => g.observers)).toEqual([options.presence.observers]);

    const capacity = results.capacity!;
    expect(capacity.runs.map((r) => r.server).sort()).toEqual(everyServer);
    for (const run of capacity.runs) {
      expect(run.windows.map((w) => w.observers)).toEqual(options.capacity.steps);
      for (const window of run.windows) expect(window.deliveredPercent).toBe(100);
    }
    expect(capacity.stepP99.map((step) => step.observers)).toEqual(options.capacity.steps);
    for (const step of capacity.stepP99) {
      for (const server of everyServer) expect(step.p99Ms[server]).toBeGreaterThan(0);
      expect(step.ratio).toBeGreaterThan(0);
    }

    const cold = results.coldLoad!;
    expect(cold.trace.textMatches).toBe(true);
    expect(cold.trace.transactions).toBe(options.coldLoad.traceTransactions);
    expect(cold.runs.map((r) => r.server).sort()).toEqual(everyServer);
    for (const run of cold.runs) {
      expect(run.textMatches, `${run.server} served a different text`).toBe(true);
      expect(run.bytes).toBeGreaterThan(0);
      // The document arrives before the client has decoded it and is synced.
      expect(run.firstReceivedMs).toBeGreaterThan(0);
      expect(run.firstReceivedMs).toBeLessThanOrEqual(run.firstSyncMs);
    }
    expect(cold.runs.find((r) => r.server === 'concordia')?.roomLoadMs).toBeTypeOf('number');

    const persistence = results.persistence!;
    for (const run of [...persistence.flush, ...persistence.throughput]) {
      expect(run.durablePercent, 'updates missing from the update log').toBe(100);
      expect(run.visible.count).toBeGreaterThan(0);
    }
    for (const compaction of persistence.compaction) {
      expect(compaction.rows).toBe(options.persistence.compactionRows);
      expect(compaction.rowsLeft).toBe(0);
      expect(compaction.textMatches).toBe(true);
      for (const blocked of [compaction.loadLoopBlockedMs, compaction.compactLoopBlockedMs])
        expect(blocked).toSatisfy(Number.isFinite);
    }

    const idle = results.idleMemory!;
    expect(idle.runs.map((r) => r.server).sort()).toEqual(everyServer);
    for (const run of idle.runs) {
      expect(run.roomsRead).toBe(options.idleMemory.sections);
      expect(run.textMatches, `${run.server} served a section's text wrongly`).toBe(true);
      for (const figure of [run.freshRssMiB, run.peakRssMiB, run.afterIdleRssMiB, run.afterIdleRatio])
        expect(figure).toSatisfy(Number.isFinite);
    }
    expect(idle.runs.find((r) => r.server === 'concordia')?.roomsUnloaded, 'Concordia kept rooms loaded').toBe(
      options.idleMemory.sections,
    );
    expect(idle.concordiaWithinTarget).toBeTypeOf('boolean');

    const overlaps = results.overlaps!;
    expect(overlaps.sections).toBe(options.plan.sections);
    expect(overlaps.overlaps, 'no overlap found, though the plan has copied paragraphs').toBeGreaterThan(0);
    expect(
      overlaps.incrementalMatchesFull,
      're-analysing edited sections gave another result than a full analysis',
    ).toBe(true);
    expect(overlaps.plenary).toHaveLength(options.overlaps.runs);
    expect(overlaps.thread.matchesInProcess, 'the overlap thread found other overlaps').toBe(true);
    expect(overlaps.thread.incremental).toHaveLength(options.overlaps.runs);

    const analysing = results.typingAnalysis!;
    expect(analysing.runs.map((r) => r.analysing)).toEqual([false, true]);
    for (const run of analysing.runs) expect(run.deliveredPercent).toBe(100);
    expect(analysing.runs[1]!.analysis?.started, 'no analysis ran while typing was measured').toBeGreaterThan(0);

    const exported = results.export!;
    const formats = options.export.formats.filter((f) => f !== 'pdf' || browserAvailable());
    expect(exported.sections).toBe(options.plan.sections);
    expect(exported.summary.map((s) => s.format)).toEqual(formats);
    for (const round of exported.rounds) {
      for (const file of round.formats) {
        expect(file.ms).toHaveLength(options.export.runs);
        expect(file.bytes, `empty ${file.format} export`).toBeGreaterThan(0);
        expect(file.annexBytes, `no annex in the ${file.format} export`).toBeGreaterThan(file.bytes);
        if (file.format !== 'pdf')
          expect(file.titlesFound, `section titles missing from the ${file.format} export`).toBe(true);
      }
    }

    // The plenary: every section's writers read each other, its probe and its observers (each on the
    // plan page too) receive every keystroke, and every plan page is sent the plan's activity.
    const plenary = results.plenary!;
    expect(plenary.sections).toBe(options.plenary.sections);
    expect(plenary.writers).toBe(2 * options.plenary.sections);
    expect(plenary.windows.map((w) => w.setup)).toEqual(redisUrl ? ['one', 'two'] : ['one']);
    for (const window of plenary.windows) {
      expect(window.connectFailures, `plenary observers refused (${window.setup})`).toBe(0);
      expect(window.observers).toBe(options.plenary.observers[0]);
      expect(window.edits, `no keystroke measured in the plenary (${window.setup})`).toBeGreaterThan(0);
      expect(window.deliveredPercent, `keystrokes lost in the plenary (${window.setup})`).toBe(100);
      expect(window.writer.count, 'writers did not read each other').toBe(window.edits);
      expect(window.observerProbe.count).toBe(window.edits * options.plenary.probes);
      for (const p99 of [window.writer.p99, window.observerProbe.p99, window.crowd.p99])
        expect(p99).toSatisfy(Number.isFinite);
      expect(window.planPages?.open).toBe(window.observers);
      expect(window.rowsPerSecond, 'no keystroke reached the update log').toBeGreaterThan(0);
    }
    if (redisUrl) expect(plenary.crossOverSingleP99).toSatisfy(Number.isFinite);

    const twoInstances = results.twoInstances!;
    if (!redisUrl) expect(twoInstances).toHaveProperty('skipped');
    else {
      if ('skipped' in twoInstances) throw new Error(`two-instance scenario skipped: ${twoInstances.skipped}`);
      expect(twoInstances.runs.map((r) => r.setup).sort()).toEqual(['one', 'two']);
      for (const run of twoInstances.runs) {
        expect(run.edits, `${run.setup} instance(s) measured no edits`).toBeGreaterThan(0);
        expect(run.deliveredPercent, `edits lost with ${run.setup} instance(s)`).toBe(100);
      }
    }
  }, 180_000);
});
