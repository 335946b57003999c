import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../db';
import { AppError } from '../../../lib/errors';
import { describeInvitation, type InvitationView } from '../../../lib/plans/describe-invitation';
import { stateCodeOfEnglishName, stateName } from '../../../lib/shared/member-states';
import { AcceptInvitationForm } from '../../_components/auth/accept-invitation-form';
import { ErrorAlert } from '../../_components/error-alert';
import { TopBar } from '../../_components/layout/top-bar';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('InvitationPage'))('title') };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('InvitationPage');
  let invitation: InvitationView;
  try {
    invitation = await describeInvitation(await getDb(), token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <>
        <TopBar />
        <main id="main" tabIndex={-1} className="narrow">
          <h1>{t('title')}</h1>
          <ErrorAlert message={error.message} />
        </main>
      </>
    );
  }
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  // The invitation names its state in English (lib/plans/open-invitation.ts): shown in the reader's language.
  const code = invitation.state ? stateCodeOfEnglishName(invitation.state) : undefined;
  const state = code ? stateName(code, await getLocale()) : invitation.state;
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('heading')}</h1>
        <p>
          {state
            ? t.rich('asCoordinator', { plan: invitation.planTitle, state, strong })
            : t.rich('asRole', { plan: invitation.planTitle, role: invitation.role, strong })}
        </p>
        <AcceptInvitationForm token={token} email={invitation.email} />
      </main>
    </>
  );
}
