import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../../db';
import { config } from '../env';
import { logger } from '../log';
import { signIn } from './sign-in';

const credentials = z.object({ email: z.string().email(), password: z.string().min(1) });

/** next-auth configuration: credentials sign-in, JWT sessions carried in an httpOnly cookie. */
export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, DEMO_ACCOUNTS } = config();
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const user = await signIn(await getDb(), { ...parsed.data, demoAccounts: DEMO_ACCOUNTS });
          logger('auth').info({ ok: Boolean(user), userId: user?.id }, 'sign-in attempt');
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
