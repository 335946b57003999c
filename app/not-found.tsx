import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getDb } from '../db';
import { planIdInPath, REQUEST_PATH_HEADER } from '../lib/http/request-path';
import { findWhomToAsk } from '../lib/plans/find-whom-to-ask';
import { TopBar } from './_components/layout/top-bar';
import { currentUserId } from './_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('NotFound'))('title') };
}

/**
 * An unknown address, or a plan, section or page the reader may not see (the app answers all alike, with
 * 404). Within a plan that exists, a signed-in reader is told whom to ask: its chair, by name, and
 * nothing else about the plan.
 */
export default async function NotFound() {
  const t = await getTranslations('NotFound');
  const userId = await currentUserId();
  const planId = planIdInPath((await headers()).get(REQUEST_PATH_HEADER));
  const ask = userId && planId ? await findWhomToAsk(await getDb(), { userId, planId }) : { kind: 'unknown' as const };
  return (
    <>
      <TopBar userId={userId ?? undefined} />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('title')}</h1>
        <p>{t('explanation')}</p>
        {ask.kind === 'not-member' && <p data-testid="who-to-ask">{t('notMember', { chair: ask.chair })}</p>}
        {ask.kind === 'member' && <p data-testid="who-to-ask">{t('notAllowed', { chair: ask.chair })}</p>}
        <p>
          <Link href="/plans">{t('back')}</Link>
        </p>
      </main>
    </>
  );
}
