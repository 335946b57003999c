'use client';

import type { PlanView } from '../../../lib/plans/get-plan';
import type { MemberView, PendingInvitation } from '../../../lib/plans/list-members';
import { ErrorAlert } from '../error-alert';
import { ObserversPanel } from './observers-panel';
import { PeoplePanel } from './people-panel';
import { PhasePanel } from './phase-panel';
import { PlanVersions } from './plan-versions';
import { SectionsPanel } from './sections-panel';
import type { State } from './state-options';
import { useAction } from './use-action';

type Props = { plan: PlanView; members: MemberView[]; invitations: PendingInvitation[]; states: State[] };

/** The chair's manage page: plan versions, the phase, the people and the sections; a failed change says why at the top. */
export function ManagePlan({ plan, members, invitations, states }: Props) {
  const { run, error, busy } = useAction();
  return (
    <div className="stack">
      <ErrorAlert message={error} className="card" />
      <PlanVersions planId={plan.id} />
      {plan.canChangePhase && <PhasePanel plan={plan} run={run} busy={busy} />}
      <ObserversPanel plan={plan} run={run} busy={busy} />
      <PeoplePanel plan={plan} members={members} invitations={invitations} states={states} run={run} busy={busy} />
      <SectionsPanel plan={plan} states={states} run={run} busy={busy} />
    </div>
  );
}
