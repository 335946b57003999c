import Link from 'next/link';
import { stateColor } from '../../../lib/shared/state-colors';
import type { OverlapView } from './overlap-types';

/** One passage of an overlap on the board: its section, its state and its words. */
export function PassageCard({ planId, passage }: { planId: string; passage: OverlapView['a'] }) {
  return (
    <div className="passage" style={{ borderColor: stateColor(passage.state.code) }}>
      <p className="muted small">
        <Link href={`/plans/${planId}/sections/${passage.sectionId}`}>
          {passage.sectionNumber}. {passage.sectionTitle}
        </Link>{' '}
        · {passage.state.name}
      </p>
      <p>{passage.text}</p>
    </div>
  );
}
