'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { announce } from '../announcer';
import { api } from '../api-client';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import type { BoardSection } from './live-passage';
import { useStateName } from '../i18n/use-state-name';
import type { OverlapComparison } from '../../../lib/consolidation/compare-passages';
import { openAndResolved } from './overlap-types';
import { OverlapWorkbench } from './overlap-workbench';
import { TranslationOffNotice } from '../reading/translation-off-notice';
import { PassageCard } from './passage-card';
import { ReopenButton } from './reopen-button';
import { useOverlapWords } from './use-overlap-words';
import { useOverlaps } from './use-overlaps';

/** Distinct words the two passages share in the reader's language, as marked. */
const sharedCount = (comparison: OverlapComparison) => {
  const { a } = comparison;
  return (a.translation ? a.translationMarked : a.marked).length;
};

type Props = {
  planId: string;
  goalRoomId: string;
  sections: BoardSection[];
  identity: EditorIdentity;
  people: Record<string, Person>;
};

/**
 * The chair's consolidation view: the plan's open overlaps strongest first; opening one shows both
 * passages marked in their live editors side by side, with the three resolutions below.
 */
export function ConsolidationBoard({ planId, goalRoomId, sections, identity, people }: Props) {
  const t = useTranslations('ConsolidationBoard');
  const kinds = useTranslations('OverlapKinds');
  const stateName = useStateName();
  const { percent, describeResolution } = useOverlapWords();
  const { overlaps, canResolve, translation, error, refresh } = useOverlaps(`/api/plans/${planId}/overlaps`, {
    plan: goalRoomId,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const { open, resolved } = openAndResolved(overlaps);
  const selected = open.find((o) => o.id === openId) ?? null;

  async function analyse() {
    setAnalysing(true);
    await api('POST', `/api/plans/${planId}/overlaps`).finally(() => setAnalysing(false));
    await refresh();
  }

  return (
    <div className="stack">
      <div className="row">
        <p className="muted">{t('intro')}</p>
        {canResolve && (
          <button type="button" onClick={() => void analyse()} disabled={analysing}>
            {analysing ? t('analysing') : t('analyse')}
          </button>
        )}
      </div>
      <TranslationOffNotice translation={translation} what="overlaps" />
      {error && <p className="error">{error}</p>}
      {selected && (
        <OverlapWorkbench
          key={selected.id}
          overlap={selected}
          sections={sections}
          identity={identity}
          people={people}
          canResolve={canResolve}
          onResolved={(kind) => {
            setOpenId(null);
            void refresh();
            // The side-by-side view closes: focus goes to the list it was opened from, and the outcome is said.
            openHeading.current?.focus();
            announce(t(`resolvedNow.${kind}`));
          }}
        />
      )}
      <h2 ref={openHeading} tabIndex={-1}>
        {t('open', { count: open.length })}
      </h2>
      {open.length === 0 && <p>{t('noneOpen')}</p>}
      <ol className="plain stack" aria-label={t('openList')}>
        {open.map((o) => (
          <li key={o.id} className={`card stack overlap${o.id === openId ? ' selected' : ''}`}>
            <div className="row">
              <span>
                {t.rich('similar', { percent: percent(o.score), strong: (chunks) => <strong>{chunks}</strong> })} ·{' '}
                {o.kind === 'copy' || o.kind === 'paraphrase' || o.kind === 'containment' ? kinds(o.kind) : o.kind}
              </span>
              <span className="spacer" />
              <button
                type="button"
                aria-label={t('openSideBySideOf', {
                  percent: percent(o.score),
                  a: o.a.sectionNumber,
                  b: o.b.sectionNumber,
                })}
                onClick={() => setOpenId(o.id)}
              >
                {t('openSideBySide')}
              </button>
            </div>
            {o.comparison && <p className="small muted">{t('why', { count: sharedCount(o.comparison) })}</p>}
            <div className="pair">
              <PassageCard planId={planId} passage={o.a} reading={o.comparison?.a} into={o.comparison?.into} />
              <PassageCard planId={planId} passage={o.b} reading={o.comparison?.b} into={o.comparison?.into} />
            </div>
          </li>
        ))}
      </ol>
      {resolved.length > 0 && (
        <>
          <h2>{t('resolved', { count: resolved.length })}</h2>
          <ul className="plain stack" aria-label={t('resolvedList')}>
            {resolved.map((o) => (
              <li key={o.id} className="card small resolution" data-status={o.status}>
                {t.rich('resolution', {
                  number: o.a.sectionNumber,
                  state: stateName(o.a.state.code),
                  resolution: describeResolution(o, o.a.sectionId),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
                {canResolve && o.status !== 'closed' && <ReopenButton overlap={o} onReopened={() => void refresh()} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
