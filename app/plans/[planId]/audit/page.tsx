import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import { AUDIT_KINDS, auditFilter } from '../../../../lib/audit/audit-filters';
import { listAudit } from '../../../../lib/audit/list-audit';
import { statesIn } from '../../../../lib/shared/member-states';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { LocalTime } from '../../../_components/local-time';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };
type Search = { searchParams: Promise<{ kind?: string; state?: string; before?: string }> };

const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 1));

/** The number of the paragraph an entry is about ("2.3"), when it records one. */
const paragraphOf = (value: unknown): string | null => {
  const paragraph = value && typeof value === 'object' ? (value as { paragraph?: unknown }).paragraph : null;
  return typeof paragraph === 'string' ? paragraph : null;
};

const PAGE: PlanSubpage = { path: 'audit', messages: 'AuditPage', managed: 'audit' };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

/** The plan's audit log: one line per change saying who did what, filters by kind and state, the record on demand. */
export default async function AuditPage({ params, searchParams }: Params & Search) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('AuditPage');
  const filter = auditFilter(await searchParams);
  const filtered = Boolean(filter.kind || filter.state);
  const { entries, olderBefore } = await listAudit(await getDb(), { userId, planId: plan.id, filter });
  // The next and first pages keep the filters.
  const pageHref = (before?: number) =>
    `?${new URLSearchParams({
      ...(filter.kind && { kind: filter.kind }),
      ...(filter.state && { state: filter.state }),
      ...(before && { before: String(before) }),
    }).toString()}`;
  const states = statesIn(await getLocale());
  // Each recorded action by name (`section.frozen` → "Section frozen"), with the paragraph it was on where
  // it has one; one recorded before it had a name shows its code.
  const actionName = (entry: { action: string; before: unknown; after: unknown }) => {
    const key = `actions.${entry.action.replace('.', '_')}`;
    const paragraph = paragraphOf(entry.after) ?? paragraphOf(entry.before) ?? '';
    return t.has(key as never) ? t(key as never, { paragraph } as never) : entry.action;
  };
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('heading')} />
        <h1 id="audit-heading">{t('heading')}</h1>
        <form className="row card" method="get" aria-label={t('filters')}>
          <label>
            {t('kind')}{' '}
            <select name="kind" defaultValue={filter.kind ?? ''}>
              <option value="">{t('allKinds')}</option>
              {AUDIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('state')}{' '}
            <select name="state" defaultValue={filter.state ?? ''}>
              <option value="">{t('allStates')}</option>
              {states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('apply')}</button>
        </form>
        {entries.length === 0 ? (
          <p className="muted" data-testid="audit-empty">
            {filtered ? t('noMatch') : filter.before ? t('noOlder') : t('empty')}
          </p>
        ) : (
          <ol className="plain stack audit-entries" aria-labelledby="audit-heading">
            {entries.map((e) => (
              <li key={e.id} className="card">
                <p>
                  <span className="muted">
                    <LocalTime at={e.at} />
                  </span>{' '}
                  {t('sentence', { who: e.actor ?? t('someone'), what: actionName(e) })}
                </p>
                <details>
                  <summary>{t('detail')}</summary>
                  <p className="muted">{e.target}</p>
                  <div className="row">
                    <div>
                      <strong>{t('before')}</strong>
                      <pre className="json">{show(e.before)}</pre>
                    </div>
                    <div>
                      <strong>{t('after')}</strong>
                      <pre className="json">{show(e.after)}</pre>
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
        {(olderBefore || filter.before) && (
          <nav className="row" aria-label={t('pages')}>
            {filter.before && <Link href={pageHref()}>{t('newest')}</Link>}
            {olderBefore && <Link href={pageHref(olderBefore)}>{t('older')}</Link>}
          </nav>
        )}
      </main>
    </>
  );
}
