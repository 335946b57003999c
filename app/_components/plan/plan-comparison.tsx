import { useLocale, useTranslations } from 'next-intl';
import { stateName } from '../../../lib/shared/member-states';
import { stateColor } from '../../../lib/shared/state-colors';
import type { ChangedPassage, PlanComparison, SectionComparison } from '../../../lib/versions/compare-plan-versions';
import type { MovedPlace } from '../../../lib/versions/find-moves';

/** The comparison of two plan versions: per section, the words per state, then the passages added and removed (and moved). */
export function PlanComparisonView({ comparison }: { comparison: PlanComparison }) {
  const t = useTranslations('PlanComparePage');
  return (
    <div className="plan-comparison stack">
      <p>{t('summary', { from: comparison.from.name, to: comparison.to.name })}</p>
      {comparison.sections.map((s) => (
        <SectionChanges key={s.sectionId ?? 'goal'} section={s} comparison={comparison} />
      ))}
    </div>
  );
}

function SectionChanges({ section, comparison }: { section: SectionComparison; comparison: PlanComparison }) {
  const t = useTranslations('PlanComparePage');
  const plan = useTranslations('PlanPage');
  const views = useTranslations('DocumentViews');
  const locale = useLocale();
  const who = (state: string | null) => (state ? stateName(state, locale) : views('chairOrSeeded'));
  const heading = !section.sectionId
    ? plan('goalHeading')
    : section.number
      ? t('sectionHeading', { number: section.number, title: section.title ?? '' })
      : (section.title ?? '');
  const unchanged = !section.added.length && !section.removed.length;
  // Where a moved passage went (a removed one) or came from (an added one).
  const movedNote = (moved: MovedPlace, Tag: 'ins' | 'del') => {
    const kind = !moved.sectionId
      ? 'goal'
      : moved.sectionId === section.sectionId
        ? 'here'
        : moved.number === null
          ? 'gone'
          : 'section';
    const values = { kind, number: moved.number ?? 0, title: moved.title ?? '' };
    if (Tag === 'del') return moved.partly ? t('partlyMovedTo', values) : t('movedTo', values);
    return moved.partly ? t('partlyMovedFrom', values) : t('movedFrom', values);
  };
  const passages = (list: ChangedPassage[], Tag: 'ins' | 'del') => (
    <ul className="plain stack">
      {list.map((p, i) => (
        <li
          key={i}
          className="changed-passage"
          data-moved={p.moved ? 'true' : undefined}
          style={{ borderColor: stateColor(p.state) }}
        >
          <Tag>{p.text}</Tag> <span className="muted small">— {who(p.state)}</span>
          {p.moved && <span className="small moved-note"> {movedNote(p.moved, Tag)}</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card stack" aria-label={heading}>
      <h2>{heading}</h2>
      {section.leadState && <p className="muted">{plan('lead', { state: stateName(section.leadState, locale) })}</p>}
      {section.presence === 'added' && <p>{t('sectionAdded', { from: comparison.from.name })}</p>}
      {section.presence === 'removed' && <p>{t('sectionRemoved', { to: comparison.to.name })}</p>}
      {unchanged ? (
        <p className="muted">{t('noChanges')}</p>
      ) : (
        <>
          <ul className="plain">
            {section.byState.map((b) => (
              <li key={b.state ?? ''}>
                <span className="state-dot" style={{ background: stateColor(b.state) }} aria-hidden />{' '}
                {t('byState', { who: who(b.state), added: b.addedWords, removed: b.removedWords, moved: b.movedWords })}
              </li>
            ))}
          </ul>
          {section.added.length > 0 && (
            <>
              <h3>{t('added')}</h3>
              {passages(section.added, 'ins')}
            </>
          )}
          {section.removed.length > 0 && (
            <>
              <h3>{t('removed')}</h3>
              {passages(section.removed, 'del')}
            </>
          )}
        </>
      )}
    </section>
  );
}
