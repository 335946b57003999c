'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { sectionAnchor } from '../../../lib/export/blocks';
import type { OverlapMark } from '../../../lib/plans/read-plan-text';
import { stateColor } from '../../../lib/shared/state-colors';
import { announce } from '../announcer';
import { useInitialsChoice } from '../editor/use-margin-initials';
import { useStateName } from '../i18n/use-state-name';
import { LiveSection, type SectionText } from './live-section';
import '../negotiation/negotiation.css';
import './plan-text.css';

type Props = {
  planId: string;
  /** The reader: their choice of initials in the margin is remembered under their id. */
  userId: string;
  title: string;
  goal: SectionText;
  sections: Array<SectionText & { title: string; leadState: string; coEditingStates: string[] }>;
  sectionIds: string[];
  /** The number of each merged paragraph, by merge id, as the server numbered the plan. */
  mergeNumbers: Record<string, string>;
  /** The state (code) of each member who writes for one, by user id. */
  authors: Record<string, string>;
  overlaps: OverlapMark[];
};

const NONE: OverlapMark[] = [];

/**
 * The whole plan on one page: the goal, then every section in order with its lead state, numbered
 * paragraphs, co-sponsorship marks and open overlaps, live as people type; "Show authorship" colours
 * every run by its state, for the whole plan at once.
 */
export function PlanText({
  planId,
  userId,
  title,
  goal,
  sections,
  sectionIds,
  mergeNumbers,
  authors,
  overlaps,
}: Props) {
  const t = useTranslations('PlanTextPage');
  const views = useTranslations('DocumentViews');
  const plan = useTranslations('PlanPage');
  const format = useFormatter();
  const stateName = useStateName();
  const [authorship, setAuthorship] = useState(false);
  const [initials, setInitials] = useInitialsChoice(userId);
  // The moment the whole plan answers input, as browsers' own timings cannot say (bench/plan-page.ts reads it).
  useEffect(() => void performance.mark('plan-text-hydrated'), []);
  const numbers = useMemo(() => new Map(Object.entries(mergeNumbers)), [mergeNumbers]);
  const bySection = new Map<string, OverlapMark[]>();
  for (const mark of overlaps) bySection.set(mark.sectionId, [...(bySection.get(mark.sectionId) ?? []), mark]);
  const states = [...new Set(Object.values(authors))].sort((a, b) => stateName(a).localeCompare(stateName(b)));
  const section = (s: SectionText) => (
    <LiveSection
      planId={planId}
      section={s}
      sectionIds={sectionIds}
      mergeNumbers={numbers}
      authors={authors}
      overlaps={bySection.get(s.id) ?? NONE}
    />
  );

  return (
    <article className={['plan-text', authorship && 'authorship', initials && 'initials'].filter(Boolean).join(' ')}>
      <div className="row plan-text-tools">
        <button
          type="button"
          className="secondary"
          aria-pressed={authorship}
          onClick={() => {
            setAuthorship(!authorship);
            announce(authorship ? t('authorshipHidden') : t('authorshipShown'));
          }}
        >
          {authorship ? views('hideAuthorship') : views('showAuthorship')}
        </button>
        <button
          type="button"
          className="secondary toggle"
          aria-pressed={initials}
          onClick={() => {
            setInitials(!initials);
            announce(initials ? views('initialsHidden') : views('initialsShown'));
          }}
        >
          {views('initials')}
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
        <span className="muted small">{t('live')}</span>
      </div>
      {authorship && (
        <ul className="legend" aria-label={views('legend')}>
          {states.map((code) => (
            <li key={code}>
              <span className="state-dot" style={{ background: stateColor(code) }} /> {stateName(code)}
            </li>
          ))}
          <li>
            <span className="state-dot" style={{ background: stateColor(null) }} /> {views('chairOrSeeded')}
          </li>
        </ul>
      )}
      <h1>{title}</h1>
      <section aria-labelledby="goal-heading">
        <h2 id="goal-heading">{plan('goalHeading')}</h2>
        {section(goal)}
      </section>
      {sections.map((s) => (
        <section key={s.id} id={sectionAnchor(s.id)} aria-labelledby={`h-${s.id}`}>
          <h2 id={`h-${s.id}`}>{t('sectionHeading', { number: s.number, title: s.title })}</h2>
          <p className="lead muted">
            {plan('lead', { state: stateName(s.leadState) })}
            {s.coEditingStates.length > 0 && (
              <>
                {' · '}
                {plan('coEditing', { states: format.list(s.coEditingStates.map(stateName)) })}
              </>
            )}
          </p>
          {section(s)}
        </section>
      ))}
    </article>
  );
}
