import type { PlanView } from '../../lib/plans/get-plan';
import type { AmendmentRights } from '../_components/negotiation/amendments-panel';

/** What the reader may do with a section's amendments, as the server decided it for the plan view. */
export function amendmentRights(plan: PlanView, section: PlanView['sections'][number]): AmendmentRights {
  const negotiating = plan.phase === 'drafting' || plan.phase === 'consolidation';
  return {
    state: negotiating && plan.viewer.role === 'coordinator' ? (plan.viewer.state?.code ?? null) : null,
    canPropose: plan.canPropose,
    canDecide: section.canDecideAmendments,
    isChair: negotiating && plan.viewer.role === 'chair',
  };
}
