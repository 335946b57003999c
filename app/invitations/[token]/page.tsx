import { getDb } from '../../../db';
import { AppError } from '../../../lib/errors';
import { describeInvitation, type InvitationView } from '../../../lib/plans/invitations';
import { AcceptInvitationForm } from '../../_components/auth/accept-invitation-form';
import { ErrorAlert } from '../../_components/error-alert';

export const dynamic = 'force-dynamic';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: InvitationView;
  try {
    invitation = await describeInvitation(await getDb(), token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <main className="narrow">
        <h1>Invitation</h1>
        <ErrorAlert message={error.message} />
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>Join the working group</h1>
      <p>
        You are invited to <strong>{invitation.planTitle}</strong> as{' '}
        <strong>{invitation.state ? `coordinator of ${invitation.state}` : invitation.role}</strong>.
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </main>
  );
}
