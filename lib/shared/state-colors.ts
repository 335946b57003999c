import { OAS_MEMBER_STATES } from './member-states';

const INDEX = new Map(OAS_MEMBER_STATES.map(([code], i) => [code, i]));

/**
 * Nine colours that stay apart for readers with protanopia, deuteranopia or tritanopia as well as for
 * everyone else (at least 0.086 apart in OKLab under each simulation, tests/unit/state-colors.test.ts),
 * each dark enough to carry white text (4.5:1 or more). Chosen by a greedy search that adds, at each
 * step, the colour farthest from those already chosen under the worst of the four visions.
 */
const PALETTE = [
  '#B06010',
  '#4000B0',
  '#701030',
  '#7070B0',
  '#A000F0',
  '#A00070',
  '#E01080',
  '#605000',
  '#5050B0',
] as const;

/** Text and seeds without a state (the chair, the seed). */
const NO_STATE = '#5F6B7A';

/**
 * A stable colour per member state, the same in every browser: the palette in turn along the list of
 * states, so neighbours in the list always differ, and so do the states of the demonstration plan.
 */
export function stateColor(stateCode: string | null | undefined): string {
  const index = stateCode ? INDEX.get(stateCode) : undefined;
  return index === undefined ? NO_STATE : PALETTE[index % PALETTE.length]!;
}

/** The same colour, translucent (22 % opaque): a background under text that keeps the text readable. */
export function stateColorLight(stateCode: string | null | undefined): string {
  return `${stateColor(stateCode)}38`;
}
