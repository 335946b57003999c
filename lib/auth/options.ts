import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../../db';
import { config } from '../env';
import { logger } from '../log';
import { clearSignInAttempts, countSignInAttempt, TooManyAttempts } from './rate-limit';
import { revokeSession } from './sessions';
import { signIn } from './sign-in';

const credentials = z.object({ email: z.string().email(), password: z.string().min(1) });

/** next-auth configuration: credentials sign-in, JWT sessions carried in an httpOnly cookie. */
export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, DEMO_ACCOUNTS } = config();
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string' && typeof token.exp === 'number') {
          await revokeSession(await getDb(), token.sid, new Date(token.exp * 1000));
        }
      },
    },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const forwarded = req?.headers?.['x-forwarded-for'];
          const address = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || 'unknown';
          try {
            await countSignInAttempt(parsed.data.email, address);
          } catch (error) {
            if (error instanceof TooManyAttempts) logger('auth').warn({ address }, 'sign-in rate limited');
            throw error;
          }
          const user = await signIn(await getDb(), { ...parsed.data, demoAccounts: DEMO_ACCOUNTS });
          if (user) await clearSignInAttempts(parsed.data.email);
          logger('auth').info({ ok: Boolean(user), userId: user?.id }, 'sign-in attempt');
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
