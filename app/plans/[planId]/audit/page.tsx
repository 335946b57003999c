import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import { listAudit } from '../../../../lib/audit/list-audit';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 1));

const PAGE: PlanSubpage = { path: 'audit', messages: 'AuditPage', managed: true };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

export default async function AuditPage({ params }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('AuditPage');
  const format = await getFormatter();
  const entries = await listAudit(await getDb(), { userId, planId: plan.id });
  // Each recorded action by name (`section.frozen` → "Section frozen"); one recorded before it had a name shows its code.
  const actionName = (action: string) => {
    const key = `actions.${action.replace('.', '_')}`;
    return t.has(key as never) ? t(key as never) : action;
  };
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('heading')} />
        <h1 id="audit-heading">{t('heading')}</h1>
        {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
        <div className="card table-scroll" role="region" aria-labelledby="audit-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>{t('when')}</th>
                <th>{t('who')}</th>
                <th>{t('what')}</th>
                <th>{t('before')}</th>
                <th>{t('after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>
                      {format.dateTime(new Date(e.at), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })}
                    </time>
                  </td>
                  <td>{e.actor ?? '—'}</td>
                  <td>
                    {actionName(e.action)}
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
        </div>
      </main>
    </>
  );
}
