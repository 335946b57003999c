import { stateColor, stateColorLight } from '../../../lib/shared/state-colors';

/** A plan member as editors show them: whose words are whose in authorship and history views. */
export type Person = { name: string; state: { code: string; name: string } | null };

/** Each author's colours (their state's) for the text y-tiptap renders from a snapshot. */
export function colorsByUser(people: Record<string, Person>): Map<string, { light: string; dark: string }> {
  return new Map(
    Object.entries(people).map(([id, p]) => [
      id,
      { light: stateColorLight(p.state?.code), dark: stateColor(p.state?.code) },
    ]),
  );
}

/** Each author's name and state, for the change marks' "Written by" titles. */
export function labelsByUser(people: Record<string, Person>): Record<string, { name: string; state: string | null }> {
  return Object.fromEntries(
    Object.entries(people).map(([id, p]) => [id, { name: p.name, state: p.state?.name ?? null }]),
  );
}
