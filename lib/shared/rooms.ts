/** Room names shared by the collaboration server and the editor: one room per section, one per plan goal. */
export type RoomRef = { kind: 'section'; sectionId: string } | { kind: 'goal'; planId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const COLLAB_PATH = '/collab';

export function sectionRoom(sectionId: string): string {
  return `section-${sectionId}`;
}

export function goalRoom(planId: string): string {
  return `goal-${planId}`;
}

export function parseRoom(name: string): RoomRef | null {
  const match = /^(section|goal)-(.+)$/.exec(name);
  if (!match || !UUID.test(match[2]!)) return null;
  return match[1] === 'section' ? { kind: 'section', sectionId: match[2]! } : { kind: 'goal', planId: match[2]! };
}

/**
 * Query of a goal-room connection that wants the plan's activity: a plan page. Section pages show the
 * goal too, and are not sent it.
 */
export const FOLLOW_PLAN_PARAMS = { follow: 'plan' } as const;

export function followsPlan(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://localhost').searchParams.get('follow') === FOLLOW_PLAN_PARAMS.follow;
}

/**
 * Query of a section connection opened by the whole-plan page, which follows the text while it is in
 * view: the reader is not in the section, so the section's "who is here" does not count them.
 */
export const WHOLE_PLAN_PARAMS = { view: 'whole-plan' } as const;

export function readsWholePlan(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://localhost').searchParams.get('view') === WHOLE_PLAN_PARAMS.view;
}

/** The Y.XmlFragment that Tiptap's Collaboration extension binds to. */
export const EDITOR_FIELD = 'default';
