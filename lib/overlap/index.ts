export { findOverlaps } from './find-overlaps';
export { DEFAULT_THRESHOLD, OverlapIndex } from './overlap-index';
export { planTextSchema } from './plan-schema';
export type { OverlapKind } from './similarity';
export type { Overlap, OverlapOptions, ParagraphRef, PlanSection, PlanText } from './types';
export { textSimilarity } from './text-similarity';
