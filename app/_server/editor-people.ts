import type { PlanView } from '../../lib/plans/get-plan';
import type { Person } from '../_components/editor/people';

/** The plan's members by user id, as editors show whose words are whose (authorship and history views). */
export function editorPeople(plan: PlanView): Record<string, Person> {
  return Object.fromEntries(plan.people.map((p) => [p.userId, { name: p.name, state: p.state }]));
}
