import { OAS_MEMBER_STATES } from './member-states';
import { stateColor } from './state-colors';

/**
 * Who a caret or a presence chip belongs to: the `user` field of an awareness state. The server writes
 * it from the connection's session and appointment (server/collab/awareness/stamp.ts); whatever a
 * client puts there is replaced, so a delegation cannot appear as another.
 */
export type AwarenessUser = { userId: string; name: string; state: string | null; color: string; role: string };

const STATE_NAMES = new Map(OAS_MEMBER_STATES.map(([code, en]) => [code, en]));

/** The awareness user of a plan member (or of an administrator, who has no state), as the editor shows it. */
export function awarenessUser(member: {
  userId: string;
  name: string;
  stateCode: string | null;
  role: string;
}): AwarenessUser {
  const { userId, name, stateCode, role } = member;
  return {
    userId,
    name,
    state: stateCode ? (STATE_NAMES.get(stateCode) ?? stateCode) : null,
    color: stateColor(stateCode),
    role,
  };
}
