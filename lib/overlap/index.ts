export { findOverlaps } from './find-overlaps';
export { DEFAULT_THRESHOLD, OverlapIndex } from './overlap-index';
export { detectParagraphLanguage } from './paragraph-language';
export { planTextSchema } from './plan-schema';
export type {
  Overlap,
  OverlapKind,
  OverlapOptions,
  ParagraphRef,
  PlanSection,
  PlanText,
  PreparedParagraph,
  PreparedSection,
} from './types';
export { textSimilarity } from './text-similarity';
export {
  analysePlan,
  COMPARISON_LANGUAGES,
  preparePlan,
  type CrossLanguage,
  type PlanAnalysis,
  type PreparedPlan,
} from './analyse-plan';
export { sharedWords } from './shared-words';
