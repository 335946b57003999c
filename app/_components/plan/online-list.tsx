import { useTranslations } from 'next-intl';
import type { RoomPresence } from '../../../lib/plans/plan-activity';
import { stateColor } from '../../../lib/shared/state-colors';

/** Who is in a document now: people with their state's colour; observers as a count. */
export function OnlineList({ people, observing }: RoomPresence) {
  const t = useTranslations('OnlineList');
  if (people.length === 0 && observing === 0) return <span className="muted">{t('nobody')}</span>;
  return (
    <span className="presence">
      {people.map((p) => (
        <span key={p.name} className="person" style={{ borderColor: stateColor(p.state?.code) }}>
          {p.name}
        </span>
      ))}
      {observing > 0 && <span className="muted">{t('observing', { count: observing })}</span>}
    </span>
  );
}
