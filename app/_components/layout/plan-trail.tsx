import Link from 'next/link';

/** Where a plan's page stands: the plans, the plan, and (`here`) the page within it. */
export function PlanTrail({ plan, here }: { plan: { id: string; title: string }; here?: string }) {
  return (
    <p className="muted">
      <Link href="/plans">Plans</Link> / <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
      {here && ` / ${here}`}
    </p>
  );
}
