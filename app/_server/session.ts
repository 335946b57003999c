import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '../../lib/auth/options';
import { AppError } from '../../lib/errors';

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/** For pages: the signed-in user's id, or a redirect to the sign-in page. */
export async function requireUserId(callbackUrl: string): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return userId;
}

/** For route handlers: the signed-in user's id, or an unauthenticated AppError. */
export async function requireApiUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) throw new AppError('unauthenticated', 'Sign in first');
  return userId;
}
