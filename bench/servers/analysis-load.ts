import { sharedAnalyser } from '../../lib/consolidation/shared-analyser';
import { sharedTranslator } from '../../lib/translation';
import { multilingualPlan, type MultilingualSection } from '../multilingual-plan';
import type { PlanSize } from '../plan-text';

/** What the analyses did between start and stop: started, completed, and whether they translated. */
export type AnalysisLoadReport = { started: number; completed: number; crossLanguage: boolean | null };

/**
 * Inside the Concordia bench server: overlap analyses of a plan in the four languages, one after
 * another on the server's overlap thread, each with every paragraph changed (a number added), so each
 * translates the whole plan again and compares it in full: the heaviest analysis the server runs,
 * kept going for as long as typing is measured in another room.
 */
export class AnalysisLoad {
  private plan: MultilingualSection[] | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;
  /** Across starts: text never analysed before, so never in the translation caches. */
  private run = 0;
  private report: AnalysisLoadReport = { started: 0, completed: 0, crossLanguage: null };

  /** Builds the plan once; waits for the analysis a stop left under way, so the next window starts quiet. */
  async prepare(size: PlanSize): Promise<void> {
    this.plan ??= await multilingualPlan(size, sharedTranslator());
    await this.running;
  }

  async start(): Promise<void> {
    const analyser = sharedAnalyser();
    const plan = this.plan;
    if (!analyser || !plan) throw new Error('the analysis load needs the overlap thread and a prepared plan');
    await this.running;
    this.stopping = false;
    const report: AnalysisLoadReport = { started: 0, completed: 0, crossLanguage: null };
    this.report = report;
    this.running = (async () => {
      while (!this.stopping) {
        const run = ++this.run;
        const edited = new Map(plan.map((s) => [s.id, s.paragraphs.map((p) => `${p} ${run}`)]));
        report.started++;
        const { crossLanguage } = await analyser.currentOverlaps('bench-analysis-load', edited);
        report.completed++;
        report.crossLanguage = crossLanguage.available;
      }
    })();
  }

  /** Stops starting analyses; the one under way finishes on its own (prepare waits for it). */
  stop(): AnalysisLoadReport {
    this.stopping = true;
    return { ...this.report };
  }
}
