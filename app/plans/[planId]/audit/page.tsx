import { getDb } from '../../../../db';
import { listAudit } from '../../../../lib/audit/list-audit';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { loadManagedPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 1));

export default async function AuditPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/audit`);
  const plan = await loadManagedPlanForPage(userId, planId);
  const entries = await listAudit(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <PlanTrail plan={plan} here="Audit log" />
        <h1>Audit log</h1>
        <table className="card">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actor ?? '—'}</td>
                <td>
                  {e.action}
                  <br />
                  <small className="muted">{e.target}</small>
                </td>
                <td>
                  <pre className="json">{show(e.before)}</pre>
                </td>
                <td>
                  <pre className="json">{show(e.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
