import type { PlanView } from '../../lib/plans/get-plan';
import { stateColor } from '../../lib/shared/state-colors';
import type { EditorIdentity } from '../_components/editor/editor-props';

/** How the viewer appears to others in an editor: name, state and the state's colour. */
export function editorIdentity(plan: PlanView): EditorIdentity {
  const { viewer } = plan;
  return {
    userId: viewer.userId,
    name: viewer.name,
    state: viewer.state?.name ?? null,
    color: stateColor(viewer.state?.code),
    role: viewer.role,
  };
}
