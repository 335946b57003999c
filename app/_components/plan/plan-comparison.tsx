import { useLocale, useTranslations } from 'next-intl';
import { stateName } from '../../../lib/shared/member-states';
import { stateColor } from '../../../lib/shared/state-colors';
import type { ChangedPassage, PlanComparison, SectionComparison } from '../../../lib/versions/compare-plan-versions';

/** The comparison of two plan versions: per section, the words per state, then the passages added and removed. */
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
  const passages = (list: ChangedPassage[], Tag: 'ins' | 'del') => (
    <ul className="plain stack">
      {list.map((p, i) => (
        <li key={i} className="changed-passage" style={{ borderColor: stateColor(p.state) }}>
          <Tag>{p.text}</Tag> <span className="muted small">— {who(p.state)}</span>
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
                {t('byState', { who: who(b.state), added: b.addedWords, removed: b.removedWords })}
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
