import { SignInForm } from '../_components/auth/sign-in-form';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute URL here would make the sign-in page an open redirect.
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/plans';
  return (
    <main className="narrow">
      <h1>Concordia</h1>
      <p className="muted">Sign in to draft the plan of action with the other delegations.</p>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
