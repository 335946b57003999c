import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { multilingualPlan } from '../../bench/multilingual-plan';
import { OverlapThread } from '../../lib/consolidation/overlap-thread';
import { translationConfig } from '../../lib/env';
import { analysePlan, findOverlaps } from '../../lib/overlap';
import { createTranslator, type TranslationStore } from '../../lib/translation';
import { apertiumAvailable } from '../helpers/apertium';
import { loadEvalPlans } from '../helpers/overlap-eval';

const log = pino({ level: 'silent' });

/** The translations table as a map, counting what the thread reads and writes through this thread. */
function memoryStore() {
  const rows = new Map<string, string>();
  const calls = { read: 0, written: 0 };
  const store: TranslationStore = {
    async read(pair, hashes) {
      calls.read++;
      return new Map(hashes.flatMap((h) => (rows.has(`${pair}:${h}`) ? [[h, rows.get(`${pair}:${h}`)!]] : [])));
    },
    async write(pair, entries) {
      for (const { hash, text } of entries) rows.set(`${pair}:${hash}`, text);
      calls.written += entries.length;
    },
  };
  return { store, rows, calls };
}

const asSections = (sections: readonly { id: string; paragraphs: readonly string[] }[]) =>
  new Map(sections.map((s) => [s.id, s.paragraphs]));

describe.runIf(apertiumAvailable())('the overlap thread', () => {
  const { store, rows, calls } = memoryStore();
  const thread = new OverlapThread({ config: translationConfig({}), store, log });
  const here = createTranslator({ config: translationConfig({}) });
  afterAll(async () => {
    here.close();
    await thread.close();
  });
  const plan = loadEvalPlans().find((p) => p.name === 'security')!;
  const sections = plan.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs.map((p) => p.text) }));

  it('finds what analysePlan finds, translation included, and keeps translations in the store', async () => {
    const onThread = await thread.currentOverlaps('security', asSections(sections));
    const { overlaps, crossLanguage } = await analysePlan({ sections }, { translator: here });
    expect(onThread.crossLanguage).toEqual(crossLanguage);
    expect(onThread.overlaps.length).toBeGreaterThan(5);
    expect(onThread.overlaps).toEqual(overlaps);
    expect(calls.read).toBeGreaterThan(0);
    expect(rows.size).toBeGreaterThan(0);
  });

  it('follows an edit and a removed section as a full analysis does', async () => {
    const edited = sections
      .slice(1)
      .map((s, i) => (i === 0 ? { ...s, paragraphs: [...s.paragraphs, sections[0]!.paragraphs[0]!] } : s));
    const onThread = await thread.currentOverlaps('security', asSections(edited));
    expect(onThread.overlaps).toEqual((await analysePlan({ sections: edited }, { translator: here })).overlaps);
  });

  it('translates for readers through the same thread and its caches', async () => {
    const written = calls.written;
    const [text] = await thread.translator.translate([sections[0]!.paragraphs[0]!], 'es', 'en');
    expect(text).toMatch(/\w+ \w+ \w+/);
    expect(await thread.translator.status('pt', 'en')).toEqual({ available: true });
    // The paragraph was translated into English for the analysis already: read from memory, not Apertium.
    expect(calls.written).toBe(written);
  });
});

describe('the overlap thread on a large plan', () => {
  const thread = new OverlapThread({ config: translationConfig({ TRANSLATION: 'off' }), log });
  afterAll(() => thread.close());

  it('compares 35 sections of 5,000 words while this event loop stays free', async () => {
    const plan = await multilingualPlan({ sections: 35, words: 5000 }, null);
    // The longest this loop went without running a timer due every 5 ms: what every room would wait.
    let last = performance.now();
    let longestGapMs = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 5);
    const start = performance.now();
    const { overlaps, crossLanguage } = await thread.currentOverlaps('large', asSections(plan));
    const wallMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(ticks);
    expect(crossLanguage).toMatchObject({ available: false });
    expect(overlaps).toEqual(findOverlaps({ sections: plan.map(({ id, paragraphs }) => ({ id, paragraphs })) }));
    // On this loop the same comparison blocks for its whole length (about a second); here only the
    // text's copy to the thread and the result's copy back take the loop (3.3 s against 57 ms measured).
    expect(wallMs).toBeGreaterThan(300);
    expect(longestGapMs).toBeLessThan(250);
  }, 60_000);
});

describe('an overlap thread left idle', () => {
  const thread = new OverlapThread({ config: translationConfig({ TRANSLATION: 'off' }), log, idleMs: 100 });
  afterAll(() => thread.close());

  it('stops, and the next analysis starts another that answers as a full analysis does', async () => {
    const plan = loadEvalPlans().find((p) => p.name === 'security')!;
    const sections = plan.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs.map((p) => p.text) }));
    const first = await thread.currentOverlaps('security', asSections(sections));
    const running = (thread as unknown as { worker: unknown }).worker;
    expect(running).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Stopped: its memory goes back to the server while nobody edits.
    expect((thread as unknown as { worker: unknown }).worker).toBeNull();

    const edited = sections.map((s, i) =>
      i === 1 ? { ...s, paragraphs: [...s.paragraphs, sections[0]!.paragraphs[0]!] } : s,
    );
    const again = await thread.currentOverlaps('security', asSections(edited));
    expect((thread as unknown as { worker: unknown }).worker).not.toBe(running);
    expect(again.overlaps).toEqual((await analysePlan({ sections: edited }, { translator: null })).overlaps);
    expect(again.overlaps.length).toBeGreaterThanOrEqual(first.overlaps.length);
  });
});
