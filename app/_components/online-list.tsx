import type { OnlineMember } from '../../lib/plans/get-plan';
import { stateColor } from '../../lib/shared/state-colors';

/** Who is in a document now: people with their state's colour; observers as a count. */
export function OnlineList({ people }: { people: OnlineMember[] }) {
  const editors = people.filter((p) => p.role !== 'observer');
  const observers = people.length - editors.length;
  if (people.length === 0) return <span className="muted">nobody online</span>;
  return (
    <span className="presence">
      {editors.map((p) => (
        <span key={p.name} className="person" style={{ borderColor: stateColor(p.state?.code) }}>
          {p.name}
        </span>
      ))}
      {observers > 0 && <span className="muted">+{observers} observing</span>}
    </span>
  );
}
