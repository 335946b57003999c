import { OAS_MEMBER_STATES } from './member-states';

const INDEX = new Map(OAS_MEMBER_STATES.map(([code], i) => [code, i]));

/**
 * A stable colour per member state, the same in every browser. Hues step by the golden angle
 * through the list of states, so neighbours in any plan are far apart on the colour wheel.
 */
export function stateColor(stateCode: string | null | undefined): string {
  const index = stateCode ? INDEX.get(stateCode) : undefined;
  if (index === undefined) return 'hsl(220 9% 46%)';
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue} 70% 38%)`;
}

/** The same colour, translucent: a background under text that keeps the text readable. */
export function stateColorLight(stateCode: string | null | undefined): string {
  return stateColor(stateCode).replace(')', ' / 0.22)');
}
