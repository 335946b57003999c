import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../../db';
import { config } from '../env';
import { AppError } from '../errors';
import { sameSiteRedirect } from '../http/request-origin';
import { logger } from '../log';
import { isSessionLive } from './current-session';
import { clearSignInAttempts, lockIfExhausted, countSignInAttempt, TooManyAttempts } from './rate-limit';
import { endedSessionExpiry, SESSION_MAX_AGE_S } from './session-lifetime';
import { recordAccountLock } from './record-account-lock';
import { recordSignIn, revokeSession } from './sessions';
import { signIn } from './sign-in';

const credentials = z.object({ email: z.string().email(), password: z.string().min(1) });

const SIGNED_OUT = 'This session was signed out';

/**
 * next-auth configuration: credentials sign-in, JWT sessions carried in an httpOnly cookie.
 * `origin` is the request's own (lib/http/request-origin.ts): without NEXTAUTH_URL, next-auth itself
 * would send the browser to http://localhost:3000 whatever port or host it came through.
 */
export function authOptions({ origin }: { origin: string }): NextAuthOptions {
  const { NEXTAUTH_SECRET, DEMO_ACCOUNTS } = config();
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin' },
    logger: {
      error(code, metadata) {
        // A signed-out session presented again is an expected refusal, not a failure.
        const signedOut =
          code === 'JWT_SESSION_ERROR' && (metadata as { message?: string } | undefined)?.message === SIGNED_OUT;
        logger('auth')[signedOut ? 'info' : 'error'](
          { code, err: metadata },
          signedOut ? 'signed-out session refused' : 'next-auth error',
        );
      },
    },
    events: {
      async signOut({ token }) {
        // Any copy of this session's token, renewed until now, expires within one session lifetime from now.
        if (typeof token?.sid === 'string') await revokeSession(await getDb(), token.sid, endedSessionExpiry());
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
          const db = await getDb();
          const user = await signIn(db, { ...parsed.data, demoAccounts: DEMO_ACCOUNTS });
          if (user) await clearSignInAttempts(parsed.data.email);
          else {
            try {
              await lockIfExhausted(parsed.data.email);
            } catch (error) {
              // Said in the account's activity once, when the lock starts.
              if (error instanceof TooManyAttempts)
                await recordAccountLock(db, { email: parsed.data.email, seconds: error.retryAfterSeconds });
              throw error;
            }
          }
          logger('auth').info({ ok: Boolean(user), userId: user?.id }, 'sign-in attempt');
          return user;
        },
      }),
    ],
    callbacks: {
      // next-auth's baseUrl is its placeholder when NEXTAUTH_URL is unset: URLs on it are ours too.
      redirect: ({ url, baseUrl }) => sameSiteRedirect(url, origin, [baseUrl]),
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          const sessionId = randomUUID();
          token.sid = sessionId;
          // Noted under its user, so that a change of password can end it.
          await recordSignIn(await getDb(), { sessionId, userId: user.id });
          return token;
        }
        // Reading the session through next-auth (the browser's useSession, /api/auth/session) renews its
        // token: a signed-out one must be refused here too, or it would come back renewed. Throwing makes
        // next-auth answer with no session and clear the cookie.
        const live =
          typeof token.sid === 'string' &&
          typeof token.exp === 'number' &&
          (await isSessionLive(await getDb(), { sessionId: token.sid, expiresAt: new Date(token.exp * 1000) }));
        if (!live) throw new AppError('unauthenticated', SIGNED_OUT);
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
